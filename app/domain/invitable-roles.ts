// The roles an SSM manager may give a person (the invitation form's choices).
export const INVITABLE_ROLES = ["ssm_staff", "ssm_manager", "provider_user"] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];
