import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { isPrivateAddress } from './private-address.js';

/**
 * The made-up origin pages are loaded from. Every request to it is answered from memory or disk by
 * us, so the browser never opens a file:// URL or a socket for the document's own assets.
 */
export const pageOrigin = 'https://readme-i18n.invalid';

export interface GuardedFile {
  readonly body: Buffer | string;
  readonly contentType: string;
}

export interface RequestGuardOptions {
  /** Answers a path of the made-up origin (`/fr/index.html`), or undefined to refuse it. */
  readonly serve: (path: string) => Promise<GuardedFile | undefined>;
  /** Let images from public http(s) hosts through (never loopback or private addresses). */
  readonly allowRemote: boolean;
}

export interface RequestGuard {
  /** Requests refused so far, by URL. */
  readonly refused: readonly string[];
}

/** Turns interception on: the page's own files are served, public images optionally let through, all else aborted. */
export async function guardRequests(page: Page, options: RequestGuardOptions): Promise<RequestGuard> {
  const refused: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    void decide(request, options)
      .then(
        async (answer) => {
          if (answer === 'continue') return request.continue();
          if (answer === 'refuse') {
            if (!request.url().endsWith('/favicon.ico')) refused.push(request.url());
            return request.abort('blockedbyclient');
          }
          return request.respond({ status: 200, contentType: answer.contentType, body: answer.body });
        },
        () => {
          refused.push(request.url());
          return request.abort('blockedbyclient');
        },
      )
      .catch(() => {
        // The page closed (time limit, failure) before the answer: nothing left to do.
      });
  });
  return { refused };
}

async function decide(
  request: HTTPRequest,
  options: RequestGuardOptions,
): Promise<GuardedFile | 'continue' | 'refuse'> {
  let url: URL;
  try {
    url = new URL(request.url());
  } catch {
    return 'refuse';
  }
  // Inline data (diagrams, KaTeX) never leaves the page.
  if (url.protocol === 'data:') return 'continue';
  if (url.origin === pageOrigin) {
    if (request.method() !== 'GET') return 'refuse';
    return (await options.serve(decodeURIComponent(url.pathname))) ?? 'refuse';
  }
  if (!options.allowRemote || request.resourceType() !== 'image') return 'refuse';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'refuse';
  return (await isPublicHost(url.hostname)) ? 'continue' : 'refuse';
}

/** Whether every address the host name resolves to is public. */
async function isPublicHost(hostname: string): Promise<boolean> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (isIP(bare)) return !isPrivateAddress(bare);
  if (bare === 'localhost' || bare.endsWith('.localhost')) return false;
  try {
    const addresses = await lookup(bare, { all: true });
    return addresses.length > 0 && addresses.every((entry) => !isPrivateAddress(entry.address));
  } catch {
    return false;
  }
}
