import { TEXT_LIMITS } from "./text-limits";

// Kept apart from the complaint's zod schema (complaint-input.ts), which only the server loads:
// the form in the browser reads these for its maxLength props (#18).
/** Each field's limit, read by the schema in complaint-input.ts and by the form's maxLength props. */
export const COMPLAINT_LIMITS = {
  description: TEXT_LIMITS.message,
  outcomeWanted: TEXT_LIMITS.reason,
  name: TEXT_LIMITS.name,
  email: TEXT_LIMITS.email,
  phone: TEXT_LIMITS.phone,
  accommodationDetails: TEXT_LIMITS.shortReason,
} as const;
