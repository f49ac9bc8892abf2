import { writeTransaction, type DB } from "../../db/client";
import { findCaseById } from "../../db/repositories/cases";
import { markEmailSent } from "../../db/repositories/email-outbox";
import type { OutboxRow } from "../../db/schema";
import { deliveryAccepted } from "../domain/case-lifecycle-delivery";
import { StaleCaseError, caseChangeOf, commitCaseChange, lifecycleInput, loadCaseContext } from "./case-records.server";

// The mail server accepted an email (issue #18): it is marked sent and, when it meets a clock (the
// acknowledgement), the clock is met at that moment, in one transaction, so neither is kept without
// the other.

const ATTEMPTS = 3;

export async function recordAcceptance(input: {
  db: DB;
  email: Pick<OutboxRow, "id" | "case_id" | "meets_clock">;
  acceptedAt: Date;
}): Promise<void> {
  const { db, email, acceptedAt } = input;
  for (let attempt = 1; ; attempt++) {
    try {
      await writeTransaction(db, async (trx) => {
        await markEmailSent(trx, email.id, acceptedAt.toISOString());
        if (!email.meets_clock || email.case_id === null) return;
        const row = await findCaseById(trx, email.case_id);
        if (!row) return;
        // Through the lifecycle: a pure transition says what is met; read and written in this transaction.
        const context = await loadCaseContext(trx, row);
        const transition = deliveryAccepted(lifecycleInput(row, context, acceptedAt), {
          outboxId: email.id,
          meets: email.meets_clock,
        });
        if (!transition) return;
        const change = { ...caseChangeOf(transition, { kind: "system", userId: null }), keepVersion: true };
        await commitCaseChange(trx, row, change, acceptedAt);
      });
      return;
    } catch (error) {
      // Staff changed the case between the read and the write: read it again and meet what is still owed.
      if (error instanceof StaleCaseError && attempt < ATTEMPTS) continue;
      throw error;
    }
  }
}
