// npm run audit:verify [-- --anchor 1234:<hash> ...]: recomputes the audit log's hash chain and names
// the first entry altered, deleted, inserted or moved. Exit 0 when intact, 1 when not, 2 on bad
// arguments. Note the head it prints somewhere else (a ticket, the backup log) and pass it back as
// --anchor later: that also catches entries cut off the end, or a chain rewritten wholesale.
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase } from "../db/client";
import { verifyAuditChain } from "../app/services/audit-verify.server";
import { parseEnv } from "../app/utils/env.server";

const argsSchema = z.object({
  anchor: z
    .array(
      z
        .string()
        .regex(/^\d+:[0-9a-f]{64}$/, "--anchor must be <entry id>:<64 hex digits>, as printed by an earlier run")
        .transform((v) => {
          const [id, hash] = v.split(":") as [string, string];
          return { id: Number(id), hash };
        }),
    )
    .default([]),
});

const { values } = parseArgs({ options: { anchor: { type: "string", multiple: true } }, strict: true });
const args = argsSchema.safeParse(values);
if (!args.success) {
  console.error(args.error.issues[0]?.message);
  process.exit(2);
}

const db = openDatabase(parseEnv().DATABASE_URL);
try {
  const report = await verifyAuditChain(db, args.data.anchor);
  if (report.ok) {
    console.log(`Audit log intact: ${report.entries} entries.`);
    if (report.head) console.log(`Head: ${report.head.id}:${report.head.hash}`);
  } else {
    console.error(
      `Audit log TAMPERED (${report.problem.kind}, entry #${report.problem.entryId}): ${report.problem.message}`,
    );
    process.exitCode = 1;
  }
} finally {
  await db.destroy();
}
