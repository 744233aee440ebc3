/**
 * A partner system's call, signed with a tenant API key: reads its tenant's record.
 *
 *   PANACEA_API=http://127.0.0.1:3000 PANACEA_KEY_PREFIX=pnc_… PANACEA_KEY_SECRET=… node dist/examples/partner.js
 *
 * Prints the tenant as JSON (the SDK's e2e test runs it against the local platform).
 */

import { createPanacea, unwrap } from "../src/index.js";

const api = createPanacea({
  baseUrl: process.env.PANACEA_API ?? "http://127.0.0.1:3000",
  key: { prefix: process.env.PANACEA_KEY_PREFIX ?? "", secret: process.env.PANACEA_KEY_SECRET ?? "" },
});

const tenant = unwrap(await api.GET("/v1/tenant"));
process.stdout.write(JSON.stringify({ id: tenant.id, name: tenant.name, slug: tenant.slug }) + "\n");
