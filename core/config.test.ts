import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has laptop defaults: local Redis, embedded Postgres, port 3000', () => {
    const c = loadConfig({});
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.redisUrlExplicit).toBe(false);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.api).toEqual({ host: '127.0.0.1', port: 3000 });
    expect(c.thresholds).toEqual({ refer: undefined, review: undefined });
  });

  it('reads and coerces values', () => {
    const c = loadConfig({
      REDIS_URL: 'redis://r:6380',
      DATABASE_URL: 'postgresql://u@db/tw',
      API_PORT: '8080',
      REFER_THRESHOLD: '0.9',
      REVIEW_THRESHOLD: '0.3',
    });
    expect(c).toMatchObject({
      redisUrl: 'redis://r:6380',
      redisUrlExplicit: true,
      databaseUrl: 'postgresql://u@db/tw',
      api: { port: 8080 },
      thresholds: { refer: 0.9, review: 0.3 },
    });
  });

  it("listens on PORT when API_PORT is unset (the hosting platforms' convention), API_PORT winning", () => {
    expect(loadConfig({ PORT: '8081' }).api.port).toBe(8081);
    expect(loadConfig({ PORT: '8081', API_PORT: '8082' }).api.port).toBe(8082);
    expect(() => loadConfig({ PORT: 'http' })).toThrow(/PORT/);
  });

  it('names every bad variable', () => {
    const attempt = () => loadConfig({ API_PORT: 'eighty', REDIS_URL: 'http://nope', REFER_THRESHOLD: '1.5' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/API_PORT[\s\S]*REDIS_URL|REDIS_URL[\s\S]*API_PORT/);
    expect(attempt).toThrow(/REFER_THRESHOLD/);
  });

  it('reads FETCH_ALLOW_HOSTS (empty by default) and LIVENESS_SCHEDULE=off', () => {
    expect(loadConfig({}).fetchAllowHosts).toEqual([]);
    expect(loadConfig({ FETCH_ALLOW_HOSTS: '127.0.0.1:8080, intranet.example' }).fetchAllowHosts).toEqual([
      { host: '127.0.0.1', port: 8080 },
      { host: 'intranet.example', port: null },
    ]);
    expect(() => loadConfig({ FETCH_ALLOW_HOSTS: 'http://intranet.example/' })).toThrow(
      /FETCH_ALLOW_HOSTS: comma-separated host or host:port entries/,
    );
    expect(loadConfig({ LIVENESS_SCHEDULE: 'off' }).livenessSchedule).toBe('off');
  });

  it('refuses a review threshold above the refer threshold', () => {
    expect(() => loadConfig({ REFER_THRESHOLD: '0.5', REVIEW_THRESHOLD: '0.6' })).toThrow(
      /REVIEW_THRESHOLD must not exceed REFER_THRESHOLD/,
    );
  });

  it("bounds a classify job's detector time below half its lock: a sixth of it unless set", () => {
    expect(loadConfig({}).classifyBudgetMs).toBe(5_000);
    expect(loadConfig({ WORKER_LOCK_MS: '12000' }).classifyBudgetMs).toBe(2_000);
    expect(loadConfig({ CLASSIFY_BATCH_BUDGET_MS: '0' }).classifyBudgetMs).toBe(0);
    expect(() => loadConfig({ WORKER_LOCK_MS: '10000', CLASSIFY_BATCH_BUDGET_MS: '5000' })).toThrow(
      /CLASSIFY_BATCH_BUDGET_MS must be below half of WORKER_LOCK_MS/,
    );
  });
});
