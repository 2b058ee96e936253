/**
 * Response headers of every answer (helmet): a strict Content-Security-Policy (scripts, styles,
 * images and fonts from Cosecha itself only; no inline script or style, no plugin, no framing by
 * others), `X-Content-Type-Options: nosniff` and a referrer policy that tells harvested sites
 * nothing but our origin. Resources stay readable across origins: badges and the open API are
 * meant to be embedded and read by others.
 */
import helmet from 'helmet';

export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
} as const;

export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY } },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Cosecha is often served on plain HTTP inside an institution's network: no HSTS by default.
    strictTransportSecurity: false,
  });
}
