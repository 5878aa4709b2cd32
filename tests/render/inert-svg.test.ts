import { describe, expect, it } from 'vitest';
import { isInertSvg } from '../../src/render/diagram-store.js';

/** The shape of what Mermaid writes: a style sheet, markers referenced by `url(#…)`, a link. */
const diagram = [
  '<svg id="readme-i18n-diagram-1" width="100%" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 50" aria-roledescription="flowchart-v2">',
  '<style>#readme-i18n-diagram-1{font-family:"trebuchet ms";}</style>',
  '<marker id="arrow"><path d="M 0 0 L 10 5"/></marker>',
  '<path marker-end="url(#arrow)" style="fill:none"/>',
  '<use xlink:href="#arrow"/>',
  '<a xlink:href="https://example.com/"><text>Host</text></a>',
  '<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">Guest</div></foreignObject>',
  '</svg>',
].join('');

describe('isInertSvg', () => {
  it('accepts what Mermaid draws', () => {
    expect(isInertSvg(diagram)).toBe(true);
    expect(isInertSvg(`<?xml version="1.0"?>\n${diagram}`)).toBe(true);
  });

  it.each([
    ['not an SVG', '<html><body>x</body></html>'],
    ['a script', diagram.replace('</svg>', '<script>alert(1)</script></svg>')],
    ['a script in a foreign object', diagram.replace('Guest', '<script>alert(1)</script>')],
    ['an event handler', diagram.replace('<path marker-end', '<path onload="alert(1)" marker-end')],
    ['an event handler in single quotes', diagram.replace('<use ', "<use onclick='x' ")],
    [
      'an image fetched from a server',
      diagram.replace('</svg>', '<image href="https://tracker.example/x.png"/></svg>'),
    ],
    ['a local file', diagram.replace('</svg>', '<image xlink:href="file:///etc/passwd"/></svg>')],
    ['a javascript: link', diagram.replace('https://example.com/', 'javascript:alert(1)')],
    ['a style that fetches', diagram.replace('font-family', 'background:url(https://tracker.example/x)')],
    [
      'an imported style sheet',
      diagram.replace('<style>', '<style>@import "https://tracker.example/x.css";'),
    ],
    ['an embedded document', diagram.replace('</svg>', '<iframe src="#x"></iframe></svg>')],
  ])('refuses %s', (_what, svg) => {
    expect(isInertSvg(svg)).toBe(false);
  });
});
