/** How many labels an alt text lists before it stops. */
const maxLabels = 12;

/**
 * The alt text of a Mermaid diagram, from the diagram itself: its `accTitle` and `accDescr` when the
 * author wrote them, else its title, else its kind and the labels it shows (`Flowchart: Start,
 * Build, Deploy`), so a screen reader says what the picture says.
 */
export function diagramAlt(source: string): string {
  const lines = source.split(/\r?\n/).map((line) => line.trim());
  const accessible = ['accTitle', 'accDescr']
    .map((key) =>
      lines
        .find((line) => line.startsWith(`${key}:`))
        ?.slice(key.length + 1)
        .trim(),
    )
    .filter((text): text is string => text !== undefined && text !== '');
  if (accessible.length > 0) return accessible.join('. ');
  const title = lines.find((line) => /^title[:\s]/.test(line))?.replace(/^title:?\s*/, '');
  if (title) return title;
  const kind = lines.find((line) => line !== '' && !line.startsWith('%%') && line !== '---');
  const name = (kind?.split(/\s/)[0] ?? 'diagram').replace(/-?(?:v2|Diagram)$/i, '');
  const labels: string[] = [];
  for (const match of source.matchAll(
    /\[\(?"?([^\]"]+?)"?\)?\]|\(\(?"?([^()"]+?)"?\)?\)|\{"?([^{}"]+?)"?\}|\|([^|]+)\||"([^"\n]+)"/g,
  )) {
    const label = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? '').trim();
    if (label !== '' && !labels.includes(label)) labels.push(label);
    if (labels.length === maxLabels) break;
  }
  const heading = `${name.charAt(0).toUpperCase()}${name.slice(1)} diagram`;
  return labels.length === 0 ? heading : `${heading}: ${labels.join(', ')}`;
}
