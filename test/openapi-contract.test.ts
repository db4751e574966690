/**
 * The response validator itself: it must catch an answer off the document (status, content type,
 * body), or the contract checks built on it prove nothing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../api/routes/docs.ts';
import { documentedRoutes } from '../api/routes/index.ts';
import { checkAnswersFrom, checkedFetch, ContractViolation, OpenApiContract, type OpenApiDocument } from './openapi-contract.ts';

const doc = JSON.parse(JSON.stringify(openApiDocument(documentedRoutes()))) as OpenApiDocument;
const contract = new OpenApiContract(doc);
const JSON_TYPE = 'application/json';
const error = (code: string) => JSON.stringify({ error: { code, message: 'm' } });
const item = {
  id: '019abc12-3456-7def-8123-456789abcdef',
  status: 'open',
  priority: 1,
  score: 0.9,
  referralCandidate: false,
  language: 'en',
  category: 'small_boat',
  platform: 'facebook',
  createdAt: '2026-12-07T10:00:00.000Z',
  updatedAt: '2026-12-07T10:00:00.000Z',
  decidedAt: null,
  claim: null,
  duplicates: 0,
  nearDuplicateOf: null,
  network: null,
  post: {
    id: '019abc12-3456-7def-8123-456789abcdee',
    text: 't',
    url: 'https://example.com/1',
    platform: 'facebook',
    author: null,
    language: 'en',
    postedAt: null,
    ingestedAt: '2026-12-07T10:00:00.000Z',
  },
  classification: null,
};

describe('OpenApiContract', () => {
  it('matches concrete paths to templates, literal paths first', () => {
    expect(contract.templateOf('/v1/review/items/019abc12-3456-7def-8123-456789abcdef')).toBe('/v1/review/items/{id}');
    expect(contract.templateOf('/v1/review/items/x/claim')).toBe('/v1/review/items/{id}/claim');
    expect(contract.templateOf('/v1/review/next')).toBe('/v1/review/next');
    expect(contract.templateOf('/v1/review/items')).toBe('/v1/review/items');
    expect(contract.templateOf('/metrics')).toBeUndefined();
  });

  it('accepts documented answers, resolving $refs into components', () => {
    expect(contract.problems('GET', '/healthz', 200, JSON_TYPE, '{"status":"ok"}')).toEqual([]);
    expect(contract.problems('GET', `/v1/review/items/${item.id}`, 200, 'application/json; charset=UTF-8', JSON.stringify(item))).toEqual(
      [],
    );
    expect(contract.problems('GET', '/v1/stats?from=x', 400, JSON_TYPE, error('bad_request'))).toEqual([]);
    expect(contract.problems('GET', '/healthz', 429, JSON_TYPE, error('rate_limited'))).toEqual([]);
    expect(contract.problems('POST', '/v1/review/next', 204, null, '')).toEqual([]);
    expect(contract.problems('GET', '/v1/stats/export?table=series', 200, 'text/csv; charset=utf-8', 'a,b\n1,2\n')).toEqual([]);
  });

  it('catches an undocumented status, content type or body', () => {
    expect(contract.problems('GET', '/healthz', 500, JSON_TYPE, error('internal'))).toEqual([
      expect.stringMatching(/GET \/healthz → 500: status 500 is not documented/),
    ]);
    expect(contract.problems('GET', '/v1/stats', 409, JSON_TYPE, error('conflict'))[0]).toMatch(/status 409 is not documented/);
    expect(contract.problems('GET', '/healthz', 200, 'text/plain', 'ok')[0]).toMatch(/content type "text\/plain" is not documented/);
    expect(contract.problems('GET', '/healthz', 200, JSON_TYPE, '{"status":"fine"}')[0]).toMatch(
      /body\/status must be equal to one of the allowed values/,
    );
    expect(contract.problems('GET', '/healthz', 200, JSON_TYPE, 'ok')[0]).toMatch(/body is not JSON/);
    expect(contract.problems('GET', '/v1/stats', 400, JSON_TYPE, '{"error":"bad"}')[0]).toMatch(/body\/error must be object/);
    // Deep inside a $ref'd component: the item's post lacks its url.
    const { url: _url, ...post } = item.post;
    expect(contract.problems('GET', `/v1/review/items/${item.id}`, 200, JSON_TYPE, JSON.stringify({ ...item, post }))[0]).toMatch(
      /body\/post must have required property 'url'/,
    );
    expect(
      contract.problems('GET', `/v1/review/items/${item.id}`, 200, JSON_TYPE, JSON.stringify({ ...item, id: 'not-a-uuid' }))[0],
    ).toMatch(/body\/id must match format "uuid"/);
    expect(contract.problems('POST', '/v1/review/next', 204, JSON_TYPE, '{}')[0]).toMatch(/documented without a body/);
  });

  it('leaves alone what the document does not describe', () => {
    expect(contract.problems('GET', '/metrics', 200, 'text/plain', 'x 1')).toEqual([]);
    expect(contract.problems('DELETE', '/healthz', 404, JSON_TYPE, error('not_found'))).toEqual([]);
  });
});

describe('checked fetch against a server that breaks the document', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/openapi.json') return res.writeHead(200, { 'content-type': JSON_TYPE }).end(JSON.stringify(doc));
      if (req.url === '/healthz') return res.writeHead(200, { 'content-type': JSON_TYPE }).end('{"status":"ok"}');
      if (req.url === '/readyz') return res.writeHead(200, { 'content-type': JSON_TYPE }).end('{"status":"ready"}');
      res.writeHead(418, { 'content-type': JSON_TYPE }).end(error('teapot'));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('passes a documented answer and throws on one that is not', async () => {
    const f = checkedFetch(base, contract);
    expect((await f(`${base}/healthz`)).status).toBe(200);
    await expect(f(`${base}/readyz`)).rejects.toThrow(/GET \/readyz → 200: body must have required property 'redis'/);
    await expect(f(`${base}/v1/stats`)).rejects.toThrow(ContractViolation);
  });

  it('checks plain fetch calls to a registered API, as the harness registers its own', async () => {
    const stop = checkAnswersFrom(base, contract);
    try {
      await expect(fetch(`${base}/v1/audit`)).rejects.toThrow(/GET \/v1\/audit → 418: status 418 is not documented/);
    } finally {
      stop();
    }
    expect((await fetch(`${base}/v1/audit`)).status).toBe(418);
  });
});
