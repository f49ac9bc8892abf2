// npm run user:add -- --email E --role R --org SLUG [--password P] [--name N] [--language en|fr]
import { parseArgs } from "node:util";
import { z } from "zod";
import { migrateToLatest, openDatabase } from "../db/client";
import { seedReferenceData } from "../db/seed/reference-data";
import { createAccount } from "../app/services/accounts.server";
import { parseEnv } from "../app/utils/env.server";
import { ROLES } from "../app/domain/vocabulary";

const argsSchema = z.object({
  email: z.email("--email must be an email address"),
  role: z.enum(ROLES, { error: `--role must be one of ${ROLES.join(", ")}` }),
  org: z.string().min(1, "--org is required (an organization slug, e.g. ssm-hamilton-niagara or mlitsd)"),
  password: z.string().min(8, "--password must have at least 8 characters").max(128).optional(),
  name: z.string().min(1).max(200).optional(),
  language: z.enum(["en", "fr"]).optional(),
});

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      role: { type: "string" },
      org: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      language: { type: "string" },
    },
    strict: true,
  });
  const args = argsSchema.safeParse(values);
  if (!args.success) {
    for (const issue of args.error.issues) console.error(issue.message);
    console.error("Usage: npm run user:add -- --email E --role R --org SLUG [--password P] [--name N]");
    return 2;
  }
  const env = parseEnv();
  const db = openDatabase(env.DATABASE_URL);
  try {
    await migrateToLatest(db);
    await seedReferenceData(db, new Date());
    const result = await createAccount({
      db,
      email: args.data.email,
      role: args.data.role,
      organizationSlug: args.data.org,
      password: args.data.password,
      displayName: args.data.name,
      language: args.data.language,
      now: new Date(),
    });
    if (!result.ok) {
      console.error(result.error);
      return 1;
    }
    console.log(`Created ${args.data.role} ${args.data.email} (id ${result.userId}).`);
    if (result.generated) console.log(`Password (shown only this once; store it safely): ${result.password}`);
    return 0;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
