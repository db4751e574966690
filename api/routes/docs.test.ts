import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test/harness.ts';

describe('/openapi.json and /docs', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ api: true });
  });
  afterAll(async () => h?.close());

  it('serves an OpenAPI 3.1 document that an independent validator accepts', async () => {
    const res = await fetch(`${h.rt.apiUrl}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown>; components: { securitySchemes: Record<string, unknown> } };
    expect(doc.openapi).toBe('3.1.0');
    // validate() dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/healthz', '/readyz', '/v1/posts', '/v1/review/items', '/v1/review/items/{id}', '/v1/review/next', '/v1/audit']),
    );
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
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
