import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

/**
 * GitHub's sanitising schema (hast-util-sanitize's default), plus the classes our own Markdown
 * extensions produce: alert boxes and math. Nothing that can run script or fetch is added.
 */
export const githubSchema: Schema = {
  ...defaultSchema,
  // GitHub drops style sheets with their content; keeping the text would print CSS as prose.
  strip: [...(defaultSchema.strip ?? []), 'style'],
  attributes: {
    ...defaultSchema.attributes,
    div: [...(defaultSchema.attributes?.['div'] ?? []), ['className', /^markdown-alert(-[a-z]+)?$/]],
    p: [...(defaultSchema.attributes?.['p'] ?? []), ['className', 'markdown-alert-title']],
    code: [['className', /^language-./, 'math-inline', 'math-display']],
  },
};
