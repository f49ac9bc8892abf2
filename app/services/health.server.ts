import type { DB } from "../../db/client";
import { pingDatabase } from "../../db/repositories/health";
import { logError } from "../utils/log.server";

export async function databaseAnswers(db: DB): Promise<boolean> {
  try {
    await pingDatabase(db);
    return true;
  } catch (error) {
    logError("health check: database did not answer", error);
    return false;
  }
}
