import { describe, it, expect } from "vitest";
import { complaintInputSchema, COMPLAINT_LIMITS } from "../../app/domain/complaint-input";
import { IN_SCOPE_PROGRAMS, MINISTRY_RETAINED_PROGRAMS } from "../../app/domain/programs";
import { parseForm } from "../../app/utils/form";

const VALID = {
  area: "hamilton",
  provider: "12",
  program: "employment_service",
  description: "  The counsellor cancelled my appointments three times.  ",
  outcomeWanted: " A new counsellor ",
  name: "  Ana Silva ",
  email: " ana@example.ca ",
  phone: "",
  language: "fr",
  accommodation: "yes",
  accommodationDetails: "  Large print, please ",
  consent: "on",
} satisfies Record<string, string>;

/**
 * The distinct issues of a failed parse as [path, message] pairs. (A phone number can fail both
 * the pattern and the digit count, giving the same key twice; the form shows it once.)
 */
function issuesOf(input: Record<string, unknown>): [string, string][] {
  const result = complaintInputSchema.safeParse(input);
  if (result.success) return [];
  const pairs = result.error.issues.map((i) => `${i.path.join(".")}\u0000${i.message}`);
  return [...new Set(pairs)].map((p) => p.split("\u0000") as [string, string]);
}

function without(key: keyof typeof VALID): Record<string, string> {
  const copy: Record<string, string> = { ...VALID };
  delete copy[key];
  return copy;
}

describe("complaintInputSchema", () => {
  it("accepts a complete complaint and trims what was typed", () => {
    const result = complaintInputSchema.safeParse(VALID);
    expect(result.success).toBe(true);
    expect(result.data).toEqual({
      area: "hamilton",
      provider: "12",
      program: "employment_service",
      description: "The counsellor cancelled my appointments three times.",
      outcomeWanted: "A new counsellor",
      name: "Ana Silva",
      email: "ana@example.ca",
      language: "fr",
      accommodation: "yes",
      accommodationDetails: "Large print, please",
      consent: "on",
    });
  });

  it("accepts a phone number instead of an email, and an unknown provider", () => {
    const result = complaintInputSchema.safeParse({
      ...VALID,
      email: "",
      phone: " +1 (905) 555-0100 ",
      provider: "unknown",
    });
    expect(result.success).toBe(true);
    expect(result.data?.email).toBeUndefined();
    expect(result.data?.phone).toBe("+1 (905) 555-0100");
    expect(result.data?.provider).toBe("unknown");
  });

  it("drops empty optional fields", () => {
    const result = complaintInputSchema.safeParse({ ...VALID, phone: "   ", accommodationDetails: "  " });
    expect(result.success).toBe(true);
    expect(result.data).not.toHaveProperty("phone", expect.anything());
    expect(result.data?.accommodationDetails).toBeUndefined();
  });

  it.each([
    ["description", "error.required"],
    ["outcomeWanted", "error.required"],
    ["name", "error.required"],
    ["provider", "error.choose"],
    ["program", "error.choose"],
    ["language", "error.choose"],
    ["accommodation", "error.choose"],
    ["consent", "error.consent"],
  ] as const)("a missing %s gives %s on that field", (field, key) => {
    expect(issuesOf(without(field))).toEqual([[field, key]]);
  });

  it.each(["description", "outcomeWanted", "name"] as const)("a blank %s (only spaces) is required", (field) => {
    expect(issuesOf({ ...VALID, [field]: "   " })).toEqual([[field, "error.required"]]);
  });

  it("a missing area is refused on the area field", () => {
    const issues = issuesOf(without("area"));
    expect(issues.map(([path]) => path)).toEqual(["area"]);
    expect(issuesOf({ ...VALID, area: " " })).toEqual([["area", "error.choose"]]);
  });

  it("asks for an email or a phone number, on the email field, when neither is given", () => {
    expect(issuesOf({ ...VALID, email: "", phone: "" })).toEqual([["email", "error.contactNeeded"]]);
    expect(issuesOf({ ...VALID, email: "  ", phone: undefined })).toEqual([["email", "error.contactNeeded"]]);
  });

  it("asks for contact details together with other errors, so the filer sees them all at once", () => {
    expect(issuesOf({ ...VALID, email: "", phone: "", name: "" })).toEqual([
      ["name", "error.required"],
      ["email", "error.contactNeeded"],
    ]);
  });

  it.each(["not-an-email", "ana@", "@example.ca", "ana example.ca"])("refuses email %j with error.email", (email) => {
    expect(issuesOf({ ...VALID, email })).toEqual([["email", "error.email"]]);
  });

  it.each(["call me", "12345", ".......", "555-01OO"])("refuses phone %j with error.phone", (phone) => {
    expect(issuesOf({ ...VALID, email: "", phone })).toEqual([["phone", "error.phone"]]);
  });

  it.each([
    ["description", COMPLAINT_LIMITS.description],
    ["outcomeWanted", COMPLAINT_LIMITS.outcomeWanted],
    ["name", COMPLAINT_LIMITS.name],
    ["accommodationDetails", COMPLAINT_LIMITS.accommodationDetails],
  ] as const)("a %s over %d characters is too long; exactly at the limit is fine", (field, max) => {
    expect(issuesOf({ ...VALID, [field]: "x".repeat(max + 1) })).toEqual([[field, "error.tooLong"]]);
    expect(issuesOf({ ...VALID, [field]: "x".repeat(max) })).toEqual([]);
  });

  it("counts the limit after trimming", () => {
    expect(issuesOf({ ...VALID, description: `  ${"x".repeat(COMPLAINT_LIMITS.description)}  ` })).toEqual([]);
  });

  it.each(["", "off", "true", "yes"])("refuses consent %j", (consent) => {
    expect(issuesOf({ ...VALID, consent })).toEqual([["consent", "error.consent"]]);
  });

  // Accepted so the filer can be told where to go; the filing service records it as referred out.
  it.each(MINISTRY_RETAINED_PROGRAMS)("accepts the ministry-retained program %s", (program) => {
    expect(issuesOf({ ...VALID, program })).toEqual([]);
  });

  it("refuses a made-up program and accepts every in-scope one", () => {
    expect(issuesOf({ ...VALID, program: "space_program" })).toEqual([["program", "error.choose"]]);
    for (const program of IN_SCOPE_PROGRAMS) expect(issuesOf({ ...VALID, program })).toEqual([]);
  });

  it.each(["abc", "-1", "1.5", "1234567890"])("refuses provider %j", (provider) => {
    expect(issuesOf({ ...VALID, provider })).toEqual([["provider", "error.choose"]]);
  });
});

