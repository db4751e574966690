/**
 * What REDIS_URL names: one Redis server (`redis://`, `rediss://`, as ioredis reads them) or a Redis
 * Cluster (`redis+cluster://` or, with TLS, `rediss+cluster://`) given by one or more seed nodes,
 * comma-separated: `redis+cluster://[user:password@]host:port[,host:port…]`. The client learns the
 * rest of the cluster from any seed that answers, so one is enough and more only help when some are down.
 */

export interface ClusterTarget {
  nodes: { host: string; port: number }[];
  username: string | undefined;
  password: string | undefined;
  tls: boolean;
}

const CLUSTER = /^(rediss?)\+cluster:\/\/(?:([^@/?#]*)@)?([^/?#]*)\/?$/i;

/** The cluster a `redis+cluster://` URL names, `undefined` for a one-server URL; throws on a malformed one. */
export function parseClusterUrl(url: string): ClusterTarget | undefined {
  if (!/^rediss?\+cluster:/i.test(url)) return undefined;
  const m = CLUSTER.exec(url);
  if (!m) throw new Error('a cluster URL is redis+cluster://[user:password@]host:port[,host:port…], with no path or query');
  const [, scheme, userinfo, hosts] = m;
  const nodes = hosts!.split(',').map((h) => {
    let parsed: URL;
    try {
      parsed = new URL(`redis://${h.trim()}`);
    } catch {
      throw new Error(`"${h}" is not a host:port`);
    }
    if (!parsed.hostname || parsed.username || parsed.pathname) throw new Error(`"${h}" is not a host:port`);
    // URL keeps IPv6 brackets; a socket wants the bare address.
    return { host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'), port: parsed.port ? Number(parsed.port) : 6379 };
  });
  const creds = userinfo === undefined ? undefined : new URL(`redis://${userinfo}@x`);
  return {
    nodes,
    username: creds?.username ? decodeURIComponent(creds.username) : undefined,
    password: creds?.password ? decodeURIComponent(creds.password) : undefined,
    tls: scheme!.toLowerCase() === 'rediss',
  };
}

/** Why `url` is not a Redis URL Tidewatch can use, or `undefined` when it is. */
export function redisUrlProblem(url: string): string | undefined {
  try {
    if (parseClusterUrl(url)) return undefined;
    const protocol = new URL(url).protocol;
    return /^rediss?:$/.test(protocol) ? undefined : 'must be redis://, rediss://, redis+cluster:// or rediss+cluster://';
  } catch (err) {
    return err instanceof TypeError ? 'not a URL' : (err as Error).message;
  }
}

/**
 * The key prefix to use: on a cluster, wrapped in a hash tag (`tidewatch` → `{tidewatch}`) so every
 * key of every queue hashes to one slot, as BullMQ's multi-key scripts need. A prefix that already
 * starts with a hash tag is kept.
 */
export function queuePrefixFor(redisUrl: string, prefix: string): string {
  if (!parseClusterUrl(redisUrl) || /^\{[^}]+\}/.test(prefix)) return prefix;
  return `{${prefix}}`;
}
