import type { DB } from "../../db/client";
import { findAreaWithSsm } from "../../db/repositories/areas";
import { listCaseEvents } from "../../db/repositories/case-events";
import { findCaseByReference } from "../../db/repositories/cases";
import { normalizeCaseReference } from "../domain/case-reference";
import { accessSecretMatches, hashAccessSecret } from "../utils/access-secret.server";

// Compared against when the reference does not exist, so a miss costs the same as a wrong secret.
const ABSENT_HASH = hashAccessSecret("absent");

/**
 * What the filer may see of their case, given its reference and access secret: status, dates and
 * the public timeline. Never internal notes, never staff contact details.
 */
export async function filerCaseView(input: { db: DB; reference: string; secret: string }) {
  const reference = normalizeCaseReference(input.reference);
  const row = reference ? await findCaseByReference(input.db, reference) : null;
  const matches = accessSecretMatches(input.secret, row?.secret_hash ?? ABSENT_HASH);
  if (!row || !matches) return null;
  const [events, area] = await Promise.all([
    listCaseEvents(input.db, row.id, { publicOnly: true }),
    findAreaWithSsm(input.db, row.area_slug),
  ]);
  return {
    reference: row.reference,
    status: row.status,
    level: row.level,
    receivedAt: row.received_at,
    nextDueAt: row.next_due_at,
    outcome: row.outcome,
    area: area ? { slug: area.slug, name_en: area.name_en, name_fr: area.name_fr, ssm: area.ssm } : null,
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      body: e.body,
      data_json: e.data_json,
      created_at: e.created_at,
      actor_kind: e.actor_kind,
    })),
  };
}
