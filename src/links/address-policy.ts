/**
 * Which hosts the link checker may fetch. Harvested URLs are written by strangers, so a URL (or a
 * redirect) that leads to the checker's own network is refused unless its host is allowed by name.
 * Host names are judged by every address they resolve to, at connection time (the `lookup` got
 * uses), so a name that changes address between a check and the connection cannot slip through.
 */
import { lookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Resolves a host name to all its addresses. */
export type Resolver = (hostname: string) => Promise<readonly LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** The `code` of the error a connection refused by the guard fails with. */
export const PRIVATE_ADDRESS_CODE = 'ERR_COSECHA_PRIVATE_ADDRESS';

const NAT64 = ipaddr.parse('64:ff9b::');
/**
 * IANA's global unicast space, 2000::/3. ipaddr.js calls every IPv6 address outside the ranges it
 * names `unicast`, the IPv4-compatible `::7f00:1` (`[::127.0.0.1]`, sent to the default route) too.
 */
const GLOBAL_UNICAST = ipaddr.parse('2000::');

/**
 * True for globally routable unicast addresses only: private, loopback, link-local, unique-local,
 * unspecified, carrier-grade NAT, multicast, reserved and documentation ranges are all refused,
 * and so is any IPv6 address outside 2000::/3.
 */
export function isPublicAddress(address: string): boolean {
  if (isIP(address.split('%')[0]) === 0) return false;
  const parsed = ipaddr.process(address); // an IPv4-mapped IPv6 address is judged as the IPv4 one
  if (parsed.kind() === 'ipv6' && parsed.match(NAT64, 96)) {
    // A NAT64 network writes every IPv4 destination this way: judge the IPv4 address inside.
    return isPublicAddress(ipaddr.fromByteArray(parsed.toByteArray().slice(12)).toString());
  }
  if (parsed.kind() === 'ipv6' && !parsed.match(GLOBAL_UNICAST, 3)) return false;
  return parsed.range() === 'unicast';
}

/** The host name of a URL as DNS sees it: lower-case, IPv6 brackets removed. */
export function hostnameOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}

/**
 * True when `hostname` is one of `allowHosts`, both read as the URL standard writes a host, as
 * every URL is: `0x7f.1` and `2130706433` are the host `127.0.0.1`. Trust goes to a host, not to
 * an address: `localhost` or `[::ffff:127.0.0.1]` reach 127.0.0.1 too, but are other hosts.
 */
export function isAllowedHost(hostname: string, allowHosts: readonly string[]): boolean {
  const host = canonicalHost(hostname);
  return allowHosts.some((allowed) => canonicalHost(allowed) === host);
}

/** A host name or IP address (IPv6 with or without brackets) as a URL's host: lower-case, IPv4 dotted, IPv6 compressed, no brackets. */
function canonicalHost(host: string): string {
  const bare = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const url = `http://${isIP(bare) === 6 ? `[${bare}]` : bare}/`;
  return URL.canParse(url) ? hostnameOf(new URL(url)) : bare;
}

/**
 * True when the URL names a non-public IP address directly and its host is not allowed. Host
 * names are left to {@link guardedLookup}: Node does not look up an IP literal, so the guard
 * there never sees one.
 */
export function isRefusedLiteral(url: URL, allowHosts: readonly string[]): boolean {
  const host = hostnameOf(url);
  return isIP(host) !== 0 && !isPublicAddress(host) && !isAllowedHost(host, allowHosts);
}

function codedError(message: string, code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/**
 * A `lookup` for got (Node's net.connect) that resolves with `resolver` and fails with
 * {@link PRIVATE_ADDRESS_CODE} when any address of a host outside `allowHosts` is not public.
 */
export function guardedLookup(resolver: Resolver, allowHosts: readonly string[]): LookupFunction {
  return (hostname, options, callback) => {
    const answer = (addresses: readonly LookupAddress[]): void => {
      if (!isAllowedHost(hostname, allowHosts) && addresses.some((a) => !isPublicAddress(a.address))) {
        callback(codedError(`${hostname} resolves to a non-public address.`, PRIVATE_ADDRESS_CODE), '');
        return;
      }
      const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
      const usable = family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : [...addresses];
      if (usable.length === 0) callback(codedError(`${hostname} has no address.`, 'ENOTFOUND'), '');
      else if (options.all) callback(null, usable);
      else callback(null, usable[0].address, usable[0].family);
    };
    resolver(hostname).then(answer, (error: NodeJS.ErrnoException) => callback(error, ''));
  };
}
