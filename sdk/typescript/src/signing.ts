/**
 * Partner request signing: the PNC-HMAC-SHA256 scheme, as the API's authorizer checks it.
 *
 *   Authorization: PNC-HMAC-SHA256 Credential=<prefix>, Timestamp=<unix s>, Nonce=<random>, Signature=<hex>
 *   X-Content-SHA256: <hex SHA-256 of the body>
 *
 * The signature is HMAC-SHA256, keyed by the hex SHA-256 of the key's secret, over
 *
 *   PNC-HMAC-SHA256 \n <timestamp> \n <nonce> \n <METHOD> \n <path> \n <sorted query> \n <body SHA-256>
 *
 * <path> is the route's path (without a stage prefix of the base URL); <sorted query> is `k=v` pairs,
 * percent-encoded (RFC 3986, nothing kept), sorted by name, joined by `&`. A signature is good for
 * five minutes and once only: sign every request, and every retry, afresh. Web Crypto only, so it
 * runs in Node 20+ and in browsers alike.
 */

export const SCHEME = "PNC-HMAC-SHA256";

/** A tenant API key, as `POST /v1/tenants/{id}/api-keys` answered it (the secret is shown once). */
export interface PartnerKey {
  prefix: string;
  secret: string;
}

export interface SignedRequest {
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: Uint8Array;
  /** unix seconds; now unless given */
  timestamp?: number;
  /** 16 to 64 of A-Z a-z 0-9 _ -; random unless given */
  nonce?: string;
}

const encoder = new TextEncoder();

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** RFC 3986 percent-encoding with no character kept (Python's `quote(v, safe="")`). */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === "string" ? encoder.encode(data) : data;
  return hex(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
}

export function stringToSign(parts: {
  timestamp: number;
  nonce: string;
  method: string;
  path: string;
  query: Record<string, string>;
  contentSha256: string;
}): string {
  const names = Object.keys(parts.query).sort();
  const query = names.map((name) => `${encode(name)}=${encode(parts.query[name] ?? "")}`).join("&");
  return [SCHEME, String(parts.timestamp), parts.nonce, parts.method.toUpperCase(), parts.path, query, parts.contentSha256].join(
    "\n",
  );
}

export async function signature(secret: string, message: string): Promise<string> {
  const signingKey = await sha256Hex(secret);
  const key = await crypto.subtle.importKey("raw", encoder.encode(signingKey), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  return hex(await crypto.subtle.sign("HMAC", key, encoder.encode(message)));
}

function randomNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The two headers that sign one request. */
export async function signedHeaders(key: PartnerKey, request: SignedRequest): Promise<Record<string, string>> {
  const timestamp = request.timestamp ?? Math.floor(Date.now() / 1000);
  const nonce = request.nonce ?? randomNonce();
  const contentSha256 = await sha256Hex(request.body ?? new Uint8Array());
  const message = stringToSign({
    timestamp,
    nonce,
    method: request.method,
    path: request.path,
    query: request.query ?? {},
    contentSha256,
  });
  const signed = await signature(key.secret, message);
  return {
    Authorization: `${SCHEME} Credential=${key.prefix}, Timestamp=${timestamp}, Nonce=${nonce}, Signature=${signed}`,
    "X-Content-SHA256": contentSha256,
  };
}
