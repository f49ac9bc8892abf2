import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAutomatic, isDeliveryReport, isPermanentFailure, ownWordsOfReply } from "../../app/domain/inbound-mail";

describe("the person's own words in a reply (issue #20)", () => {
  it.each([
    ["Yes.\n\nOn Mon, Nov 23, 2026 at 10:00 AM Recourse <reply+x@y> wrote:\n> Hello", "Yes."],
    ["Oui.\n\nLe lun. 23 nov. 2026 à 10 h, Recourse <reply+x@y> a écrit :\n> Bonjour", "Oui."],
    ["Here.\n-----Original Message-----\nFrom: Recourse", "Here."],
    ["Here.\n\nFrom: Recourse <reply+x@y>\nSent: Monday", "Here."],
    ["Thanks\n-- \nJordan Lee\n555-0123", "Thanks"],
    ["Fine\n\nSent from my iPhone", "Fine"],
    ["Bien\n\nEnvoyé de mon iPhone", "Bien"],
    ["> quoted first\nMy answer", "My answer"],
  ])("keeps only what was written: %j", (text, words) => {
    expect(ownWordsOfReply(text)).toBe(words);
  });

  it("never grows a message, never keeps a quoted line, and keeps a reply with no history whole", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const words = ownWordsOfReply(text);
        expect(words.length).toBeLessThanOrEqual(text.length);
        expect(words.split("\n").some((l) => /^\s*>/.test(l))).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z0-9 ,.]{1,40}$/), { minLength: 1, maxLength: 5 }), (lines) => {
        const text = lines.join("\n");
        expect(ownWordsOfReply(text)).toBe(
          text
            .split("\n")
            .map((l) => l.trimEnd())
            .join("\n")
            .trim(),
        );
      }),
    );
  });
});

describe("mail written by a machine", () => {
  it("is told by Auto-Submitted (not 'no'), Precedence bulk/junk/list, X-Autoreply or an empty Return-Path", () => {
    expect(isAutomatic({ autoSubmitted: "auto-replied" })).toBe(true);
    expect(isAutomatic({ autoSubmitted: "no" })).toBe(false);
    for (const p of ["bulk", "junk", "list"]) expect(isAutomatic({ precedence: p })).toBe(true);
    expect(isAutomatic({ xAutoreply: "yes" })).toBe(true);
    expect(isAutomatic({ returnPath: "<>" })).toBe(true);
    expect(isAutomatic({})).toBe(false);
  });

  it("tells a delivery report and a permanent failure", () => {
    expect(isDeliveryReport("multipart/report", "delivery-status")).toBe(true);
    expect(isDeliveryReport("multipart/mixed", null)).toBe(false);
    expect(isPermanentFailure("5.1.1")).toBe(true);
    expect(isPermanentFailure(550)).toBe(true);
    expect(isPermanentFailure("4.2.2")).toBe(false);
  });
});
