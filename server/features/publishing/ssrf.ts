/**
 * The SSRF guard for webhook URLs. An endpoint URL is typed by a workspace admin, and Lectern
 * then POSTs to it from inside its own network, so without a guard a URL could reach the
 * database, the cloud metadata service or anything else only the server can see.
 *
 * Two checks, both on the resolved IP addresses rather than on the host name:
 * - `checkEndpointUrl` when an endpoint is saved, for a clear message in the form;
 * - `guardedLookup` at every new connection (undici's `connect.lookup`), because DNS answers
 *   change: a host that resolved to a public address when saved may resolve to 10.0.0.5
 *   tomorrow (or between two lookups: DNS rebinding). Node skips `lookup` for IP-literal hosts,
 *   so the sender checks those with `checkHostLiteral` before each request.
 *
 * Private, loopback, link-local and shared (CGNAT) addresses are allowed only when the admin
 * ticks "allow private addresses" (a CMS on the local network, tests). Cloud metadata addresses,
 * unspecified, multicast, broadcast and reserved ranges are refused whatever the setting.
 */
import dns from "node:dns";
import net from "node:net";
import ipaddr from "ipaddr.js";

/** Where an address points, as far as the guard cares. */
export type AddressCategory =
  | "public"
  | "private"
  | "loopback"
  | "link-local"
  | "shared"
  | "metadata"
  | "unspecified"
  | "multicast"
  | "broadcast"
  | "reserved";

/** Allowed when the endpoint allows private addresses. */
const PRIVATE_LIKE = new Set<AddressCategory>(["private", "loopback", "link-local", "shared"]);

const LABEL: Record<Exclude<AddressCategory, "public">, string> = {
  private: "a private address",
  loopback: "a loopback address (the Lectern server itself)",
  "link-local": "a link-local address",
  shared: "a shared carrier-grade NAT address",
  metadata: "a cloud metadata address",
  unspecified: "an unspecified address",
  multicast: "a multicast address",
  broadcast: "the broadcast address",
  reserved: "a reserved address",
};

/**
 * Instance metadata services (credentials live there). AWS/GCP/Azure/DigitalOcean/OpenStack
 * 169.254.169.254 and AWS's IPv6 fd00:ec2::254; AWS ECS/EKS container credentials
 * 169.254.170.2 and 169.254.170.23 (+ fd00:ec2::23); Alibaba 100.100.100.200. Oracle's
 * 192.0.0.192 is in a reserved range, refused anyway.
 */
const METADATA = new Set(
  ["169.254.169.254", "169.254.170.2", "169.254.170.23", "100.100.100.200", "fd00:ec2::254", "fd00:ec2::23"].map((a) =>
    ipaddr.parse(a).toNormalizedString(),
  ),
);

const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR("64:ff9b::/96");
const NAT64_LOCAL = ipaddr.IPv6.parseCIDR("64:ff9b:1::/48");

function v4FromParts(hi: number, lo: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
}

/**
 * The IPv4 address an IPv6 address carries and that the packet ends up at: IPv4-mapped
 * (`::ffff:127.0.0.1`), IPv4-translated (`::ffff:0:a.b.c.d`), IPv4-compatible (`::a.b.c.d`,
 * deprecated), NAT64 (`64:ff9b::a.b.c.d`) and 6to4 (`2002:AABB:CCDD::`).
 */
function embeddedV4(a: ipaddr.IPv6): ipaddr.IPv4 | null {
  const p = a.parts;
  const range: string = a.range();
  if (range === "ipv4Mapped" || range === "rfc6145" || a.match(NAT64_WELL_KNOWN)) return v4FromParts(p[6]!, p[7]!);
  if (range === "6to4") return v4FromParts(p[1]!, p[2]!);
  if (p.slice(0, 6).every((x) => x === 0) && (p[6] !== 0 || p[7]! > 1)) return v4FromParts(p[6]!, p[7]!);
  return null;
}

function categoryOfV4(a: ipaddr.IPv4): AddressCategory {
  if (METADATA.has(a.toNormalizedString())) return "metadata";
  switch (a.range()) {
    case "unicast":
    case "as112": // anycast DNS sinks and multicast relays: publicly routed
    case "amt":
      return "public";
    case "private":
      return "private";
    case "loopback":
      return "loopback";
    case "linkLocal":
      return "link-local";
    case "carrierGradeNat":
      return "shared";
    case "unspecified":
      return "unspecified";
    case "multicast":
      return "multicast";
    case "broadcast":
      return "broadcast";
    default:
      return "reserved";
  }
}

function categoryOfV6(a: ipaddr.IPv6): AddressCategory {
  if (METADATA.has(a.toNormalizedString())) return "metadata";
  const v4 = embeddedV4(a);
  if (v4) return categoryOfV4(v4);
  if (a.match(NAT64_LOCAL)) return "private";
  // A string: the typings miss some ranges ipaddr.js returns (deprecatedSiteLocal).
  switch (a.range() as string) {
    case "unicast":
    case "as112v6":
    case "amt":
      return "public";
    case "uniqueLocal":
    case "deprecatedSiteLocal":
      return "private";
    case "loopback":
      return "loopback";
    case "linkLocal":
      return "link-local";
    case "unspecified":
      return "unspecified";
    case "multicast":
      return "multicast";
    default:
      // Teredo (its client address is obfuscated), documentation, benchmarking, discard, ORCHID…
      return "reserved";
  }
}

