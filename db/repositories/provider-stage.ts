import type { Kysely } from "kysely";
import type { CaseRow, Database } from "../schema";

// The provider stage's reads (issue #17): complaints about one provider, the answer it gave, and
// how each provider of an area keeps its clock.

export type RespondentListRow = Pick<
  CaseRow,
  "id" | "reference" | "status" | "level" | "received_at" | "program" | "area_slug"
> & { stage_due_at: string | null; stage_kind: "provider_response" | "client_review" | null };

/** The complaints about a provider that were referred to it, newest first, with the stage clock still open. */
export async function listComplaintsAboutProvider(
  db: Kysely<Database>,
  providerId: number,
  limit: number,
): Promise<RespondentListRow[]> {
  const rows = await db
    .selectFrom("cases as c")
    .leftJoin("case_clocks as k", (join) =>
      join
        .onRef("k.case_id", "=", "c.id")
        .on("k.kind", "in", ["provider_response", "client_review"])
        .on("k.state", "in", ["running", "paused"]),
    )
    .select([
      "c.id",
      "c.reference",
      "c.status",
      "c.level",
      "c.received_at",
      "c.program",
      "c.area_slug",
      "k.due_at as stage_due_at",
      "k.kind as stage_kind",
    ])
    .where("c.kind", "=", "client_complaint")
    .where("c.respondent_org_id", "=", providerId)
    .where("c.provider_referred_at", "is not", null)
    .orderBy("c.received_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, stage_kind: r.stage_kind as RespondentListRow["stage_kind"] }));
}

/** The provider's answer on file: its latest, whatever its visibility (a check may hold it). */
export async function findProviderAnswer(
  db: Kysely<Database>,
  caseId: number,
): Promise<{ body: string; proposedResolution: string | null; visibility: string; createdAt: string } | null> {
  const row = await db
    .selectFrom("case_events")
    .select(["body", "data_json", "visibility", "created_at"])
    .where("case_id", "=", caseId)
    .where("type", "=", "provider_answered")
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!row) return null;
  const data = row.data_json ? (JSON.parse(row.data_json) as { proposedResolution?: string | null }) : {};
  return {
    body: row.body ?? "",
    proposedResolution: data.proposedResolution ?? null,
    visibility: row.visibility,
    createdAt: row.created_at,
  };
}

export interface ProviderStageCounts {
  providerId: number;
  withProvider: number;
  lateNow: number;
  lateEver: number;
  toCheck: number;
}

/**
 * Per provider of the area's complaints: how many are with it, how many of its answers are late
 * now, how many were ever late (a provider clock breached, whatever happened next) and how many
 * answers wait for staff to check them.
 */
/**
 * The provider-stage clocks of an SSM's referred cases. Its condition on the case is the partial
 * index cases_referred_to_provider's (0028), so only referred cases are read; the plan is held by
 * test/integration/queue-query-plans.test.ts.
 */
export function providerStageClocksQuery(db: Kysely<Database>, areaSlug: string) {
  return db
    .selectFrom("cases as c")
    .innerJoin("case_clocks as k", "k.case_id", "c.id")
    .select([
      "c.respondent_org_id as providerId",
      "c.id as caseId",
      "c.status",
      "k.kind",
      "k.state",
      "k.due_at",
      "k.breached_at",
    ])
    .where("c.area_slug", "=", areaSlug)
    .where("c.provider_referred_at", "is not", null)
    .where("k.kind", "in", ["provider_response", "client_review"]);
}

export async function countProviderStage(
  db: Kysely<Database>,
  areaSlug: string,
  nowIso: string,
): Promise<ProviderStageCounts[]> {
  const rows = await providerStageClocksQuery(db, areaSlug).execute();
  const byProvider = new Map<number, ProviderStageCounts & { cases: Map<number, { open: boolean }> }>();
  for (const r of rows) {
    if (r.providerId === null) continue;
    const p =
      byProvider.get(r.providerId) ??
      ({ providerId: r.providerId, withProvider: 0, lateNow: 0, lateEver: 0, toCheck: 0, cases: new Map() } as const);
    const entry = { ...p, cases: p.cases };
    const open = r.state === "running" || r.state === "paused";
    if (r.kind === "provider_response" && (r.breached_at !== null || (open && r.due_at < nowIso))) entry.lateEver++;
    if (r.kind === "provider_response" && open && r.due_at < nowIso) entry.lateNow++;
    if (r.status === "with_provider") {
      const seen = entry.cases.get(r.caseId) ?? { open: false };
      entry.cases.set(r.caseId, { open: seen.open || open });
    }
    byProvider.set(r.providerId, entry);
  }
  return [...byProvider.values()].map(({ cases, ...counts }) => ({
    ...counts,
    withProvider: cases.size,
    toCheck: [...cases.values()].filter((c) => !c.open).length,
  }));
}
