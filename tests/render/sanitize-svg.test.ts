import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderSite } from '../../src/render/render-site.js';
import { sanitizeSvg } from '../../src/render/sanitize-svg.js';
import { tempProject } from '../helpers/cli.js';

const run = promisify(execFile);

const evil = [
  '<?xml version="1.0"?>',
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 20 20" onload="alert(1)">',
  '<script>alert(document.domain)</script>',
  '<rect width="10" height="10" fill="red" onclick="steal()"/>',
  '<a xlink:href="javascript:alert(1)"><text x="1" y="9">hi &amp; bye</text></a>',
  '<a href="https://example.com/"><text>link</text></a>',
  '<use xlink:href="#r"/><image href="https://tracker.example/x.png"/>',
  '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><script>1</script></div></foreignObject>',
  '<style>@import url(https://x.example/a.css);</style>',
  '</svg>',
].join('\n');

describe('SVG images published with the site', () => {
  it('keeps an inert SVG byte for byte', () => {
    const logo =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>\n';
    expect(sanitizeSvg(logo)).toBe(logo);
  });

  it('removes scripts, handlers, foreign objects and outside references, and stays well-formed', () => {
    expect(sanitizeSvg(evil)).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 20 20">\n\n' +
        '<rect width="10" height="10" fill="red"/>\n<a><text x="1" y="9">hi &#x26; bye</text></a>\n' +
        '<a href="https://example.com/"><text>link</text></a>\n<use xlink:href="#r"/><image/>\n\n\n</svg>',
    );
  });

  it('is not a way to publish HTML: a document without an svg root is refused', () => {
    expect(sanitizeSvg('<html><body><script>alert(1)</script></body></html>')).toBeUndefined();
  });

  it('publishes ![x](img/evil.svg) without script, as xmllint reads it', async () => {
    const root = tempProject();
    await mkdir(join(root, 'img'));
    await writeFile(join(root, 'img', 'evil.svg'), evil);
    await writeFile(join(root, 'README.md'), '# Hi\n\n![x](img/evil.svg)\n');
    const report = await renderSite({ root, html: true, langs: [] });
    expect(report.unsafeImages).toEqual([]);
    const [published = ''] = await readdir(join(root, 'docs/assets/img'));
    expect(published).toMatch(/^[\da-f]{12}-evil\.svg$/);
    const file = join(root, 'docs/assets/img', published);
    const text = await readFile(file, 'utf8');
    expect(text).not.toMatch(/<script|onload|onclick|javascript:|foreignObject|@import|tracker/i);
    await run('xmllint', ['--noout', file]);
    expect(await readFile(join(root, 'docs/index.html'), 'utf8')).toContain(
      `<img src="assets/img/${published}" alt="x">`,
    );
  });
});
