import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A GitHub REST compatible server for tests: real HTTP on 127.0.0.1, a port the OS picks, one
 * repository. It serves releases (drafts hidden from the by-tag route, as on GitHub), their
 * assets (upload on `/uploads/...`, which each release's `upload_url` points at; download with
 * `Accept: application/octet-stream`), git refs, file contents and pull requests.
 *
 * Faults: `failNext` answers matching requests with a status; `interruptUploads` records the
 * asset as GitHub does for an upload cut short (state "starter") and drops the connection.
 * Every request is recorded in `requests` (the Authorization header's value never is).
 */
export interface GitHubServerOptions {
  readonly owner?: string;
  readonly repo?: string;
  /** The token clients must send (default: any). */
  readonly token?: string;
  /** Whether assets carry `digest: "sha256:…"` like the newer API (default: true). */
  readonly digests?: boolean;
  /**
   * Whether a branch exists, for opening pull requests (default: looks in `refs`). A test whose
   * pushes go to a git repository on disk answers from there.
   */
  readonly branchExists?: (branch: string) => boolean;
  /**
   * Immutable releases, as a repository with the setting on (default: false): a release is locked
   * once published (`immutable: true`): its assets can be neither added nor deleted, only its
   * title and notes change, and its tag can never be used again.
   */
  readonly immutableReleases?: boolean;
}

export interface RecordedRequest {
  readonly method: string;
  /** Path without the query, e.g. `/repos/o/r/releases`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly hasAuth: boolean;
  status: number;
}

export interface FakeAsset {
  id: number;
  name: string;
  state: string;
  content: Buffer;
  contentType: string;
}

export interface FakeRelease {
  id: number;
  tag_name: string;
  name: string;
  body: string;
  draft: boolean;
  prerelease: boolean;
  target_commitish: string;
  /** `make_latest` as last given when the release was published, if it was. */
  make_latest?: string;
  immutable?: boolean;
  assets: FakeAsset[];
}

export interface FakePull {
  number: number;
  head: string;
  base: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
}

export interface Fault {
  readonly method?: string;
  /** Matches the request's path (without query). */
  readonly path?: RegExp;
  readonly status: number;
  /** How many matching requests it answers (default 1). */
  readonly times?: number;
  readonly body?: unknown;
  /** Never answer: read the request and keep the connection open until the server closes. */
  readonly hang?: boolean;
}

export interface GitHubServer {
  /** API root for Octokit's `baseUrl` and `GITHUB_API_URL`. */
  readonly url: string;
  readonly owner: string;
  readonly repo: string;
  readonly requests: RecordedRequest[];
  readonly releases: FakeRelease[];
  readonly pulls: FakePull[];
  /** `refs/heads/main` → sha. */
  readonly refs: Map<string, string>;
  /** Repository path → file content. */
  readonly contents: Map<string, string>;
  failNext(fault: Fault): void;
  /** Cut the next `count` asset uploads short, leaving a "starter" asset behind. */
  interruptUploads(count: number): void;
  /** `METHOD /path` of each request since `from`, for asserting sequences. */
  calls(from?: number): string[];
  close(): Promise<void>;
}

export async function startGitHubServer(options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const owner = options.owner ?? 'octo-org';
  const repo = options.repo ?? 'octo-repo';
  const digests = options.digests ?? true;
  const requests: RecordedRequest[] = [];
  const releases: FakeRelease[] = [];
  const pulls: FakePull[] = [];
  const refs = new Map<string, string>([['heads/main', 'a'.repeat(40)]]);
  const contents = new Map<string, string>();
  const faults: Array<Fault & { left: number }> = [];
  const usedTags = new Set<string>();
  const publish = (release: FakeRelease) => {
    if (options.immutableReleases && !release.draft) {
      release.immutable = true;
      usedTags.add(release.tag_name);
    }
  };
  let interrupts = 0;
  let nextId = 1;
  let url = '';
  const repoPath = `/repos/${owner}/${repo}`;

  const releaseJson = (release: FakeRelease) => ({
    id: release.id,
    url: `${url}${repoPath}/releases/${release.id}`,
    html_url: `https://github.test/${owner}/${repo}/releases/tag/${release.tag_name}`,
    assets_url: `${url}${repoPath}/releases/${release.id}/assets`,
    upload_url: `${url}/uploads${repoPath}/releases/${release.id}/assets{?name,label}`,
    tag_name: release.tag_name,
    target_commitish: release.target_commitish,
    name: release.name,
    body: release.body,
    draft: release.draft,
    prerelease: release.prerelease,
    immutable: release.immutable === true,
    created_at: '2026-01-01T00:00:00Z',
    published_at: release.draft ? null : '2026-01-01T00:00:00Z',
    author: { login: 'github-actions[bot]', id: 41898282 },
    assets: release.assets.map(assetJson),
  });
  const assetJson = (asset: FakeAsset) => ({
    id: asset.id,
    url: `${url}${repoPath}/releases/assets/${asset.id}`,
    browser_download_url: `https://github.test/${owner}/${repo}/releases/download/x/${asset.name}`,
    name: asset.name,
    label: null,
    state: asset.state,
    content_type: asset.contentType,
    size: asset.content.length,
    digest: digests ? `sha256:${createHash('sha256').update(asset.content).digest('hex')}` : null,
    download_count: 0,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    uploader: null,
  });
  const pullJson = (pull: FakePull) => ({
    number: pull.number,
    state: pull.state,
    title: pull.title,
    body: pull.body,
    html_url: `https://github.test/${owner}/${repo}/pull/${pull.number}`,
    head: { ref: pull.head, label: `${owner}:${pull.head}` },
    base: { ref: pull.base },
  });

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      send(response, 500, { message: String(error) });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const parsed = new URL(request.url ?? '/', url);
    const method = request.method ?? 'GET';
    const path = decodeURIComponent(parsed.pathname);
    const query = Object.fromEntries(parsed.searchParams);
    const record: RecordedRequest = {
      method,
      path,
      query,
      hasAuth: request.headers.authorization !== undefined,
      status: 0,
    };
    requests.push(record);
    const body = await readBody(request);
    const reply = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      send(response, status, data, headers);
    };

    if (options.token !== undefined) {
      const auth = request.headers.authorization ?? '';
      if (auth !== `token ${options.token}` && auth !== `Bearer ${options.token}`) {
        return reply(401, { message: 'Bad credentials' });
      }
    }
    const fault = faults.find(
      (candidate) =>
        candidate.left > 0 &&
        (candidate.method === undefined || candidate.method === method) &&
        (candidate.path === undefined || candidate.path.test(path)),
    );
    if (fault !== undefined) {
      fault.left -= 1;
      if (fault.hang) {
        record.status = 0;
        return;
      }
      return reply(fault.status, fault.body ?? { message: `fault ${fault.status}` });
    }

    const json = (): Record<string, unknown> =>
      body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as Record<string, unknown>);
    let match: RegExpExecArray | null;

    // Releases
    if (path === `${repoPath}/releases` && method === 'GET') {
      return reply(200, ...paginate(releases.slice().reverse().map(releaseJson), query, `${url}${path}`));
    }
    if (path === `${repoPath}/releases` && method === 'POST') {
      const input = json();
      const tag = String(input.tag_name ?? '');
      if (tag === '') return reply(422, validation('Release', 'missing_field', 'tag_name'));
      if (releases.some((release) => release.tag_name === tag) || usedTags.has(tag)) {
        return reply(422, validation('Release', 'already_exists', 'tag_name'));
      }
      const release: FakeRelease = {
        id: nextId++,
        tag_name: tag,
        name: String(input.name ?? tag),
        body: String(input.body ?? ''),
        draft: input.draft === true,
        prerelease: input.prerelease === true,
        target_commitish: String(input.target_commitish ?? 'main'),
        assets: [],
      };
      if (typeof input.make_latest === 'string' && !release.draft) release.make_latest = input.make_latest;
      publish(release);
      releases.push(release);
      if (!refs.has(`tags/${tag}`)) refs.set(`tags/${tag}`, refs.get('heads/main') ?? 'a'.repeat(40));
      return reply(201, releaseJson(release));
    }
    if ((match = new RegExp(`^${repoPath}/releases/tags/(.+)$`).exec(path)) && method === 'GET') {
      const release = releases.find((candidate) => candidate.tag_name === match?.[1] && !candidate.draft);
      return release === undefined ? reply(404, notFound()) : reply(200, releaseJson(release));
    }
    if ((match = new RegExp(`^${repoPath}/releases/(\\d+)$`).exec(path))) {
      const release = releases.find((candidate) => candidate.id === Number(match?.[1]));
      if (release === undefined) return reply(404, notFound());
      if (method === 'GET') return reply(200, releaseJson(release));
      if (method === 'PATCH') {
        const input = json();
        if (typeof input.body === 'string') release.body = input.body;
        if (typeof input.name === 'string') release.name = input.name;
        if (release.immutable && (input.draft === true || typeof input.tag_name === 'string')) {
          return reply(422, { message: 'Cannot modify an immutable release.', status: '422' });
        }
        if (typeof input.draft === 'boolean') release.draft = input.draft;
        if (typeof input.make_latest === 'string') release.make_latest = input.make_latest;
        publish(release);
        return reply(200, releaseJson(release));
      }
      if (method === 'DELETE') {
        releases.splice(releases.indexOf(release), 1);
        return reply(204);
      }
    }
    // Assets
    if ((match = new RegExp(`^${repoPath}/releases/(\\d+)/assets$`).exec(path)) && method === 'GET') {
      const release = releases.find((candidate) => candidate.id === Number(match?.[1]));
      if (release === undefined) return reply(404, notFound());
      return reply(200, ...paginate(release.assets.map(assetJson), query, `${url}${path}`));
    }
    if ((match = new RegExp(`^${repoPath}/releases/assets/(\\d+)$`).exec(path))) {
      const found = findAsset(Number(match[1]));
      if (found === undefined) return reply(404, notFound());
      if (method === 'GET') {
        if ((request.headers.accept ?? '').includes('application/octet-stream')) {
          record.status = 200;
          response.writeHead(200, {
            'content-type': 'application/octet-stream',
            'content-length': found.asset.content.length,
          });
          response.end(found.asset.content);
          return;
        }
        return reply(200, assetJson(found.asset));
      }
      if (method === 'DELETE') {
        if (found.release.immutable) {
          return reply(422, { message: 'Cannot delete assets of an immutable release.', status: '422' });
        }
        found.release.assets.splice(found.release.assets.indexOf(found.asset), 1);
        return reply(204);
      }
    }
    if (
      (match = new RegExp(`^/uploads${repoPath}/releases/(\\d+)/assets$`).exec(path)) &&
      method === 'POST'
    ) {
      const release = releases.find((candidate) => candidate.id === Number(match?.[1]));
      if (release === undefined) return reply(404, notFound());
      const name = query.name ?? '';
      if (name === '') return reply(422, validation('ReleaseAsset', 'missing_field', 'name'));
      if (release.immutable) {
        return reply(422, { message: 'Cannot upload assets to an immutable release.', status: '422' });
      }
      if (release.assets.some((asset) => asset.name === name)) {
        return reply(422, validation('ReleaseAsset', 'already_exists', 'name'));
      }
      const asset: FakeAsset = {
        id: nextId++,
        name,
        state: 'uploaded',
        content: body,
        contentType: request.headers['content-type'] ?? 'application/octet-stream',
      };
      release.assets.push(asset);
      if (interrupts > 0) {
        interrupts -= 1;
        asset.state = 'starter';
        record.status = 0;
        response.destroy();
        return;
      }
      return reply(201, assetJson(asset));
    }
    // Git refs
    if ((match = new RegExp(`^${repoPath}/git/ref/(.+)$`).exec(path)) && method === 'GET') {
      const sha = refs.get(match[1] ?? '');
      return sha === undefined ? reply(404, notFound()) : reply(200, refJson(match[1] ?? '', sha));
    }
    if (path === `${repoPath}/git/refs` && method === 'POST') {
      const input = json();
      const ref = String(input.ref ?? '').replace(/^refs\//, '');
      if (refs.has(ref)) return reply(422, { message: 'Reference already exists' });
      refs.set(ref, String(input.sha ?? ''));
      return reply(201, refJson(ref, String(input.sha ?? '')));
    }
    if ((match = new RegExp(`^${repoPath}/git/refs/(.+)$`).exec(path)) && method === 'PATCH') {
      const ref = match[1] ?? '';
      if (!refs.has(ref)) return reply(422, { message: 'Reference does not exist' });
      refs.set(ref, String(json().sha ?? ''));
      return reply(200, refJson(ref, refs.get(ref) ?? ''));
    }
    // Contents
    if ((match = new RegExp(`^${repoPath}/contents/(.+)$`).exec(path))) {
      const file = match[1] ?? '';
      if (method === 'GET') {
        const text = contents.get(file);
        if (text === undefined) return reply(404, notFound());
        const buffer = Buffer.from(text, 'utf8');
        return reply(200, {
          type: 'file',
          path: file,
          name: file.split('/').pop(),
          size: buffer.length,
          encoding: 'base64',
          content: buffer.toString('base64'),
          sha: createHash('sha1').update(buffer).digest('hex'),
        });
      }
      if (method === 'PUT') {
        const input = json();
        contents.set(file, Buffer.from(String(input.content ?? ''), 'base64').toString('utf8'));
        return reply(200, { content: { path: file }, commit: { sha: 'c'.repeat(40) } });
      }
    }
    // Pulls
    if (path === `${repoPath}/pulls` && method === 'GET') {
      const head = query.head;
      const state = query.state ?? 'open';
      const found = pulls.filter(
        (pull) =>
          (head === undefined || `${owner}:${pull.head}` === head) &&
          (state === 'all' || pull.state === state),
      );
      return reply(200, ...paginate(found.map(pullJson), query, `${url}${path}`));
    }
    if (path === `${repoPath}/pulls` && method === 'POST') {
      const input = json();
      const head = String(input.head ?? '');
      const exists = options.branchExists ?? ((branch: string) => refs.has(`heads/${branch}`));
      if (!exists(head)) return reply(422, validation('PullRequest', 'invalid', 'head'));
      if (pulls.some((pull) => pull.head === head && pull.state === 'open')) {
        return reply(422, {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'PullRequest',
              code: 'custom',
              message: `A pull request already exists for ${owner}:${head}.`,
            },
          ],
        });
      }
      const pull: FakePull = {
        number: pulls.length + 1,
        head,
        base: String(input.base ?? 'main'),
        title: String(input.title ?? ''),
        body: String(input.body ?? ''),
        state: 'open',
      };
      pulls.push(pull);
      return reply(201, pullJson(pull));
    }
    if ((match = new RegExp(`^${repoPath}/pulls/(\\d+)$`).exec(path)) && method === 'PATCH') {
      const pull = pulls.find((candidate) => candidate.number === Number(match?.[1]));
      if (pull === undefined) return reply(404, notFound());
      const input = json();
      if (typeof input.title === 'string') pull.title = input.title;
      if (typeof input.body === 'string') pull.body = input.body;
      return reply(200, pullJson(pull));
    }
    return reply(404, notFound());
  }

  function findAsset(id: number): { release: FakeRelease; asset: FakeAsset } | undefined {
    for (const release of releases) {
      const asset = release.assets.find((candidate) => candidate.id === id);
      if (asset !== undefined) return { release, asset };
    }
    return undefined;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    owner,
    repo,
    requests,
    releases,
    pulls,
    refs,
    contents,
    failNext: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
    interruptUploads: (count) => {
      interrupts = count;
    },
    calls: (from = 0) => requests.slice(from).map((entry) => `${entry.method} ${entry.path}`),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function paginate<T>(items: T[], query: Record<string, string>, base: string): [T[], Record<string, string>] {
  const perPage = Math.min(Number(query.per_page ?? 30) || 30, 100);
  const page = Number(query.page ?? 1) || 1;
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const headers: Record<string, string> = {};
  if (page < last) {
    const params = new URLSearchParams({ ...query, page: String(page + 1) });
    headers.link = `<${base}?${params.toString()}>; rel="next"`;
  }
  return [items.slice((page - 1) * perPage, page * perPage), headers];
}

function refJson(ref: string, sha: string) {
  return { ref: `refs/${ref}`, object: { sha, type: 'commit' } };
}

function validation(resource: string, code: string, field: string) {
  return { message: 'Validation Failed', errors: [{ resource, code, field }], status: '422' };
}

function notFound() {
  return { message: 'Not Found', status: '404' };
}

function send(
  response: ServerResponse,
  status: number,
  data?: unknown,
  headers: Record<string, string> = {},
): void {
  if (response.headersSent) return;
  if (data === undefined) {
    response.writeHead(status, headers);
    response.end();
    return;
  }
  const text = JSON.stringify(data);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
