import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { alertTitle } from '../../src/render/alert-titles.js';
import { diagramAlt } from '../../src/render/diagram-alt.js';
import { flagScope } from '../../src/render/highlight-code.js';
import { markdownToHtml } from '../../src/render/markdown-to-html.js';

const resources = { markdownDir: tmpdir(), root: tmpdir(), resolve: () => undefined };
const html = async (markdown: string, lang = 'en'): Promise<string> =>
  (await markdownToHtml(markdown, { lang, resources: resources as never })).html;

describe('GitHub rendering', () => {
  it('turns emoji shortcodes into emoji, outside code only', async () => {
    expect(await html(':smile: and :+1: but not `:smile:`')).toBe(
      '<p>😄 and 👍 but not <code>:smile:</code></p>',
    );
  });

  it('points a #fragment link written in other case at its heading, as GitHub’s script does', async () => {
    expect(
      await html(
        '## .makeRe\n\nSee [.makeRe](#makeRe), [the top](#Top) and [none](#nowhere).\n\n<a name="top"></a>',
      ),
    ).toBe(
      '<h2 id="makere">.makeRe</h2>\n<p>See <a href="#makere">.makeRe</a>, <a href="#user-content-top">the top</a> and <a href="#nowhere">none</a>.</p>\n<p><a name="user-content-top" id="user-content-top"></a></p>',
    );
  });

  it('titles an alert in the page language, with GitHub’s icon', async () => {
    const page = await html('> [!NOTE]\n> Hola', 'es');
    expect(page).toMatch(
      /^<div class="markdown-alert markdown-alert-note" dir="auto">\n<p class="markdown-alert-title" dir="auto"><svg class="octicon octicon-info" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M0 8a8[^"]+"><\/path><\/svg>Nota<\/p>\n<p>Hola<\/p>\n<\/div>$/,
    );
    expect((await html('> [!CAUTION]\n> x', 'de')).includes('octicon-stop" ')).toBe(true);
    expect([alertTitle('warning', 'fr'), alertTitle('tip', 'zh-TW'), alertTitle('note', 'en-XA')]).toEqual([
      'Avertissement',
      '提示',
      'Note',
    ]);
    // From the language's memory: a person's fix first, then the reviewed table, then the engine's.
    const engine = (text: string) => ({ text, byHand: false });
    expect([
      alertTitle('note', 'en-XA', { note: engine('Ñóţé') }),
      alertTitle('warning', 'ca', { warning: engine('Avisant') }),
      alertTitle('warning', 'ca', { warning: { text: 'Avís', byHand: true } }),
      alertTitle('tip', 'pt-BR', { tip: engine('Sugestão') }),
      alertTitle('tip', 'pt-BR'),
      alertTitle('caution', 'sw', { caution: engine('Tahadhari') }),
    ]).toEqual(['Ñóţé', 'Advertiment', 'Avís', 'Sugestão', 'Dica', 'Tahadhari']);
  });

  it('highlights every language GitHub does, loading each grammar when first needed', async () => {
    expect(await html('```Dockerfile\nFROM node:20\n```')).toBe(
      '<pre><code class="language-Dockerfile"><span class="pl-k">FROM</span> node:20\n</code></pre>',
    );
    expect(await html('```hcl\nx = 1\n```')).toBe(
      '<pre><code class="language-hcl"><span class="pl-smi">x</span><span class="pl-v"> </span><span class="pl-k">=</span><span class="pl-v"> </span><span class="pl-c1">1</span>\n</code></pre>',
    );
    expect(await html('```powershell\nGet-ChildItem -Force\n```')).toBe(
      '<pre><code class="language-powershell"><span class="pl-c1">Get-ChildItem</span> <span class="pl-k">-</span>Force\n</code></pre>',
    );
    expect([flagScope('tf'), flagScope('ps1'), flagScope('no-such-language')]).toEqual([
      'source.hcl',
      'source.powershell',
      undefined,
    ]);
  });

  it('describes a diagram by what it says', () => {
    expect(
      diagramAlt('flowchart LR\n  accTitle: Release flow\n  accDescr: From tag to package\n  A-->B'),
    ).toBe('Release flow. From tag to package');
    expect(diagramAlt('pie\n  title Pets adopted\n  "Dogs" : 386')).toBe('Pets adopted');
    expect(diagramAlt('flowchart LR\n  A[Start] --> B(Build) -->|ok| C{Deploy?}')).toBe(
      'Flowchart diagram: Start, Build, ok, Deploy?',
    );
  });
});
