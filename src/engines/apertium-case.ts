/**
 * Apertium starts a sentence after a superblank: `<x id="1"/> is a hypervisor` (a protected term
 * as subject) comes back as `<x id="1"/> Es un hipervisor`. Where the source has a lower-case word
 * right after an `<x/>`, the word after that `<x/>` in the translation gets a lower-case first
 * letter again (`Es` → `es`), unless it looks like an acronym or a name written in capitals.
 */
export function repairCaseAfterTags(source: string, translation: string): string {
  const lowerAfter = new Set<string>();
  for (const match of source.matchAll(/<x id="(\d+)"\/>(?=\s*\p{Ll})/gu)) lowerAfter.add(match[1] as string);
  if (lowerAfter.size === 0) return translation;
  return translation.replace(
    /(<x id="(\d+)"\/>\s*)(\p{Lu})(?=\p{Ll})/gu,
    (whole, head: string, id: string, letter: string) =>
      lowerAfter.has(id) ? head + letter.toLowerCase() : whole,
  );
}
