/**
 * Panacea's TypeScript SDK: openapi-fetch over the types generated from the API's OpenAPI document
 * (src/schema.d.ts, written by `make sdk`), with what a generator cannot do: partner request signing,
 * bearer tokens, an Idempotency-Key on every write with retries that keep it, pagination and
 * problem+json as exceptions (`unwrap`).
 *
 *   const api = createPanacea({ baseUrl: "http://127.0.0.1:3000", key: { prefix, secret } });
 *   const tenant = unwrap(await api.GET("/v1/tenant"));
 */

import createClient, { type Client } from "openapi-fetch";

import type { paths } from "./schema.js";
import { type PartnerKey, signedHeaders } from "./signing.js";

export type { components, operations, paths } from "./schema.js";
export { type PartnerKey, SCHEME, signedHeaders, stringToSign, signature, sha256Hex } from "./signing.js";
export { type FieldProblem, type Problem, ProblemError, unwrap } from "./problems.js";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const RETRIED = new Set([429, 503]);

export interface PanaceaOptions {
  /** `http://127.0.0.1:3000` for `make dev`, a stage's ApiUrl in AWS */
  baseUrl: string;
  /** a partner's API key: every request (and every retry) is signed with it */
  key?: PartnerKey;
  /** a person's Cognito ID token (from `/v1/auth/sign-in`), sent as the bearer token */
  token?: string | (() => string | Promise<string>);
  /** attempts in all for a 429, a 503 or a failed connection (default 4) */
  attempts?: number;
  /** the first backoff in ms, doubled each time (default 250); Retry-After wins */
  backoffMs?: number;
  fetch?: (request: Request) => Promise<Response>;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A fetch that signs or authenticates each attempt, keys each write and retries what may be retried. */
export function panaceaFetch(options: PanaceaOptions): (request: Request) => Promise<Response> {
  const send = options.fetch ?? ((request: Request) => fetch(request));
  const attempts = options.attempts ?? 4;
  const backoffMs = options.backoffMs ?? 250;
  const basePath = new URL(options.baseUrl).pathname.replace(/\/+$/, "");
  return async (request: Request): Promise<Response> => {
    const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
    const headers = new Headers(request.headers);
    if (WRITES.has(request.method) && !headers.has("Idempotency-Key")) {
      headers.set("Idempotency-Key", crypto.randomUUID());
    }
    const url = new URL(request.url);
    for (let attempt = 1; ; attempt++) {
      const sent = new Headers(headers);
      if (options.key) {
        const path = basePath && url.pathname.startsWith(basePath + "/") ? url.pathname.slice(basePath.length) : url.pathname;
        const query = Object.fromEntries(url.searchParams.entries());
        const signed = await signedHeaders(options.key, { method: request.method, path, query, body });
        for (const [name, value] of Object.entries(signed)) sent.set(name, value);
      } else if (options.token) {
        const token = typeof options.token === "string" ? options.token : await options.token();
        sent.set("Authorization", `Bearer ${token}`);
      }
      let response: Response;
      try {
        response = await send(new Request(url, { method: request.method, headers: sent, body, signal: request.signal }));
      } catch (error) {
        if (attempt >= attempts || request.signal.aborted) throw error;
        await sleep(backoffMs * 2 ** (attempt - 1));
        continue;
      }
      if (!RETRIED.has(response.status) || attempt >= attempts) return response;
      const after = Number(response.headers.get("Retry-After"));
      await response.body?.cancel();
      await sleep(Number.isFinite(after) && after > 0 ? after * 1000 : backoffMs * 2 ** (attempt - 1));
    }
  };
}

export type PanaceaClient = Client<paths>;

/** An openapi-fetch client of the whole API, typed from the document. */
export function createPanacea(options: PanaceaOptions): PanaceaClient {
  return createClient<paths>({ baseUrl: options.baseUrl, fetch: panaceaFetch(options) });
}

/** Every item of a list, page after page (`next_cursor`): `pages((cursor) => api.GET(path, {params: {query: {cursor}}}))`. */
export async function* pages<T>(
  page: (cursor: string | undefined) => Promise<{ data?: { items: T[]; next_cursor?: string | null }; response: Response }>,
): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const { data, response } = await page(cursor);
    if (!data) throw new Error(`a page answered ${response.status}`);
    yield* data.items;
    cursor = data.next_cursor ?? undefined;
  } while (cursor);
}
