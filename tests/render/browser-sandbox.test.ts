import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BrowserSandboxError } from '../../src/render/find-browser.js';
import { launchBrowser } from '../../src/render/launch-browser.js';
import { tempDir } from '../helpers/temp-dir.js';

let folder: string;

beforeAll(async () => {
  folder = tempDir('readme-i18n-sandbox-');
});

/** A program that fails as Chromium does where it may not make user namespaces. */
async function browserThatSays(line: string): Promise<string> {
  const file = join(folder, `chrome-${Math.random().toString(36).slice(2)}`);
  await writeFile(file, `#!/bin/sh\necho '${line}' >&2\nexit 1\n`);
  await chmod(file, 0o755);
  return file;
}

describe('a browser that cannot start its sandbox', () => {
  it('is explained, with the ways out', async () => {
    const chrome = await browserThatSays(
      '[1130/040000.000000:FATAL:zygote_host_impl_linux.cc(128)] No usable sandbox! If you are running on Ubuntu 23.10+ or another Linux distro that has disabled unprivileged user namespaces with AppArmor, see https://chromium.googlesource.com/chromium/src/+/main/docs/security/apparmor-userns-restrictions.md.',
    );
    const error = await launchBrowser(chrome).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BrowserSandboxError);
    expect((error as Error).message).toBe(
      `${chrome} could not start its sandbox ("No usable sandbox!"): this system does not let it make the user namespaces it sandboxes pages with (Ubuntu 23.10 and later restrict them through AppArmor). Print with Google Chrome instead (the Action's input \`chrome-path: /usr/bin/google-chrome\`, or PUPPETEER_EXECUTABLE_PATH), or allow the namespaces: \`sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0\``,
    );
  });

  it('any other failure to start is shown as it is', async () => {
    const chrome = await browserThatSays('error while loading shared libraries: libnss3.so');
    const error = await launchBrowser(chrome).catch((caught: unknown) => caught);
    expect(error).not.toBeInstanceOf(BrowserSandboxError);
    expect((error as Error).message).toContain('libnss3.so');
  });
});
