/** Every error answer of the API is application/problem+json (RFC 9457). */

import type { components } from "./schema.js";

export type Problem = components["schemas"]["Problem"];
export type FieldProblem = components["schemas"]["FieldProblem"];

/** An error answer, thrown by `unwrap`: its status, problem type (and `slug`), detail and field errors. */
export class ProblemError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldProblem[];

  constructor(status: number, problem: Partial<Problem>) {
    super(`${status} ${problem.title ?? problem.type ?? "error"}: ${problem.detail ?? ""}`);
    this.name = "ProblemError";
    this.status = status;
    this.type = problem.type ?? "about:blank";
    this.title = problem.title ?? "";
    this.detail = problem.detail ?? "";
    this.errors = problem.errors ?? [];
  }

  /** The problem type's last segment: `/errors/out-of-stock` → `out-of-stock`. */
  get slug(): string {
    return this.type.replace(/\/+$/, "").split("/").pop() ?? this.type;
  }

  get fields(): string[] {
    return this.errors.map((e) => e.field);
  }
}

/** An openapi-fetch result's data, or its error thrown as a ProblemError. */
export function unwrap<D>(result: { data?: D; error?: unknown; response: Response }): D {
  if (result.error !== undefined || !result.response.ok) {
    const body = (typeof result.error === "object" && result.error !== null ? result.error : {}) as Partial<Problem>;
    throw new ProblemError(result.response.status, body);
  }
  return result.data as D;
}
