/** Addresses of Cosecha's own pages that several pages link to. */

/** An institution's card, for a publisher id as the portal report lists it (`<portalId>/<slug>`). */
export function institutionHref(publisherId: string): string {
  const [portalId, ...rest] = publisherId.split('/');
  return `/instituciones/${encodeURIComponent(portalId)}/${encodeURIComponent(rest.join('/'))}`;
}
