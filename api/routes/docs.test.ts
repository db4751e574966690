import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test/harness.ts';
import { openApiDocument } from './docs.ts';
import { documentedRoutes } from './index.ts';

describe('/openapi.json and /docs', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ api: true });
  });
  afterAll(async () => h?.close());

  it('serves an OpenAPI 3.1 document that an independent validator accepts', async () => {
    const res = await fetch(`${h.rt.apiUrl}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    // validate() dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/healthz',
        '/readyz',
        '/v1/posts',
        '/v1/review/items',
        '/v1/review/items/{id}',
        '/v1/review/next',
        '/v1/audit',
      ]),
    );
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('documents the answers the shared middleware can give on every route, and public routes as public', async () => {
    type Op = {
      security?: unknown[];
      operationId?: string;
      responses: Record<string, unknown>;
      requestBody?: unknown;
      parameters?: unknown[];
    };
    const doc = (await (await fetch(`${h.rt.apiUrl}/openapi.json`)).json()) as {
      servers: unknown[];
      paths: Record<string, Record<string, Op>>;
    };
    // What `npm run lint` lints (scripts/openapi.ts) is what the API serves.
    expect(JSON.parse(JSON.stringify(openApiDocument(documentedRoutes())))).toEqual(doc);
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    const ids = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${path}`;
        const codes = Object.keys(op.responses);
        expect(codes, where).toContain('429');
        expect(op.security, where).toBeDefined();
        if (op.security!.length) expect(codes, where).toEqual(expect.arrayContaining(['401', '403']));
        if (method !== 'get') expect(codes, where).toContain('413');
        if (op.requestBody) expect(codes, where).toEqual(expect.arrayContaining(['400', '415']));
        if (op.parameters?.length) expect(codes, where).toContain('400');
        expect(op.operationId, where).toMatch(/^[a-z]+[A-Za-z0-9]+$/);
        ids.add(op.operationId!);
      }
    }
    expect(doc.paths['/healthz']!.get!.security).toEqual([]);
    expect(doc.paths['/readyz']!.get!.security).toEqual([]);
    expect(doc.paths['/v1/posts']!.post!.security).toEqual([{ bearerAuth: [] }]);
    expect(ids.size).toBe(Object.values(doc.paths).flatMap((ops) => Object.keys(ops)).length);
  });

  it('serves Swagger UI with its assets from the package, not a CDN', async () => {
    const page = await fetch(`${h.rt.apiUrl}/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/openapi.json');
    expect(html).not.toMatch(/https?:\/\//);
    const js = await fetch(`${h.rt.apiUrl}/docs/assets/swagger-ui-bundle.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await js.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    expect((await fetch(`${h.rt.apiUrl}/docs/assets/..%2Fpackage.json`)).status).toBe(404);
  });
});
