import { describe, expect, it } from "vitest";
import { localized, nameIn } from "../../app/i18n/localized";

// Every page, email and export that names an organization picks the reader's language the same way.
describe("names in the reader's language", () => {
  const area = {
    name_en: "Hamilton–Niagara",
    name_fr: "Hamilton–Niagara (FR)",
    ssm_en: "Fedcap",
    ssm_fr: "Fedcap Canada",
  };

  it("gives the French name to a French reader and the English name to an English reader", () => {
    expect(nameIn(area, "fr")).toBe("Hamilton–Niagara (FR)");
    expect(nameIn(area, "en")).toBe("Hamilton–Niagara");
  });

  it("reads any bilingual field by its prefix, a missing name included", () => {
    expect(localized(area, "ssm", "fr")).toBe("Fedcap Canada");
    const row = { respondent_name_en: null as string | null, respondent_name_fr: "Emplois Hamilton" as string | null };
    expect(localized(row, "respondent_name", "en")).toBeNull();
    expect(localized(row, "respondent_name", "fr")).toBe("Emplois Hamilton");
  });
});