/** The category of an IP address (v4 or v6, with or without a zone); throws on a non-address. */
export function categorize(ip: string): AddressCategory {
  const a = ipaddr.parse(ip.replace(/%.*$/, ""));
  return a.kind() === "ipv4" ? categoryOfV4(a as ipaddr.IPv4) : categoryOfV6(a as ipaddr.IPv6);
}

export type AddressVerdict =
  { ok: true; category: AddressCategory } | { ok: false; category: AddressCategory; message: string };

/**
 * Whether Lectern may connect to `ip`, with the message shown to the admin when not. `host` is
 * the name as typed (the message says what it resolved to).
 */
export function judgeAddress(host: string, ip: string, allowPrivate: boolean): AddressVerdict {
  const category = categorize(ip);
  if (category === "public" || (allowPrivate && PRIVATE_LIKE.has(category))) return { ok: true, category };
  const what = host === ip ? `${ip} is ${LABEL[category]}` : `${host} resolves to ${ip}, ${LABEL[category]}`;
  const message =
    category === "metadata"
      ? `${what}. Lectern never sends webhooks to cloud metadata services, even when private addresses are allowed.`
      : PRIVATE_LIKE.has(category)
        ? `${what}. Allow private addresses for this endpoint if your CMS runs on your network.`
        : `${what}, which cannot receive webhooks. Use the address of your CMS.`;
  return { ok: false, category, message };
}

/** Raised by `guardedLookup`; undici hands it back as the request's error. */
export class BlockedAddressError extends Error {
  readonly code = "ERR_LECTERN_BLOCKED_ADDRESS";
  constructor(message: string) {
    super(message);
    this.name = "BlockedAddressError";
  }
}

export function isBlockedAddressError(e: unknown): e is BlockedAddressError {
  for (let cur = e, depth = 0; cur && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++)
    if ((cur as { code?: unknown }).code === "ERR_LECTERN_BLOCKED_ADDRESS") return true;
  return false;
}

/** `URL.hostname` without the brackets of an IPv6 literal. */
export function bareHost(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

/**
 * Checks a host that is an IP literal (Node connects to those without calling `lookup`).
 * Host names pass here: `guardedLookup` checks what they resolve to at connect time.
 */
export function checkHostLiteral(hostname: string, allowPrivate: boolean): AddressVerdict | null {
  const host = bareHost(hostname);
  if (!net.isIP(host.replace(/%.*$/, ""))) return null;
  return judgeAddress(host, host, allowPrivate);
}

export type ResolvedAddress = { address: string; family: number };
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

const systemResolver: Resolver = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

export type UrlCheck =
  | { ok: true; addresses: string[] }
  | { ok: false; code: "scheme" | "credentials" | "blocked" | "unresolvable"; message: string };

/**
 * The save-time check of an endpoint URL: scheme, credentials, and every address the host
 * resolves to now. `unresolvable` is its own code so a caller can save with a warning (the
 * CMS's DNS entry may not exist yet) while refusing `blocked`.
 */
export async function checkEndpointUrl(
  raw: string,
  opts: { allowPrivate: boolean; lookup?: Resolver },
): Promise<UrlCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, code: "scheme", message: "Enter a full URL such as https://cms.example.com/hooks/lectern" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return { ok: false, code: "scheme", message: `Use an http(s) URL; "${url.protocol}" URLs cannot receive webhooks` };
  if (url.username || url.password)
    return {
      ok: false,
      code: "credentials",
      message: "Remove the user name and password from the URL; send credentials as a custom header instead",
    };
  const host = bareHost(url.hostname);
  const literal = checkHostLiteral(host, opts.allowPrivate);
  if (literal)
    return literal.ok ? { ok: true, addresses: [host] } : { ok: false, code: "blocked", message: literal.message };

  let addresses: ResolvedAddress[];
  try {
    addresses = await (opts.lookup ?? systemResolver)(host);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      code: "unresolvable",
      message: `${host} does not resolve${code ? ` (${code})` : ""}. Deliveries will fail until it does; check the host name.`,
    };
  }
  if (addresses.length === 0)
    return { ok: false, code: "unresolvable", message: `${host} does not resolve to any address.` };
  for (const a of addresses) {
    const v = judgeAddress(host, a.address, opts.allowPrivate);
    if (!v.ok) return { ok: false, code: "blocked", message: v.message };
  }
  return { ok: true, addresses: addresses.map((a) => a.address) };
}

type LookupAll = (
  hostname: string,
  options: dns.LookupAllOptions,
  callback: (err: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void,
) => void;

/**
 * A `net.connect` `lookup` that resolves every address of the host and fails the connection
 * when any of them is blocked (checking only the one Node picks would let a host that answers
 * both a public and a private address through on a retry). Runs at every new connection, so
 * a DNS change is seen by the next connection. `resolve` is for tests.
 */
export function guardedLookup(allowPrivate: boolean, resolve: LookupAll = dns.lookup as LookupAll): net.LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      if (addresses.length === 0) {
        const e: NodeJS.ErrnoException = new Error(`${hostname} does not resolve to any address`);
        e.code = "ENOTFOUND";
        return callback(e, []);
      }
      for (const a of addresses) {
        const v = judgeAddress(hostname, a.address, allowPrivate);
        if (!v.ok) return callback(new BlockedAddressError(v.message), []);
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
