// The forms /admin/providers posts, checked on the server only: the browser never downloads zod (#18,
// docs/decisions/022).
import { z } from "zod";
export { providerIdSchema, providerNamesSchema, providerRenameSchema } from "../domain/ssm-admin-input";

export const intentSchema = z.object({ intent: z.enum(["add", "rename", "retire"]) });
