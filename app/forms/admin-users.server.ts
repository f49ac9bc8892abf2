// The forms /admin/users posts, checked on the server only: the browser never downloads zod (#18,
// docs/decisions/022).
import { z } from "zod";
export { inviteInputSchema, roleChangeSchema, userIdSchema } from "../domain/ssm-admin-input";

export const intentSchema = z.object({ intent: z.enum(["invite", "role", "resend", "disable", "enable"]) });
