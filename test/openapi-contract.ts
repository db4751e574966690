/**
 * Response validation against the API's own OpenAPI document (issue #17.16): every answer a test
 * receives must be one the document promises: a status it lists for that operation, a content
 * type it lists for that status, and a body matching that schema (Ajv, JSON Schema 2020-12 as
 * OpenAPI 3.1 uses, `$ref`s resolved inside the served document). Requests to paths or methods the
 * document does not describe (pages, /metrics, unknown routes) are not checked.
 *
 * `startHarness` routes every `fetch` to its API through `checkedFetch`, so a mismatch fails the
 * test that made the request; `checkedApp` does the same for tests that call `app.request`. The
 * document is built in process, as `/openapi.json` builds it, so checking sends no request.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import { openApiDocument } from '../api/routes/docs.ts';
import { documentedRoutes } from '../api/routes/index.ts';

type Json = Record<string, unknown>;
interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema?: { type?: string | string[] } }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

const addFormats = formatsPlugin as unknown as (ajv: Ajv2020) => void;
const DOC_ID = 'https://tidewatch.invalid/openapi.json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** `~` and `/` escaped for a JSON pointer segment. */
const pointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** An answer the document does not promise. */
export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
}

export class OpenApiContract {
  readonly #ajv: Ajv2020;
  readonly #routes: { template: string; regex: RegExp; params: number }[];
  readonly #validators = new Map<string, ValidateFunction>();

  constructor(readonly doc: OpenApiDocument) {
    // strict off: OpenAPI adds keywords JSON Schema does not know (example, x-roles, …).
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.#ajv);
    this.#ajv.addSchema(structuredClone(doc) as unknown as Json, DOC_ID);
    // Literal paths before templated ones, so /v1/review/next never reads as /v1/review/{x}.
    this.#routes = Object.keys(doc.paths)
      .map((template) => {
        const params = (template.match(/\{[^}]+\}/g) ?? []).length;
        const source = template
          .split(/\{[^}]+\}/)
          .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
          .join('[^/]+');
        return { template, regex: new RegExp(`^${source}$`), params };
      })
      .sort((a, b) => a.params - b.params);
  }

  /** The documented path template a concrete path falls under, if any. */
  templateOf(path: string): string | undefined {
    return this.#routes.find((r) => r.regex.test(path))?.template;
  }

  /**
   * The ways one answer breaks the document (empty when it keeps it, or when the document does
   * not describe the request). `body` is the response text.
   */
  problems(method: string, url: string, status: number, contentType: string | null, body: string): string[] {
    const path = new URL(url, 'http://x').pathname;
    const template = this.templateOf(path);
    const m = method.toLowerCase();
    if (!template || !METHODS.includes(m) || !this.doc.paths[template]![m]) return [];
    const op = this.doc.paths[template]![m]!;
    const where = `${method.toUpperCase()} ${template} → ${status}`;
    const code = String(status);
    const range = `${code[0]}XX`;
    const key = code in op.responses ? code : range in op.responses ? range : 'default' in op.responses ? 'default' : undefined;
    if (!key) return [`${where}: status ${status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`];
    const content = op.responses[key]!.content;
    if (!content || !Object.keys(content).length) {
      return body.length ? [`${where}: documented without a body, answered ${body.length} bytes`] : [];
    }
    const essence = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
    const mediaType = Object.keys(content).find((t) => t.toLowerCase() === essence);
    if (!mediaType)
      return [`${where}: content type "${contentType ?? ''}" is not documented (documented: ${Object.keys(content).join(', ')})`];
    if (!content[mediaType]!.schema) return [];
    let value: unknown = body;
    if (/[/+]json$/.test(essence)) {
      try {
        value = JSON.parse(body);
      } catch {
        return [`${where}: ${essence} body is not JSON: ${body.slice(0, 100)}`];
      }
    }
    const validate = this.#validator(template, m, key, mediaType);
    if (validate(value)) return [];
    return (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${where}: body${e.instancePath || ''} ${e.message ?? 'is invalid'} (schema ${e.schemaPath.replace(DOC_ID, '')})`);
  }

  /**
   * The ways a request breaks the document: query parameters (coerced from text as the types say)
   * and a JSON body. Empty when the document promises to take it, so a server 400 for it is a
   * contract break. Undescribed operations: `undefined`.
   */
  requestProblems(method: string, url: string, body?: unknown): string[] | undefined {
    const u = new URL(url, 'http://x');
    const template = this.templateOf(u.pathname);
    const m = method.toLowerCase();
    const op = template ? this.doc.paths[template]![m] : undefined;
    if (!template || !op) return undefined;
    const problems: string[] = [];
    const base = `${DOC_ID}#/paths/${pointer(template)}/${m}`;
    (op.parameters ?? []).forEach((p, i) => {
      if (p.in !== 'query') return;
      const values = u.searchParams.getAll(p.name);
      if (!values.length) {
        if (p.required) problems.push(`query ${p.name}: required`);
        return;
      }
      if (values.length > 1) return problems.push(`query ${p.name}: given ${values.length} times`);
      const validate = this.#compiled(`${base}/parameters/${i}/schema`);
      if (!validate(coerce(values[0]!, p.schema?.type))) problems.push(...issuesOf(`query ${p.name}`, validate));
    });
    if (op.requestBody?.content['application/json']?.schema && body !== undefined) {
      const validate = this.#compiled(`${base}/requestBody/content/${pointer('application/json')}/schema`);
      if (!validate(body)) problems.push(...issuesOf('body', validate));
    }
    return problems;
  }

  /** Throws a ContractViolation naming each problem of one answer. */
  async check(method: string, url: string, res: Response): Promise<void> {
    const problems = this.problems(method, url, res.status, res.headers.get('content-type'), await res.clone().text());
    if (problems.length) throw new ContractViolation(`answer not in /openapi.json:\n  ${problems.join('\n  ')}`);
  }

  #validator(template: string, method: string, key: string, mediaType: string): ValidateFunction {
    return this.#compiled(`${DOC_ID}#/paths/${pointer(template)}/${method}/responses/${key}/content/${pointer(mediaType)}/schema`);
  }

  #compiled(ref: string): ValidateFunction {
    let v = this.#validators.get(ref);
    if (!v) this.#validators.set(ref, (v = this.#ajv.compile({ $ref: ref })));
    return v;
  }
}

