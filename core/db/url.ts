import type { PoolConfig } from 'pg';

/** Splits a postgres:// URL into pg pool fields (see openSchemaEngine for why). */
export function poolConfigFromUrl(url: string): PoolConfig {
  const u = new URL(url);
  const config: PoolConfig = {
    host: decodeURIComponent(u.hostname) || '127.0.0.1',
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || 'postgres',
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
  };
  if (u.password) config.password = decodeURIComponent(u.password);
  const host = u.searchParams.get('host');
  if (host) config.host = host; // unix socket directory
  const ssl = u.searchParams.get('sslmode');
  if (ssl && ssl !== 'disable') config.ssl = { rejectUnauthorized: ssl === 'verify-full' };
  return config;
}

/** The same URL pointing at another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}
