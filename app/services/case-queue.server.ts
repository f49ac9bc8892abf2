import type { DB } from "../../db/client";
import { findOrganizationById } from "../../db/repositories/areas";
import { listQueueForArea, type QueueRow } from "../../db/repositories/cases";
import { findPolicyInForce } from "../../db/repositories/policies";
import { businessDaysLeft } from "../domain/business-calendar";
import { localDateOf } from "../domain/time-zone";
import type { SessionUser } from "./auth.server";

// "Due soon" means due today or on the next business day: the same horizon as the reminder email.
const DUE_SOON_BUSINESS_DAYS = 1;

export interface QueueEntry extends QueueRow {
  overdue: boolean;
  dueSoon: boolean;
  businessDaysLeft: number | null;
}

/** The signed-in staff member's own SSM queue, next deadline first; never another SSM's cases. */
export async function staffQueue(input: {
  db: DB;
  user: SessionUser;
  now?: Date;
}): Promise<{ organization: { name_en: string; name_fr: string }; rows: QueueEntry[]; timeZone: string } | null> {
  const now = input.now ?? new Date();
  const org = await findOrganizationById(input.db, input.user.organization_id);
  if (!org || org.kind !== "ssm" || !org.area_slug) return null;
  const [rows, policy] = await Promise.all([
    listQueueForArea(input.db, org.area_slug, 200),
    findPolicyInForce(input.db, org.area_slug, localDateOf(now, "America/Toronto")),
  ]);
  if (!policy) throw new Error(`No policy in force for ${org.area_slug}`);
  const calendar = policy.policy.calendar;
  return {
    organization: { name_en: org.name_en, name_fr: org.name_fr },
    timeZone: calendar.timeZone,
    rows: rows.map((r) => {
      if (!r.next_due_at) return { ...r, overdue: false, dueSoon: false, businessDaysLeft: null };
      const overdue = Date.parse(r.next_due_at) < now.getTime();
      const left = businessDaysLeft(now, new Date(r.next_due_at), calendar);
      return { ...r, overdue, dueSoon: !overdue && left <= DUE_SOON_BUSINESS_DAYS, businessDaysLeft: left };
    }),
  };
}
