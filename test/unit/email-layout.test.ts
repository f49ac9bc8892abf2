import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inLanguage, renderEmail } from "../../emails/layout";

const ORIGIN = "https://recourse.example.ca";

describe("links in an email (issue #19)", () => {
  it("are real links in the HTML part, and the sentence's period stays outside them", () => {
    const email = renderEmail("en", "Subject", [`Follow your complaint at ${ORIGIN}/status.`], ORIGIN);
    expect(email.html).toContain(
      `Follow your complaint at <a href="${ORIGIN}/status?lng=en">${ORIGIN}/status?lng=en</a>.`,
    );
    expect(email.text).toContain(`${ORIGIN}/status?lng=en.`);
  });

  it("open Recourse's pages in the email's language, keeping any query and fragment", () => {
    const email = renderEmail("fr", "Objet", [`Lien : ${ORIGIN}/status/open/abc?x=1#top`], ORIGIN);
    expect(email.text).toContain(`${ORIGIN}/status/open/abc?x=1&lng=fr#top`);
    expect(email.html).toContain(`<a href="${ORIGIN}/status/open/abc?x=1&amp;lng=fr#top">`);
  });

  it("leave an address someone typed into a reply exactly as written, though linked", () => {
    const typed = "https://www.ontario.ca/page/employment-ontario?a=1";
    const email = renderEmail("fr", "Objet", [`Voir ${typed} pour plus.`], ORIGIN);
    expect(email.text).toContain(`Voir ${typed} pour plus.`);
    expect(email.html).toContain(`<a href="${typed.replace("&", "&amp;")}">`);
  });

  it("never let typed markup through, links or not", () => {
    fc.assert(
      fc.property(fc.string(), (typed) => {
        const email = renderEmail("en", "S", [`${typed} ${ORIGIN}/status ${typed}`], ORIGIN);
        const body = email.html.slice(email.html.indexOf("<body"));
        expect(body.replace(/<\/?(p|br|a)\b[^>]*>|<\/?body[^>]*>|<\/html>/g, "")).not.toMatch(/[<>]/);
      }),
    );
  });

  it("add the language once", () => {
    expect(inLanguage(`${ORIGIN}/status?lng=fr`, "en")).toBe(`${ORIGIN}/status?lng=fr`);
  });
});