/** A query value as its documented type reads it (text that is not a number stays text, and fails). */
function coerce(value: string, type: string | string[] | undefined): unknown {
  const types = [type ?? []].flat();
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value)) return Number(value);
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

const issuesOf = (what: string, validate: ValidateFunction) =>
  (validate.errors ?? []).slice(0, 3).map((e) => `${what}${e.instancePath} ${e.message ?? 'is invalid'}`);

const methodOf = (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
  init?.method ?? (input instanceof Request ? input.method : 'GET');
const urlOf = (input: Parameters<typeof fetch>[0]) => (input instanceof Request ? input.url : String(input));

let appContract: OpenApiContract | undefined;
/**
 * The contract of this code's API, built in process by the function `/openapi.json` serves
 * (api/routes/docs.test.ts checks they agree): fetching it from the API would spend a request of
 * the rate limit that tests count.
 */
export function apiContract(): OpenApiContract {
  return (appContract ??= new OpenApiContract(JSON.parse(JSON.stringify(openApiDocument(documentedRoutes()))) as OpenApiDocument));
}

/** A fetch that checks every answer from `baseUrl` against the contract; other URLs pass through unchecked. */
export function checkedFetch(baseUrl: string, contract: OpenApiContract = apiContract(), inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const res = await inner(input, init);
    const url = urlOf(input);
    if (url.startsWith(`${baseUrl}/`)) await contract.check(methodOf(input, init), url, res);
    return res;
  };
}

const checkedBases = new Map<string, typeof fetch>();
let uncheckedFetch: typeof fetch | undefined;

/**
 * Routes the global `fetch` to `baseUrl` through `checkedFetch`, so every test request to that
 * API is checked, however the test makes it. Returns the undo.
 */
export function checkAnswersFrom(baseUrl: string, contract: OpenApiContract = apiContract()): () => void {
  if (!uncheckedFetch) {
    const inner = (uncheckedFetch = globalThis.fetch);
    globalThis.fetch = (input, init) => {
      const url = urlOf(input);
      for (const [base, f] of checkedBases) if (url.startsWith(`${base}/`)) return f(input, init);
      return inner(input, init);
    };
  }
  checkedBases.set(baseUrl, checkedFetch(baseUrl, contract, uncheckedFetch));
  return () => void checkedBases.delete(baseUrl);
}

type Requestable = { request: (input: string, init?: RequestInit, ...rest: never[]) => Response | Promise<Response> };

/** The same for a Hono app called in process: `app.request` checks every answer. Returns the app. */
export function checkedApp<A extends Requestable>(app: A, contract: OpenApiContract = apiContract()): A {
  const request = app.request;
  app.request = async (input: string, init?: RequestInit, ...rest: never[]) => {
    const res = await request(input, init, ...rest);
    await contract.check(init?.method ?? 'GET', input, res);
    return res;
  };
  return app;
}