function formDataOf(values: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.append(k, v);
  return fd;
}

describe("parseForm with the complaint schema", () => {
  it("returns the parsed data for a valid form", () => {
    const result = parseForm(complaintInputSchema, formDataOf(VALID));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data.name).toBe("Ana Silva");
  });

  it("returns one error per field with its translation key (the field's own where there is one), and what was typed, untrimmed", () => {
    const typed = { ...VALID, name: "", email: "nope", description: "x".repeat(COMPLAINT_LIMITS.description + 1) };
    const result = parseForm(complaintInputSchema, formDataOf(typed));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      name: { key: "error.required.name" },
      email: { key: "error.email" },
      description: { key: "error.tooLong", vars: { max: COMPLAINT_LIMITS.description } },
    });
    expect(result.values).toEqual(typed);
  });

  it("gives the limit as vars.max for every too-long text field", () => {
    const typed = { ...VALID, outcomeWanted: "y".repeat(2001), name: "n".repeat(201) };
    const result = parseForm(complaintInputSchema, formDataOf(typed));
    expect(result.ok ? null : result.errors).toEqual({
      outcomeWanted: { key: "error.tooLong", vars: { max: 2000 } },
      name: { key: "error.tooLong", vars: { max: 200 } },
    });
  });

  it("reports the missing contact on the email field", () => {
    const result = parseForm(complaintInputSchema, formDataOf({ ...VALID, email: "", phone: "" }));
    expect(result.ok ? null : result.errors).toEqual({ email: { key: "error.contactNeeded" } });
  });

  it("keeps only the first error of a field", () => {
    // Missing consent and a bad phone with no email: one key each.
    const typed = { ...without("consent"), email: "", phone: "x" };
    const result = parseForm(complaintInputSchema, formDataOf(typed));
    expect(result.ok ? null : result.errors).toEqual({
      phone: { key: "error.phone" },
      consent: { key: "error.consent" },
    });
  });

  it("never shows a raw (untranslated) message: every key is an error.* key", () => {
    const result = parseForm(complaintInputSchema, formDataOf({}));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(
      [
        "accommodation",
        "area",
        "consent",
        "description",
        "email",
        "language",
        "name",
        "outcomeWanted",
        "program",
        "provider",
      ].sort(),
    );
    for (const error of Object.values(result.errors)) expect(error?.key).toMatch(/^error\./);
    expect(result.values).toEqual({});
  });

  it("ignores uploaded files in the echoed values", () => {
    const fd = formDataOf({ ...VALID, name: "" });
    fd.append("attachment", new Blob(["hello"]), "letter.txt");
    const result = parseForm(complaintInputSchema, fd);
    expect(result.ok ? null : result.values).not.toHaveProperty("attachment");
  });
});
