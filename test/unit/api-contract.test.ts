import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { API_ENDPOINTS, openApiDocument } from "../../app/domain/api-openapi";
import { API_SCOPES, grantableScopes, SCOPES_FOR_KIND, TOKEN_ROLE } from "../../app/domain/api-scopes";
import { caseActionSchema } from "../../app/domain/api-contract";
import { ROLE_ORGANIZATION } from "../../app/domain/access";

// Issue #22: which scopes each kind of organization may hold, and the generated OpenAPI document.

describe("API scopes", () => {
  it("gives an SSM cases only, the ministry reports only, a provider nothing", () => {
    expect(grantableScopes("ssm", ["cases.read", "cases.act"])).toEqual(["cases.read", "cases.act"]);
    expect(grantableScopes("ssm", ["reports.read"])).toBeNull();
    expect(grantableScopes("ministry", ["reports.read"])).toEqual(["reports.read"]);
    expect(grantableScopes("ministry", ["cases.read"])).toBeNull();
    expect(grantableScopes("provider", ["cases.read"])).toBeNull();
    expect(grantableScopes("ssm", [])).toBeNull();
  });

  it("grants any set of asked scopes exactly when each is the kind's, never one it was not asked", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("ssm", "ministry", "provider" as const),
        fc.array(fc.constantFrom(...API_SCOPES, "admin", "cases.*"), { maxLength: 5 }),
        (kind, asked) => {
          const granted = grantableScopes(kind, asked);
          const allowed = asked.length > 0 && asked.every((s) => (SCOPES_FOR_KIND[kind] as string[]).includes(s));
          expect(granted !== null).toBe(allowed);
          if (granted) expect(new Set(granted)).toEqual(new Set(asked));
        },
      ),
    );
  });

  it("acts with a role that belongs to the token's kind of organization", () => {
    for (const kind of ["ssm", "ministry"] as const) expect(ROLE_ORGANIZATION[TOKEN_ROLE[kind]!]).toBe(kind);
    expect(TOKEN_ROLE.provider).toBeNull();
  });
});

describe("the OpenAPI document", () => {
  const doc = openApiDocument("https://recourse.example") as {
    openapi: string;
    paths: Record<string, Record<string, { "x-scope"?: string }>>;
    components: { schemas: Record<string, unknown> };
  };

  it("is OpenAPI 3.1 and lists every endpoint with its scope", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const e of API_ENDPOINTS) expect(doc.paths[e.path]?.[e.method]?.["x-scope"]).toBe(e.scope);
  });

  it("resolves every reference it makes", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
  });

  it("describes the actions the API parses: each action of the schema is in the document", () => {
    const actions = JSON.stringify(doc.components.schemas.CaseAction);
    for (const option of caseActionSchema.options) expect(actions).toContain(`"const":"${option.shape.action.value}"`);
  });
});
