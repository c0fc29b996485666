/**
 * Which hosts and IP addresses an outbound request (a knowledge fetch, a webhook, a connector) may
 * reach when private URLs are not allowed:
 * public unicast only. Everything a server can reach but the internet cannot (loopback, RFC 1918,
 * link-local and cloud metadata, CGNAT, multicast, reserved ranges) is refused, including those
 * addresses hidden inside IPv6 forms (IPv4-mapped, IPv4-compatible, NAT64, 6to4), because the
 * kernel connects to the embedded IPv4 address.
 */
import { isIP } from 'node:net';

type Cidr = readonly [bytes: readonly number[], prefixLength: number];

const BLOCKED_V4: readonly Cidr[] = [
  [[0, 0, 0, 0], 8], // "this network", incl. the unspecified 0.0.0.0
  [[10, 0, 0, 0], 8],
  [[100, 64, 0, 0], 10], // carrier-grade NAT
  [[127, 0, 0, 0], 8],
  [[169, 254, 0, 0], 16], // link-local, where cloud metadata services live
  [[172, 16, 0, 0], 12],
  [[192, 0, 0, 0], 24], // IETF protocol assignments
  [[192, 0, 2, 0], 24], // documentation
  [[192, 88, 99, 0], 24], // 6to4 relay anycast
  [[192, 168, 0, 0], 16],
  [[198, 18, 0, 0], 15], // benchmarking
  [[198, 51, 100, 0], 24], // documentation
  [[203, 0, 113, 0], 24], // documentation
  [[224, 0, 0, 0], 4], // multicast
  [[240, 0, 0, 0], 4], // reserved, incl. broadcast
];

const BLOCKED_V6: readonly Cidr[] = [
  [[0x01, 0x00, 0, 0, 0, 0, 0, 0], 64], // discard-only
  [[0x20, 0x01, 0, 0], 32], // Teredo: the tunnel endpoint is obfuscated, so it cannot be checked
  [[0x20, 0x01, 0x0d, 0xb8], 32], // documentation
  [[0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], 48], // local-use NAT64
  [[0xfc], 7], // unique local
  [[0xfe, 0x80], 10], // link-local
  [[0xfe, 0xc0], 10], // deprecated site-local, still routed inside some networks
  [[0xff], 8], // multicast
];

/** Host names that name the machine itself or a private network, whatever DNS says. */
const PRIVATE_NAME = /(?:^|\.)(?:localhost|local|internal|intranet|lan|home\.arpa)$|^localhost\.localdomain$/;

/** True when the address is public unicast, so a fetch may connect to it. */
export function isPublicAddress(address: string): boolean {
  const bytes = addressBytes(address);
  if (!bytes) return false;
  if (bytes.length === 4) return !BLOCKED_V4.some((cidr) => inCidr(bytes, cidr));
  const embedded = embeddedV4(bytes);
  if (embedded) return isPublicAddress(embedded.join('.'));
  if (embedded === null) return false;
  return !BLOCKED_V6.some((cidr) => inCidr(bytes, cidr));
}

/** True for names such as `localhost` or `printer.local` that must never be fetched. */
export function isPrivateHostname(hostname: string): boolean {
  return PRIVATE_NAME.test(normalizeHostname(hostname));
}

/** Lower case, without IPv6 brackets or the trailing root dot, as DNS and net expect it. */
export function normalizeHostname(hostname: string): string {
  const lower = hostname.toLowerCase();
  const unbracketed = lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
  return unbracketed.endsWith('.') ? unbracketed.slice(0, -1) : unbracketed;
}

/**
 * The IPv4 address an IPv6 address stands for: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d),
 * NAT64 (64:ff9b::a.b.c.d) or 6to4 (2002:AABB:CCDD::). `null` for the unspecified and loopback
 * addresses (::, ::1), which are refused outright; `undefined` when nothing is embedded.
 */
function embeddedV4(bytes: readonly number[]): number[] | null | undefined {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((byte) => byte === 0);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12);
  if (zeros(0, 12)) return zeros(12, 15) && (bytes[15] ?? 0) <= 1 ? null : bytes.slice(12);
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)) return bytes.slice(12);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6);
  return undefined;
}

function inCidr(bytes: readonly number[], [network, prefixLength]: Cidr): boolean {
  for (let bit = 0; bit < prefixLength; bit += 8) {
    const mask = prefixLength - bit >= 8 ? 0xff : (0xff << (8 - (prefixLength - bit))) & 0xff;
    if (((bytes[bit / 8] ?? 0) & mask) !== ((network[bit / 8] ?? 0) & mask)) return false;
  }
  return true;
}

/** 4 bytes for IPv4, 16 for IPv6, undefined for anything that is not an IP address. */
export function addressBytes(address: string): number[] | undefined {
  const plain = normalizeHostname(address).replace(/%.*$/, ''); // a zone id only picks the interface
  const version = isIP(plain);
  if (version === 4) return plain.split('.').map(Number);
  if (version !== 6) return undefined;
  const [head = '', tail] = plain.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const toWords = (parts: string[]) =>
    parts.flatMap((part) => {
      if (!part.includes('.')) return [parseInt(part, 16)];
      const [a = 0, b = 0, c = 0, d = 0] = part.split('.').map(Number);
      return [(a << 8) | b, (c << 8) | d];
    });
  const left = toWords(groups(head));
  const right = toWords(groups(tail));
  const words = tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return words.flatMap((word) => [word >> 8, word & 0xff]);
}
