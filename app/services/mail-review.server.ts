import type { DB } from "../../db/client";
import { listMailToReview, markMailReviewed, type ReviewEntry } from "../../db/repositories/inbound-messages";
import { actorOf, authorize } from "./access.server";
import type { SessionUser } from "./auth.server";

// The review list (issue #20): mail whose reply address was missing, forged or expired, for the SSM's
// staff to read and deal with by hand. It never names a case: an expired token's case is not shown.

export async function mailToReview(input: { db: DB; user: SessionUser }): Promise<ReviewEntry[] | null> {
  const actor = await actorOf(input.db, input.user);
  if (!authorize(actor, "mail.review") || input.user.organization_id === null) return null;
  return listMailToReview(input.db, input.user.organization_id);
}

/** Takes an entry off the list once someone has dealt with it; false if it is not the SSM's or is gone. */
export async function markReviewed(input: { db: DB; user: SessionUser; id: number; now: Date }): Promise<boolean> {
  const actor = await actorOf(input.db, input.user);
  if (!authorize(actor, "mail.review") || input.user.organization_id === null) return false;
  return markMailReviewed(input.db, {
    id: input.id,
    organizationId: input.user.organization_id,
    userId: input.user.id,
    now: input.now.toISOString(),
  });
}
