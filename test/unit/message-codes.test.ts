import { describe, expect, it } from "vitest";
import { codeText, knownKey, translator } from "../../app/i18n";

// Codes read from stored data (levels, outcomes, event types, refusal reasons) become words without
// casts; a code this release has no message for shows as itself instead of an empty cell.
describe("message codes", () => {
  const en = translator("en");
  const fr = translator("fr");

  it("turns a known code into its message in the reader's language", () => {
    expect(codeText(en, "outcome", "upheld")).toBe("Complaint upheld");
    expect(codeText(fr, "level", 2)).toBe(fr("level.2"));
    expect(codeText(en, "event", "escalated", { level: 3 })).toBe("Moved to level 3");
  });

  it("shows an unknown code as itself", () => {
    expect(codeText(en, "outcome", "outcome_added_later")).toBe("outcome_added_later");
    expect(codeText(fr, "level", 9)).toBe("9");
  });

  it("keeps a refusal's key only when the catalog has it", () => {
    expect(knownKey("status.refused.finished", "error.generic")).toBe("status.refused.finished");
    expect(knownKey("status.refused.stale", "error.generic")).toBe("error.generic");
  });
});
