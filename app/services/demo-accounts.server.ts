import type { DB } from "../../db/client";
import { countOpenUsersWithEmails } from "../../db/repositories/users";

// A database that holds the demo accounts (their password is in the README) must never be taken
// for a real installation: the server says so when it starts and on every signed-in page.
let present = false;

/** Looks once, at start-up (boot.server.ts); true when any demo account is open. */
export async function checkDemoAccounts(db: DB, demoEmails: readonly string[]): Promise<boolean> {
  present = (await countOpenUsersWithEmails(db, [...demoEmails])) > 0;
  return present;
}

export function demoAccountsPresent(): boolean {
  return present;
}
