import net from 'node:net';

// Where a webhook may not point: the cloud metadata services and link-local addresses (which
// would hand an integrator the server's own credentials), unspecified and multicast addresses,
// and loopback outside development. Checked on the URL when a subscription is made, and again on
// every address the host name resolves to when a delivery connects (DNS can change meanwhile).

const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal']);

export interface AddressPolicy {
  allowLoopback: boolean;
}

// Why a host name may not be used, or null when it may.
export function refusedHost(hostname: string, policy: AddressPolicy): string | null {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (METADATA_HOSTS.has(host)) return 'a cloud metadata service';
  if (host === 'localhost' || host.endsWith('.localhost')) return policy.allowLoopback ? null : 'a loopback address';
  return net.isIP(host) ? refusedAddress(host, policy) : null;
}

// Why an IP address may not be connected to, or null when it may.
export function refusedAddress(address: string, policy: AddressPolicy): string | null {
  const version = net.isIP(address);
  if (version === 4) return refusedIpv4(address, policy);
  if (version === 6) return refusedIpv6(address.toLowerCase(), policy);
  return 'not an IP address';
}

function refusedIpv4(address: string, policy: AddressPolicy): string | null {
  const [a, b] = address.split('.').map(Number);
  if (a === 169 && b === 254) return 'a link-local address (where cloud metadata services answer)';
  if (address === '100.100.100.200') return 'a cloud metadata service';
  if (a === 0) return 'an unspecified address';
  if (a >= 224) return 'a multicast or reserved address';
  if (a === 127) return policy.allowLoopback ? null : 'a loopback address';
  return null;
}

function refusedIpv6(address: string, policy: AddressPolicy): string | null {
  const mapped = /^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address) ?? /^::(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return refusedIpv4(mapped[1], policy);
  const words = expandIpv6(address);
  if (!words) return 'not an IP address';
  if (words.every((word) => word === 0)) return 'an unspecified address';
  if (words.slice(0, 7).every((word) => word === 0) && words[7] === 1) return policy.allowLoopback ? null : 'a loopback address';
  if ((words[0] & 0xffc0) === 0xfe80) return 'a link-local address';
  if ((words[0] & 0xff00) === 0xff00) return 'a multicast address';
  if (words[0] === 0xfd00 && words[1] === 0x0ec2 && words.slice(2, 7).every((word) => word === 0) && words[7] === 0x254) {
    return 'a cloud metadata service';
  }
  // IPv4-mapped in hex form, ::ffff:7f00:1.
  if (words.slice(0, 5).every((word) => word === 0) && words[5] === 0xffff) {
    return refusedIpv4(`${words[6] >> 8}.${words[6] & 255}.${words[7] >> 8}.${words[7] & 255}`, policy);
  }
  return null;
}

function expandIpv6(address: string): number[] | null {
  const [head, tail, ...rest] = address.split('::');
  if (rest.length) return null;
  const parse = (part: string | undefined) => (part ? part.split(':').map((word) => parseInt(word, 16)) : []);
  const first = parse(head);
  const last = parse(tail);
  const missing = 8 - first.length - last.length;
  if (tail === undefined ? missing !== 0 : missing < 0) return null;
  const words = [...first, ...Array(Math.max(missing, 0)).fill(0), ...last];
  return words.length === 8 && words.every((word) => Number.isInteger(word) && word >= 0 && word <= 0xffff) ? words : null;
}
