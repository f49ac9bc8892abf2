import { describe, it, expect } from "vitest";
import { dueAt } from "../../app/domain/business-calendar";
import { OPTIONAL_CLOSURES } from "../../app/domain/ontario-holidays";
import { policyFromInput, policyInputSchema, type PolicyInput } from "../../app/domain/policy-input";
import { instantAt } from "../../app/domain/time-zone";

/** What the manager's form posts: every value a string. */
const form = (overrides: Record<string, string | undefined> = {}): Record<string, string> => {
  const values: Record<string, string | undefined> = {
    effectiveFrom: "2027-01-01",
    timeZone: "America/Toronto",
    acknowledgeDays: "2",
    firstResponseDays: "5",
    decisionDays1: "20",
    decisionDays2: "20",
    decisionDays3: "30",
    recourseWindowDays: "15",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined));
};

const parse = (overrides: Record<string, string | undefined> = {}): PolicyInput => {
  const result = policyInputSchema.safeParse(form(overrides));
  if (!result.success) throw new Error(`expected a valid form: ${JSON.stringify(result.error.issues)}`);
  return result.data;
};

/** Field → first message, the way the form shows errors. */
const errorsOf = (overrides: Record<string, string | undefined>): Record<string, string> => {
  const result = policyInputSchema.safeParse(form(overrides));
  expect(result.success).toBe(false);
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
};

describe("policyInputSchema: a valid form", () => {
  it("parses, coercing the day counts to numbers", () => {
    const input = parse();
    expect(input).toMatchObject({
      effectiveFrom: "2027-01-01",
      timeZone: "America/Toronto",
      acknowledgeDays: 2,
      firstResponseDays: 5,
      decisionDays1: 20,
      decisionDays2: 20,
      decisionDays3: 30,
      recourseWindowDays: 15,
      extraClosures: [],
    });
    expect(input.civic_holiday).toBeUndefined();
  });

  it("accepts ticked optional closures and extra closures split on newlines, commas and spaces", () => {
    const input = parse({
      civic_holiday: "on",
      truth_and_reconciliation: "on",
      extraClosures: "2027-03-15\r\n2027-01-04, 2027-03-15  2027-02-01,\n",
    });
    expect(input.civic_holiday).toBe("on");
    expect(input.easter_monday).toBeUndefined();
    expect(input.extraClosures).toEqual(["2027-03-15", "2027-01-04", "2027-03-15", "2027-02-01"]);
  });

  it("accepts the bounds themselves and equal response times", () => {
    expect(parse({ acknowledgeDays: "0", firstResponseDays: "1", decisionDays1: "1" }).acknowledgeDays).toBe(0);
    expect(parse({ acknowledgeDays: "10", firstResponseDays: "10", decisionDays1: "10" }).firstResponseDays).toBe(10);
    expect(
      parse({
        firstResponseDays: "30",
        decisionDays1: "90",
        decisionDays2: "90",
        decisionDays3: "90",
        recourseWindowDays: "60",
      }).decisionDays3,
    ).toBe(90);
    expect(parse({ timeZone: "America/Winnipeg" }).timeZone).toBe("America/Winnipeg");
  });
});

describe("policyInputSchema: errors the manager sees", () => {
  it("a day count out of range reads error.range", () => {
    expect(errorsOf({ acknowledgeDays: "11", firstResponseDays: "12", decisionDays1: "20" })).toEqual({
      acknowledgeDays: "error.range",
    });
    expect(errorsOf({ acknowledgeDays: "-1" }).acknowledgeDays).toBe("error.range");
    expect(errorsOf({ firstResponseDays: "31", decisionDays1: "40" })).toEqual({ firstResponseDays: "error.range" });
    expect(errorsOf({ decisionDays2: "0" })).toEqual({ decisionDays2: "error.range" });
    expect(errorsOf({ decisionDays3: "91" })).toEqual({ decisionDays3: "error.range" });
    expect(errorsOf({ recourseWindowDays: "61" })).toEqual({ recourseWindowDays: "error.range" });
  });

  it("a fraction reads error.wholeNumber", () => {
    expect(errorsOf({ acknowledgeDays: "1.5" })).toEqual({ acknowledgeDays: "error.wholeNumber" });
    expect(errorsOf({ recourseWindowDays: "15.25" })).toEqual({ recourseWindowDays: "error.wholeNumber" });
  });

  it("a missing or non-numeric day count reads error.required", () => {
    expect(errorsOf({ acknowledgeDays: undefined }).acknowledgeDays).toBe("error.required");
    expect(errorsOf({ decisionDays2: "twenty" })).toEqual({ decisionDays2: "error.required" });
  });

  // A manager who clears "acknowledge within" is told it is required, not given 0 days.
  it("a blank day count reads error.required rather than becoming 0", () => {
    expect(errorsOf({ acknowledgeDays: "" })).toEqual({ acknowledgeDays: "error.required" });
    expect(errorsOf({ acknowledgeDays: "   " })).toEqual({ acknowledgeDays: "error.required" });
    expect(errorsOf({ firstResponseDays: "" }).firstResponseDays).toBe("error.required");
  });

  it("a first response due before the acknowledgement reads error.firstAfterAck on firstResponseDays", () => {
    expect(errorsOf({ acknowledgeDays: "3", firstResponseDays: "2" })).toEqual({
      firstResponseDays: "error.firstAfterAck",
    });
  });

  it("a level-1 decision due before the first response reads error.decisionAfterFirst on decisionDays1", () => {
    expect(errorsOf({ firstResponseDays: "10", decisionDays1: "9" })).toEqual({
      decisionDays1: "error.decisionAfterFirst",
    });
  });

  it("a bad date among the extra closures reads error.dateList", () => {
    expect(errorsOf({ extraClosures: "2027-01-04\n2027-02-30" })).toEqual({ extraClosures: "error.dateList" });
    expect(errorsOf({ extraClosures: "tomorrow" })).toEqual({ extraClosures: "error.dateList" });
    expect(errorsOf({ extraClosures: "2027/01/04" })).toEqual({ extraClosures: "error.dateList" });
  });

  it("too many extra closures, or too long a list, reads error.tooLong", () => {
    const dates = Array.from({ length: 61 }, (_, i) => `2027-03-${String((i % 28) + 1).padStart(2, "0")}`);
    expect(errorsOf({ extraClosures: dates.join("\n") })).toEqual({ extraClosures: "error.tooLong" });
    expect(errorsOf({ extraClosures: " ".repeat(2001) })).toEqual({ extraClosures: "error.tooLong" });
  });

  it("other fields: date, time zone and the optional-closure boxes", () => {
    expect(errorsOf({ effectiveFrom: "2027-13-01" })).toEqual({ effectiveFrom: "error.date" });
    expect(errorsOf({ effectiveFrom: undefined })).toEqual({ effectiveFrom: "error.date" });
    expect(errorsOf({ timeZone: "Europe/London" })).toEqual({ timeZone: "error.choose" });
    expect(Object.keys(errorsOf({ easter_monday: "yes" }))).toEqual(["easter_monday"]);
  });
});

