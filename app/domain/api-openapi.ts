import { z } from "zod";
import type { ApiScope } from "./api-scopes";
import {
  apiErrorSchema,
  caseActionResultSchema,
  caseActionSchema,
  caseDetailSchema,
  caseListQuerySchema,
  caseListSchema,
  quarterReportsSchema,
  shownFiguresSchema,
} from "./api-contract";

// The OpenAPI 3.1 document of /api/v1 (issue #22), generated from the zod schemas the routes
// validate with (api-contract.ts) by zod 4's own z.toJSONSchema: no hand-written copy to drift.

/** Every endpoint: the document lists these, the authorization matrix test walks them. */
export const API_ENDPOINTS = [
  {
    method: "get",
    path: "/api/v1/cases",
    scope: "cases.read",
    summary: "The SSM's cases, with the queue's filters, next deadline first, one page at a time",
    query: "CaseListQuery",
    response: "CaseList",
  },
  {
    method: "get",
    path: "/api/v1/cases/{reference}",
    scope: "cases.read",
    summary: "One case of the SSM's, with its clocks and timeline",
    response: "CaseDetail",
  },
  {
    method: "post",
    path: "/api/v1/cases/{reference}/actions",
    scope: "cases.act",
    summary: "A staff action on a case, refused exactly as the case page refuses it",
    body: "CaseAction",
    response: "CaseActionResult",
  },
  {
    method: "get",
    path: "/api/v1/reports/{quarter}",
    scope: "reports.read",
    summary: "Every SSM's submitted report for a fiscal quarter, suppressed as the ministry's pages show it",
    response: "QuarterReports",
  },
] as const satisfies readonly {
  method: "get" | "post";
  path: string;
  scope: ApiScope;
  summary: string;
  query?: string;
  body?: string;
  response: string;
}[];

/** The response schemas by component name: the contract test parses every answer with these too. */
export const RESPONSE_SCHEMAS = {
  CaseList: caseListSchema,
  CaseDetail: caseDetailSchema,
  CaseActionResult: caseActionResultSchema,
  QuarterReports: quarterReportsSchema,
  ShownFigures: shownFiguresSchema,
  Error: apiErrorSchema,
} as const;

const REQUEST_SCHEMAS = { CaseListQuery: caseListQuerySchema, CaseAction: caseActionSchema } as const;

type JsonObject = Record<string, unknown>;

function components(schemas: Record<string, z.ZodType>, io: "input" | "output"): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" });
  // A component is not a document of its own: its $schema and $id are the OpenAPI document's.
  return Object.fromEntries(
    Object.entries(out.schemas).map(([id, s]) => {
      const { $schema: _schema, $id: _id, ...rest } = s as JsonObject;
      return [id, rest];
    }),
  );
}

const ERRORS: Record<string, string> = {
  "400": "The request does not match the schema",
  "401": "No token, or an unknown, revoked or disabled one",
  "403": "The token lacks the scope this endpoint needs",
  "404": "Not found, or not the token's organization's (the two are not told apart)",
  "409": "Refused by the case's lifecycle, or the case changed since `version`",
  "413": "The body is larger than the API takes",
  "415": "The body is not JSON",
  "429": "Too many requests for this token",
};

export function openApiDocument(serverUrl: string): JsonObject {
  const schemas = { ...components(REQUEST_SCHEMAS, "input"), ...components(RESPONSE_SCHEMAS, "output") };
  const queryProperties = (schemas.CaseListQuery?.properties ?? {}) as Record<string, JsonObject>;
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const e of API_ENDPOINTS) {
    const parameters: JsonObject[] = [];
    for (const name of e.path.match(/\{(\w+)\}/g) ?? [])
      parameters.push({ name: name.slice(1, -1), in: "path", required: true, schema: { type: "string" } });
    if ("query" in e)
      for (const [name, schema] of Object.entries(queryProperties))
        parameters.push({ name, in: "query", required: false, schema });
    const errors = Object.fromEntries(
      Object.entries(ERRORS)
        .filter(([status]) => e.method === "post" || !["409", "413", "415"].includes(status))
        .map(([status, description]) => [
          status,
          { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        ]),
    );
    paths[e.path] = {
      ...paths[e.path],
      [e.method]: {
        summary: e.summary,
        security: [{ bearer: [e.scope] }],
        "x-scope": e.scope,
        parameters,
        ...("body" in e
          ? {
              requestBody: {
                required: true,
                content: { "application/json": { schema: { $ref: `#/components/schemas/${e.body}` } } },
              },
            }
          : {}),
        responses: {
          "200": {
            description: "OK",
            content: { "application/json": { schema: { $ref: `#/components/schemas/${e.response}` } } },
          },
          ...errors,
        },
      },
    };
  }
  paths["/api/v1/openapi.json"] = {
    get: { summary: "This document", security: [], responses: { "200": { description: "The OpenAPI document" } } },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Recourse API",
      version: "1",
      description:
        "For an SSM's systems: its own cases and staff actions. For the ministry: every SSM's submitted quarterly figures, suppressed. Bearer tokens issued on /admin/api-tokens; no cookies.",
    },
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A token issued on /admin/api-tokens" },
      },
      schemas,
    },
    paths,
  };
}
