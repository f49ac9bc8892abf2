// The time zones an SSM's calendar may be set in (the policy form's choices).
export const POLICY_TIME_ZONES = ["America/Toronto", "America/Winnipeg"] as const;
