// Test-suite network guard: nothing a test runs may resolve a name or open a connection beyond this
// machine. Installed in every vitest worker (test/net-guard-setup.ts) and, through NODE_OPTIONS
// (netGuardEnv), in every tidewatch process the tests spawn. Plain JavaScript so `node --import` can
// load it without a TypeScript loader. It wraps dns.lookup, the dns resolve* family and
// net.Socket.prototype.connect (which http, https, tls, undici, pg and ioredis all go through) and
// refuses before the original is called, so no query or SYN leaves. A refusal surfaces as the
// socket's or lookup's error, and is recorded so the test fails even if a library swallows it.
import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

const MARK = Symbol.for('tidewatch.netGuard');
const REPORT_VAR = 'TIDEWATCH_NET_GUARD_REPORT';

/** Names that resolve from /etc/hosts or by rule to this machine (RFC 6761), never by a DNS query. */
function isLoopbackName(host) {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost');
}

/** Addresses whose packets stay on this machine: 127/8, ::1, their mapped forms, and the unspecified "this host". */
function isLocalAddress(address) {
  const a = address.toLowerCase().replace(/^\[|\]$/g, '');
  if (net.isIPv4(a)) return a.startsWith('127.') || a === '0.0.0.0';
  if (net.isIPv6(a)) return a === '::1' || a === '::' || /^(0{0,4}:){0,5}:?ffff:127\./.test(a) || /^::ffff:7f[0-9a-f]{2}:/.test(a);
  return false;
}

/**
 * The guard's decision, pure: null when the operation stays on this machine, else the message.
 * `kind` is 'lookup' (a name to resolve), 'resolve' (a DNS query, always off-machine) or 'connect'.
 */
export function netGuardDecision(kind, host, port) {
  if (kind === 'resolve')
    return `net-guard: a DNS query for "${host}" (dns.resolve*) from a test; tests must not reach outside this machine`;
  if (typeof host !== 'string' || host === '') return null; // Node's default: localhost
  if (net.isIP(host.replace(/^\[|\]$/g, ''))) {
    return isLocalAddress(host)
      ? null
      : `net-guard: a connection to ${host}${port === undefined ? '' : `:${port}`} from a test; tests must not reach outside this machine`;
  }
  if (isLoopbackName(host)) return null;
  return kind === 'lookup'
    ? `net-guard: a DNS lookup of "${host}" from a test; tests must not reach outside this machine`
    : `net-guard: a connection to "${host}"${port === undefined ? '' : `:${port}`} from a test; tests must not reach outside this machine`;
}

// On globalThis: the wrappers installed by the first test file of a worker must report to the same list a later file reads.
const violations = (globalThis[Symbol.for('tidewatch.netGuard.violations')] ??= []);

/** The violations seen in this process since the last call (and forgets them). */
export function takeViolations() {
  return violations.splice(0, violations.length);
}

function guardError(message) {
  const err = new Error(message);
  err.name = 'NetGuardError';
  err.code = 'ENETGUARD';
  return err;
}

function record(message) {
  violations.push(message);
  const child = process.env.TIDEWATCH_NET_GUARD_CHILD === '1';
  const file = process.env[REPORT_VAR];
  if (child && file) {
    try {
      appendFileSync(file, `${message} (pid ${process.pid})\n`);
    } catch {
      // The report is a courtesy for the parent test; the error itself still surfaces here.
    }
  }
  // Children have no test runner to fail: say it where a test reads their output.
  if (child) process.stderr.write(`NetGuardError: ${message}\n`);
  return guardError(message);
}

/** net.Socket#connect's arguments as options: (options), (port, host), (path), or Node's normalised array. */
function connectOptions(args) {
  let first = args[0];
  if (Array.isArray(first)) first = first[0];
  if (first !== null && typeof first === 'object') return first;
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first)))
    return { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
  if (typeof first === 'string') return { path: first };
  return {};
}

