/**
 * Which harvested URLs may become links: absolute http:, https: and mailto: URLs only. The WHATWG
 * URL parser is the judge, as the browser would be: it lower-cases the scheme and drops the tabs
 * and newlines of `java\tscript:`, so every spelling of a script URL is seen for what it is. A
 * relative or protocol-relative value (`//evil.example/x`) names no place of its own and is shown
 * as text.
 */
const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

export function safeHref(value: string | undefined | null): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  // An absolute URL starts with its scheme; anything else would be resolved against our own page.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed.replace(/[\t\n\r]/g, ''))) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (!ALLOWED.has(url.protocol)) return undefined;
  if (url.protocol === 'mailto:') return mailbox(url) ? url.href : undefined;
  return url.hostname ? url.href : undefined;
}

/** A mailto: link's addresses must look like addresses: the URL parser leaves quotes and brackets raw there (its query it encodes). */
function mailbox(url: URL): boolean {
  let to: string;
  try {
    to = decodeURIComponent(url.pathname);
  } catch {
    return false;
  }
  return to.split(',').every((address) => /^[^\s"'<>`()[\]\\,;:@]+@[^\s"'<>`()[\]\\,;:@]+\.[^\s"'<>`()[\]\\,;:@]+$/.test(address.trim()));
}
