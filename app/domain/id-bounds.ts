import { z } from "zod";

/**
 * A row id or version number from input (`?provider=`, `?version=`): a whole number from 1 to
 * PostgreSQL's largest integer. A larger one (`?version=1e300`) is not an id of ours, and sent to
 * PostgreSQL it is an "out of range" error, a 500, where SQLite would merely find nothing.
 */
export const MAX_ID = 2_147_483_647;

export const idNumber = z.coerce.number().int().min(1).max(MAX_ID);