/** Installs the guard in this process (once); returns whether it is installed. */
export function installNetGuard() {
  if (net.Socket.prototype.connect[MARK]) return true;

  const originalLookup = dns.lookup;
  const lookup = function (hostname, options, callback) {
    const why = netGuardDecision('lookup', hostname);
    if (why) {
      const cb = typeof options === 'function' ? options : callback;
      const err = record(why);
      if (typeof cb === 'function') process.nextTick(() => cb(err));
      return {};
    }
    const cb = typeof options === 'function' ? options : callback;
    const opts = typeof options === 'function' ? undefined : options;
    // A loopback name must also resolve to loopback (an /etc/hosts entry could say otherwise).
    const checked =
      typeof cb !== 'function'
        ? cb
        : (err, address, family) => {
            const list = Array.isArray(address) ? address.map((a) => a.address) : address ? [address] : [];
            const bad = list.find((a) => !isLocalAddress(a));
            if (!err && bad) return cb(record(`net-guard: "${hostname}" resolved to ${bad}, outside this machine`));
            return cb(err, address, family);
          };
    return opts === undefined ? originalLookup.call(this, hostname, checked) : originalLookup.call(this, hostname, opts, checked);
  };
  lookup[MARK] = true;
  dns.lookup = lookup;

  const originalPromiseLookup = dns.promises.lookup;
  dns.promises.lookup = Object.assign(
    function (hostname, options) {
      const why = netGuardDecision('lookup', hostname);
      if (why) return Promise.reject(record(why));
      return originalPromiseLookup.call(this, hostname, options).then((res) => {
        const list = Array.isArray(res) ? res.map((a) => a.address) : [res.address];
        const bad = list.find((a) => !isLocalAddress(a));
        if (bad) throw record(`net-guard: "${hostname}" resolved to ${bad}, outside this machine`);
        return res;
      });
    },
    { [MARK]: true },
  );

  // Every resolve* sends a DNS query (they skip /etc/hosts), whatever the name.
  const refuseQuery = (target, name, promise) => {
    const original = target[name];
    if (typeof original !== 'function') return;
    target[name] = function (hostname, ...rest) {
      const err = record(netGuardDecision('resolve', hostname));
      if (promise) return Promise.reject(err);
      const cb = rest.findLast((a) => typeof a === 'function');
      if (cb) process.nextTick(() => cb(err));
      return undefined;
    };
  };
  const resolveNames = [
    'resolve',
    'resolve4',
    'resolve6',
    'resolveAny',
    'resolveCaa',
    'resolveCname',
    'resolveMx',
    'resolveNaptr',
    'resolveNs',
    'resolvePtr',
    'resolveSoa',
    'resolveSrv',
    'resolveTxt',
    'reverse',
  ];
  for (const n of resolveNames) {
    refuseQuery(dns, n, false);
    refuseQuery(dns.Resolver.prototype, n, false);
    refuseQuery(dns.promises, n, true);
    refuseQuery(dns.promises.Resolver.prototype, n, true);
  }

  const originalConnect = net.Socket.prototype.connect;
  const connect = function (...args) {
    const options = connectOptions(args);
    if (options.path === undefined) {
      const host = options.host;
      const customLookup = typeof options.lookup === 'function' && typeof host === 'string' && !net.isIP(host);
      // A caller's own lookup (the SSRF-safe fetcher pins addresses this way) is judged by what it returns.
      const why = customLookup ? null : netGuardDecision('connect', host, options.port);
      if (why) {
        const err = record(why);
        process.nextTick(() => this.destroy(err));
        return this;
      }
      if (customLookup) {
        const inner = options.lookup;
        options.lookup = (hostname, opts, cb) =>
          inner(hostname, opts, (err, address, family) => {
            const list = Array.isArray(address) ? address.map((a) => a.address) : address ? [address] : [];
            const bad = list.find((a) => !isLocalAddress(a));
            if (!err && bad)
              return cb(
                record(
                  `net-guard: a connection to ${bad}:${options.port} ("${hostname}") from a test; tests must not reach outside this machine`,
                ),
              );
            return cb(err, address, family);
          });
      }
    }
    return originalConnect.apply(this, args);
  };
  connect[MARK] = true;
  net.Socket.prototype.connect = connect;

  // ESM named imports of node:dns / node:net see the wrapped functions too.
  syncBuiltinESMExports();
  return true;
}

/** Whether the guard is installed in this process (without touching the network). */
export function netGuardInstalled() {
  return Boolean(net.Socket.prototype.connect[MARK] && dns.lookup[MARK] && dns.promises.lookup[MARK]);
}

/**
 * Environment for a tidewatch process a test spawns: loads this guard first (NODE_OPTIONS) and
 * reports violations to the parent's report file.
 */
export function netGuardEnv() {
  const env = { NODE_OPTIONS: `--import ${new URL(import.meta.url).href}`, TIDEWATCH_NET_GUARD_CHILD: '1' };
  if (process.env[REPORT_VAR]) env[REPORT_VAR] = process.env[REPORT_VAR];
  return env;
}

// Loaded by `node --import` in a spawned process: install at once.
if (process.env.TIDEWATCH_NET_GUARD_CHILD === '1') installNetGuard();
