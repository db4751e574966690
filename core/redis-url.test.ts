import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { parseClusterUrl, queuePrefixFor, redisUrlProblem } from './redis-url.ts';

describe('REDIS_URL', () => {
  it('reads a cluster URL: seed nodes, credentials for all, TLS by scheme', () => {
    expect(parseClusterUrl('redis+cluster://10.0.0.1:7000,10.0.0.2:7001,[::1]:7002')).toEqual({
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
        { host: '::1', port: 7002 },
      ],
      username: undefined,
      password: undefined,
      tls: false,
    });
    expect(parseClusterUrl('rediss+cluster://tw:p%40ss@redis.internal')).toEqual({
      nodes: [{ host: 'redis.internal', port: 6379 }],
      username: 'tw',
      password: 'p@ss',
      tls: true,
    });
    expect(parseClusterUrl('redis://127.0.0.1:6379')).toBeUndefined();
  });

  it('names what is wrong with a URL it cannot use', () => {
    expect(redisUrlProblem('redis://127.0.0.1:6379/2')).toBeUndefined();
    expect(redisUrlProblem('rediss+cluster://a:1,b:2')).toBeUndefined();
    expect(redisUrlProblem('http://127.0.0.1')).toMatch(/must be redis:\/\//);
    expect(redisUrlProblem('redis+cluster://a:1/0')).toMatch(/no path or query/);
    expect(redisUrlProblem('redis+cluster://a:1,,b:2')).toMatch(/"" is not a host:port/);
    expect(redisUrlProblem('redis+cluster://a:x')).toMatch(/"a:x" is not a host:port/);
    expect(redisUrlProblem('nonsense')).toBe('not a URL');
  });

  it('puts the queue prefix in a hash tag on a cluster only, once', () => {
    expect(queuePrefixFor('redis://127.0.0.1:6379', 'tidewatch')).toBe('tidewatch');
    expect(queuePrefixFor('redis+cluster://127.0.0.1:7000', 'tidewatch')).toBe('{tidewatch}');
    expect(queuePrefixFor('redis+cluster://127.0.0.1:7000', '{tw}:eu')).toBe('{tw}:eu');
    const config = loadConfig({ REDIS_URL: 'redis+cluster://127.0.0.1:7000,127.0.0.1:7001', QUEUE_PREFIX: 'tw-prod' });
    expect(config).toMatchObject({ redisUrl: 'redis+cluster://127.0.0.1:7000,127.0.0.1:7001', queuePrefix: '{tw-prod}' });
    expect(() => loadConfig({ REDIS_URL: 'redis+cluster://127.0.0.1:7000/1' })).toThrow(/REDIS_URL: a cluster URL is/);
    expect(() => loadConfig({ QUEUE_PREFIX: 'a{b}' })).toThrow(/QUEUE_PREFIX/);
  });
});
