/** A description as a result card shows it: one paragraph of plain text, cut at a word. */
const SNIPPET_CHARS = 200;

export function snippet(description: string | undefined, max = SNIPPET_CHARS): string | undefined {
  const flat = description?.replace(/\s+/g, ' ').trim();
  if (!flat) return undefined;
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  // A word longer than the whole snippet (a URL) is cut where it must be.
  const kept = space > max / 2 ? cut.slice(0, space) : flat.slice(0, max);
  return `${kept.replace(/[\s.,;:!?¡¿(–—-]+$/u, '')}…`;
}
