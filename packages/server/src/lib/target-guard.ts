import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Why the IOC may not call a URL (a connector's source, a webhook): its host is, or resolves to, an address that is
 * not public. `setting` names the server setting that lists the exceptions.
 */
export class TargetRefused extends Error {
  readonly code = 'ERR_IOC_TARGET_REFUSED';
  constructor(
    readonly host: string,
    setting = 'IOC_CONNECTOR_ALLOW_HOSTS',
  ) {
    super(`${host} is not a public address; an administrator may allow it in ${setting}`);
  }
}

/** Loopback, private, shared, link-local, documentation, multicast and reserved ranges (IANA special-purpose). */
const NOT_PUBLIC: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.88.99.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  // BlockList checks an IPv4-mapped address (::ffff:a.b.c.d) against the IPv4 ranges above. IPv4-compatible forms,
  // NAT64 and 6to4 carry an IPv4 address that could be any of them: refused whole.
  ['::', 96, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'],
  ['64:ff9b:1::', 48, 'ipv6'],
  ['100::', 64, 'ipv6'],
  ['2001::', 23, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['2002::', 16, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['fec0::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

const notPublic = new BlockList();
for (const [network, prefix, family] of NOT_PUBLIC) notPublic.addSubnet(network, prefix, family);

const familyOf = (address: string): 'ipv4' | 'ipv6' => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

export type Resolver = (host: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/**
 * Keeps outgoing calls (connectors, webhooks) to public addresses, so that a URL an administrator types cannot make
 * the IOC reach its own network (the cloud metadata service, a database's HTTP port) and show the answer. Every
 * address a name resolves to is checked, IPv4 and IPv6, at save and again at connection time (the address connected
 * to is the one checked, so a name that resolves differently the second time gains nothing). A server setting
 * (IOC_CONNECTOR_ALLOW_HOSTS, IOC_WEBHOOK_ALLOW_HOSTS) names the exceptions.
 */
export class TargetGuard {
  private readonly names = new Set<string>();
  private readonly allowed = new BlockList();

  constructor(
    allowHosts: readonly string[],
    private readonly resolve: Resolver = systemResolver,
    /** The setting that lists `allowHosts`, named in refusals. */
    private readonly setting = 'IOC_CONNECTOR_ALLOW_HOSTS',
  ) {
    for (const entry of allowHosts) {
      const [address = '', prefix] = entry.split('/');
      if (isIP(address) === 0) this.names.add(entry.toLowerCase());
      else if (prefix === undefined) this.allowed.addAddress(address, familyOf(address));
      else this.allowed.addSubnet(address, Number(prefix), familyOf(address));
    }
  }

  /** A URL's host as compared: lower case, IPv6 without its brackets. */
  static hostOf(url: URL): string {
    return url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  }

  isAllowedAddress(address: string): boolean {
    const family = familyOf(address);
    return this.allowed.check(address, family) || !notPublic.check(address, family);
  }

  /** Refuses a host that is, or resolves to, a non-public address; a name that does not resolve now is let through. */
  async check(url: URL): Promise<void> {
    const host = TargetGuard.hostOf(url);
    if (this.names.has(host)) return;
    if (isIP(host) !== 0) {
      if (!this.isAllowedAddress(host)) throw new TargetRefused(host, this.setting);
      return;
    }
    const addresses = await this.resolve(host).catch(() => []);
    if (addresses.some((a) => !this.isAllowedAddress(a.address))) throw new TargetRefused(host, this.setting);
  }

  /** Checks a literal address before connecting; names are checked by `lookup` when the socket resolves them. */
  checkLiteral(url: URL): void {
    const host = TargetGuard.hostOf(url);
    if (isIP(host) !== 0 && !this.names.has(host) && !this.isAllowedAddress(host))
      throw new TargetRefused(host, this.setting);
  }

  /** For http.request: resolves as the system does, and fails when any address the name has is not allowed. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    const host = hostname.toLowerCase();
    this.resolve(host).then(
      (addresses) => {
        if (!this.names.has(host) && addresses.some((a) => !this.isAllowedAddress(a.address))) {
          return callback(new TargetRefused(host, this.setting), '', 4);
        }
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
        const usable = family ? addresses.filter((a) => a.family === family) : addresses;
        const [first] = usable;
        if (!first) return callback(Object.assign(new Error(`${host} has no address`), { code: 'ENOTFOUND' }), '', 4);
        return options.all ? callback(null, usable) : callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 4),
    );
  };
}
