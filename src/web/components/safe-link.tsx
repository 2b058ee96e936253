/** A harvested URL: a link only when safe-url.ts allows it, else its text (never a live href). */
import type { ComponentChildren } from 'preact';
import { safeHref } from '../safe-url.js';

export function SafeLink({ href, children }: { href: string | undefined; children?: ComponentChildren }) {
  const safe = safeHref(href);
  if (!safe) return <span class="unsafe-url">{children ?? href}</span>;
  // Harvested places are not ours: no referrer, no opener, and search engines told so.
  return (
    <a href={safe} rel="nofollow noopener noreferrer external">
      {children ?? safe}
    </a>
  );
}
