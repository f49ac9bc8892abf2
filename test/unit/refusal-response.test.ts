import { describe, expect, it } from "vitest";
import { fieldRefused, NOT_FOUND, refused, type RefusalKind } from "../../app/domain/result";
import { invalidFormResponse, REFUSAL_STATUS, refusalResponse } from "../../app/utils/refusal-response.server";

describe("refusalResponse: the one way a refusal becomes what the page shows", () => {
  it.each<[RefusalKind, number]>([
    ["invalid", 400],
    ["unauthenticated", 401],
    ["forbidden", 403],
    ["conflict", 409],
    ["gone", 410],
    ["too-many", 429],
  ])("answers a %s refusal with HTTP %i and its message as the page's alert", (kind, status) => {
    const answer = refusalResponse(refused(kind, "admin.users.refused.self"), { intent: "role", done: null });
    expect(answer.init?.status).toBe(status);
    expect(answer.data).toEqual({
      intent: "role",
      done: null,
      errors: null,
      refused: "admin.users.refused.self",
    });
  });

  it("lists every status exactly once, so two kinds never look alike to a client", () => {
    const statuses = Object.values(REFUSAL_STATUS);
    expect(new Set(statuses).size).toBe(statuses.length);
  });

  it("answers a refusal about a field with 400 and the field's error, for the form's error summary, and no alert", () => {
    const answer = refusalResponse(fieldRefused("email", "error.emailTaken"), { values: { email: "a@b.ca" } });
    expect(answer.init?.status).toBe(400);
    expect(answer.data).toEqual({
      values: { email: "a@b.ca" },
      errors: { email: { key: "error.emailTaken" } },
      refused: null,
    });
  });

  it("keeps a field error's variables (a limit the message names)", () => {
    const answer = refusalResponse(fieldRefused("reason", "error.tooLong", { max: 500 }), {});
    expect(answer.data.errors).toEqual({ reason: { key: "error.tooLong", vars: { max: 500 } } });
  });

  it("throws the plain 404 page for not-found, the same answer as for something that does not exist", () => {
    let thrown: unknown;
    try {
      refusalResponse(NOT_FOUND, { intent: "role" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
  });

  it("passes headers through (pages that must not be cached)", () => {
    const answer = refusalResponse(
      refused("gone", "admin.users.refused.self"),
      {},
      {
        headers: { "Cache-Control": "no-store" },
      },
    );
    expect(new Headers(answer.init?.headers).get("Cache-Control")).toBe("no-store");
  });
});

describe("invalidFormResponse: a form that did not validate", () => {
  it("answers 400 with each field's message and what was typed, and no alert", () => {
    const answer = invalidFormResponse(
      { errors: { email: { key: "error.required" } } },
      { values: { email: "" }, done: null },
      { headers: { "Cache-Control": "private, no-store" } },
    );
    expect(answer.init?.status).toBe(400);
    expect(new Headers(answer.init?.headers).get("Cache-Control")).toBe("private, no-store");
    expect(answer.data).toEqual({
      values: { email: "" },
      done: null,
      errors: { email: { key: "error.required" } },
      refused: null,
    });
  });
});
