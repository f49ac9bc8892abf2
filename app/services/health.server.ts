import type { DB } from "../../db/client";
import { pingDatabase } from "../../db/repositories/health";

export async function databaseAnswers(db: DB): Promise<boolean> {
  try {
    await pingDatabase(db);
    return true;
  } catch (error) {
    console.error("health check: database did not answer", error);
    return false;
  }
}
