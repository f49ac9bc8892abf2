// A reference a person can read over the phone: area code, year received, sequence in that area
// and year (HAM-2026-000123). Unique per area because the sequence is per area.
const REFERENCE_PATTERN = /^([A-Z]{3})-(\d{4})-(\d{6})$/;

export function formatCaseReference(areaCode: string, year: number, sequence: number): string {
  if (!/^[A-Z]{3}$/.test(areaCode)) throw new Error(`Bad area code ${areaCode}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`Year out of range: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999)
    throw new Error(`Sequence out of range: ${sequence}`);
  return `${areaCode}-${year}-${String(sequence).padStart(6, "0")}`;
}

/** Accepts what people type: lower case, spaces, missing dashes. Null when it cannot be one. */
export function normalizeCaseReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[^A-Z0-9]/g, "");
  const m = /^([A-Z]{3})(\d{4})(\d{6})$/.exec(compact);
  if (!m || m[3] === "000000") return null; // sequences start at 1
  const reference = `${m[1]}-${m[2]}-${m[3]}`;
  return REFERENCE_PATTERN.test(reference) ? reference : null;
}
