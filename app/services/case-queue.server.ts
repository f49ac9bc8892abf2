import type { DB } from "../../db/client";
import { findOrganizationById } from "../../db/repositories/areas";
import { listQueueForArea, type QueueRow } from "../../db/repositories/cases";
import type { SessionUser } from "./auth.server";

/** The signed-in staff member's own SSM queue; never another SSM's cases. */
export async function staffQueue(input: {
  db: DB;
  user: SessionUser;
}): Promise<{ organization: { name_en: string; name_fr: string }; rows: QueueRow[] } | null> {
  const org = await findOrganizationById(input.db, input.user.organization_id);
  if (!org || org.kind !== "ssm" || !org.area_slug) return null;
  const rows = await listQueueForArea(input.db, org.area_slug, 200);
  return { organization: { name_en: org.name_en, name_fr: org.name_fr }, rows };
}
