import { withSavepoint, writeTransaction, type DB } from "../../db/client";
import { findCaseById } from "../../db/repositories/cases";
import { markEmailSent } from "../../db/repositories/email-outbox";
import type { OutboxRow } from "../../db/schema";
import { deliveryAccepted } from "../domain/case-lifecycle-delivery";
import { logError } from "../utils/log.server";
import { StaleCaseError, caseChangeOf, commitCaseChange, lifecycleInput, loadCaseContext } from "./case-records.server";

// The mail server accepted emails (issue #18): each is marked sent and, when it meets a clock (the
// acknowledgement), the clock is met at the moment that email was accepted, in the same transaction,
// so neither is kept without the other. A delivery round's acceptances share one transaction: one
// commit for the round, not one per email (each commit is a disk flush; bench/RESULTS.md).

const ATTEMPTS = 3;

export interface Accepted {
  email: Pick<OutboxRow, "id" | "case_id" | "meets_clock">;
  acceptedAt: Date;
}

async function recordOne(trx: DB, { email, acceptedAt }: Accepted): Promise<void> {
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
}

/**
 * Records a round's accepted emails in one transaction, each in a savepoint of its own. Returns the
 * ids not recorded: left leased, they are sent again when the lease runs out (the person may get one
 * twice; the record of it, and the clock it meets, are not lost).
 */
export async function recordAcceptances(db: DB, accepted: readonly Accepted[]): Promise<number[]> {
  if (accepted.length === 0) return [];
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeTransaction(db, async (trx) => {
        const failed: number[] = [];
        for (const one of accepted) {
          try {
            await withSavepoint(trx, (savepoint) => recordOne(savepoint, one));
          } catch (error) {
            // Staff changed the case between the read and the write: the round is read again.
            if (error instanceof StaleCaseError) throw error;
            logError(`outbox worker: email ${one.email.id} was accepted but could not be recorded`, error);
            failed.push(one.email.id);
          }
        }
        return failed;
      });
    } catch (error) {
      if (error instanceof StaleCaseError && attempt < ATTEMPTS) continue;
      logError("outbox worker: a round's accepted emails could not be recorded", error);
      return accepted.map((a) => a.email.id);
    }
  }
}