describe("policyFromInput", () => {
  it("builds the published policy: four levels, the last a referral, closures deduplicated and sorted", () => {
    const input = parse({
      civic_holiday: "on",
      truth_and_reconciliation: "on",
      extraClosures: "2027-03-15\n2027-01-04, 2027-03-15 2027-02-01",
    });
    expect(policyFromInput(input, 510, 990)).toEqual({
      // Absent from the form: the default limit of shared/clarifications.md (#17).
      extensionMaxDays: 10,
      acknowledgeDays: 2,
      firstResponseDays: 5,
      recourseWindowDays: 15,
      levels: [
        { level: 1, key: "provider", decisionDays: 20 },
        { level: 2, key: "formal_review", decisionDays: 20 },
        { level: 3, key: "independent_panel", decisionDays: 30 },
        { level: 4, key: "ministry", decisionDays: null },
      ],
      calendar: {
        timeZone: "America/Toronto",
        opensAtMinutes: 510,
        closesAtMinutes: 990,
        optionalClosures: ["civic_holiday", "truth_and_reconciliation"],
        extraClosures: ["2027-01-04", "2027-02-01", "2027-03-15"],
      },
      // A form without the provider stage's fields publishes today's behaviour: never refer (#17).
      providerStage: {
        referral: "never",
        responseDays: 10,
        reviewWindowDays: 10,
        silence: "close_resolved",
        staffCheck: false,
      },
    });
  });

  it("publishes the provider stage a manager sets (#17)", () => {
    const input = parse({
      providerReferral: "always",
      providerResponseDays: "7",
      providerReviewDays: "12",
      clientSilence: "to_ssm",
      providerStaffCheck: "on",
    });
    expect(policyFromInput(input, 510, 990).providerStage).toEqual({
      referral: "always",
      responseDays: 7,
      reviewWindowDays: 12,
      silence: "to_ssm",
      staffCheck: true,
    });
  });

  it("passes the opening hours and time zone through, and observes every ticked closure", () => {
    const input = parse({
      timeZone: "America/Winnipeg",
      civic_holiday: "on",
      easter_monday: "on",
      truth_and_reconciliation: "on",
    });
    const policy = policyFromInput(input, 9 * 60, 17 * 60);
    expect(policy.calendar).toMatchObject({ timeZone: "America/Winnipeg", opensAtMinutes: 540, closesAtMinutes: 1020 });
    expect(policy.calendar.optionalClosures).toEqual([...OPTIONAL_CLOSURES]);
    expect(policy.levels).toHaveLength(4);
    expect(policy.levels[3]).toEqual({ level: 4, key: "ministry", decisionDays: null });
  });

  it("the published calendar is the one due times follow", () => {
    // Civic Holiday 2027 is Mon Aug 2, closed by choice; an extra closure on Tue Aug 3.
    const policy = policyFromInput(parse({ civic_holiday: "on", extraClosures: "2027-08-03" }), 510, 990);
    const received = instantAt("2027-07-30", 10 * 60, "America/Toronto"); // Friday
    // Fri 30 → (Mon 2, Tue 3 closed) → Wed 4 (1) → Thu 5 (2).
    expect(dueAt(received, policy.acknowledgeDays, policy.calendar)).toEqual(
      instantAt("2027-08-05", 16 * 60 + 30, "America/Toronto"),
    );
  });
});
