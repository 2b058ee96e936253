/** `url` with its query parameters set (a value left undefined is left out); every harvester builds its page URLs with it. */
export function withParams(url: string, params: Record<string, string | number | undefined> = {}): string {
  const u = new URL(url);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) u.searchParams.set(key, String(value));
  return u.toString();
}
