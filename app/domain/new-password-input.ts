import { z } from "zod";
import { passwordProblem } from "./password-policy";

/** The "choose a password" form (password typed twice), checked against the policy. */
export function newPasswordSchema(isCommon: (password: string) => boolean) {
  return z
    .object({
      password: z.string({ error: "error.required" }).superRefine((password, ctx) => {
        const problem = passwordProblem(password, isCommon);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
      confirm: z.string({ error: "error.required" }).min(1, "error.required"),
    })
    .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "error.passwordMismatch" });
}
