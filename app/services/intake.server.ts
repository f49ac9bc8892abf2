import type { DB } from "../../db/client";
import { findAreaWithSsm, listActiveProvidersInArea } from "../../db/repositories/areas";
import type { ComplaintInput } from "../domain/complaint-input";
import { receivedInstant, type IntakeExtras } from "../domain/intake-input";
import type { SessionUser } from "./auth.server";
import { fileClientComplaint, type FilingResult } from "./filing.server";
import { fieldRefused } from "../domain/result";
import { ownArea } from "../domain/access";
import { actorOf, authorize } from "./access.server";

/** What the intake form offers a staff member: their own SSM's area and its providers. */
export async function intakeChoices(input: { db: DB; user: SessionUser }) {
  const actor = await actorOf(input.db, input.user);
  const slug = authorize(actor, "case.record") ? ownArea(actor) : null;
  const area = slug ? await findAreaWithSsm(input.db, slug) : null;
  if (!area) return null;
  return {
    area: { slug: area.slug, name_en: area.name_en, name_fr: area.name_fr, timeZone: area.time_zone },
    providers: await listActiveProvidersInArea(input.db, area.slug),
  };
}

export type IntakeResult = FilingResult;

/**
 * A complaint staff took down for someone: same rules as the web form, in the staff member's own
 * SSM area, with its channel and the time it was really received (the clocks start from then).
 */
export async function recordComplaintOnBehalf(input: {
  db: DB;
  user: SessionUser;
  complaint: ComplaintInput;
  extras: IntakeExtras;
  now: Date;
}): Promise<IntakeResult | null> {
  const choices = await intakeChoices({ db: input.db, user: input.user });
  if (!choices) return null;
  const when = receivedInstant(input.extras.receivedAt, choices.area.timeZone, input.now);
  if (!when.ok) return fieldRefused("receivedAt", when.key);
  return fileClientComplaint({
    db: input.db,
    complaint: { ...input.complaint, area: choices.area.slug },
    now: input.now,
    channel: input.extras.channel,
    receivedAt: when.at,
    recordedBy: { userId: input.user.id, label: input.user.email },
  });
}
