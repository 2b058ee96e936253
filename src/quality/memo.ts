/**
 * A bounded memo for pure string functions on the scoring hot path: catalogs repeat the same
 * dates, publisher names, keywords and URLs prefixes across thousands of records.
 */
export function memoize<R>(fn: (text: string) => R, max = 20_000): (text: string) => R {
  const cache = new Map<string, R>();
  return (text: string) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as R;
    if (cache.size >= max) cache.clear();
    const value = fn(text);
    cache.set(text, value);
    return value;
  };
}
