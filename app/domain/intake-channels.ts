// How a complaint written down by staff reached them (the intake form's choices; the schema in
// intake-input.ts checks them on the server).
export const INTAKE_CHANNELS = ["phone", "in_person", "mail", "email"] as const;
