import type { DB } from "../../db/client";
import { findOrganizationById } from "../../db/repositories/areas";
import { findCaseById, findCaseByReference } from "../../db/repositories/cases";
import type { CaseRow } from "../../db/schema";
import {
  can,
  type Actor,
  type CaseScope,
  type Permission,
  type Resource,
  type RespondentScope,
} from "../domain/access";
import type { SessionUser } from "./auth.server";

// The one gate: every service that shows or changes something asks here, and the answer comes
// from app/domain/access.ts. A refusal and a record that does not exist look the same to the
// caller (null, shown as 404), so a page never confirms what its reader may not see.

/** The signed-in person as the access rules see them: their role and their organization. */
export async function actorOf(db: DB, user: Pick<SessionUser, "id" | "role" | "organization_id">): Promise<Actor> {
  const org = await findOrganizationById(db, user.organization_id);
  return {
    userId: user.id,
    role: user.role,
    organization: org
      ? { id: org.id, kind: org.kind, areaSlug: org.area_slug, retired: org.retired_at !== null }
      : null,
  };
}

/** Whether the actor may use the permission (on the resource, when one is given). */
export function authorize(actor: Actor, permission: Permission, resource?: Resource): boolean {
  return can(actor, permission, resource);
}

/** The facts about a case that decide who may see it. */
export function caseScopeOf(row: Pick<CaseRow, "area_slug" | "kind" | "filer_org_id">): CaseScope {
  return { areaSlug: row.area_slug, kind: row.kind, filerOrgId: row.filer_org_id };
}

/** The facts about a client's complaint that decide whether the provider it is about may see it. */
export function respondentScopeOf(row: CaseRow): RespondentScope {
  return {
    ...caseScopeOf(row),
    respondentOrgId: row.respondent_org_id,
    referredToProvider: row.provider_referred_at !== null,
  };
}

/** A case, by reference or id, loaded only if the actor may use the permission on it; otherwise null. */
export async function caseFor(
  db: DB,
  actor: Actor,
  permission: Permission,
  key: { reference: string } | { id: number },
): Promise<CaseRow | null> {
  if (!authorize(actor, permission)) return null;
  const row = "reference" in key ? await findCaseByReference(db, key.reference) : await findCaseById(db, key.id);
  return row && authorize(actor, permission, { type: "case", case: caseScopeOf(row) }) ? row : null;
}
