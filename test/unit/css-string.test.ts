import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cssString } from "../../app/utils/css-string";

// The printed header's title reaches a stylesheet (/reports/print.css): whatever it holds, it must
// stay one CSS string, so a crafted link cannot add rules to the page.

/** Reads a CSS string back the way a CSS tokenizer does (escapes: hex digits then one optional space). */
function parseCssString(css: string): { value: string; rest: string } {
  expect(css[0]).toBe('"');
  let value = "";
  for (let i = 1; i < css.length; i += 1) {
    const c = css[i]!;
    if (c === '"') return { value, rest: css.slice(i + 1) };
    if (c === "\\") {
      const hex = /^[0-9a-fA-F]{1,6} ?/.exec(css.slice(i + 1))![0];
      value += String.fromCodePoint(parseInt(hex.trim(), 16));
      i += hex.length;
    } else {
      expect(c, "no raw newline inside a CSS string").not.toMatch(/[\n\r\f]/);
      value += c;
    }
  }
  throw new Error(`unterminated: ${css}`);
}

describe("cssString", () => {
  it("writes French titles, quotes and closing tags as escapes", () => {
    expect(cssString("Recours : exercice 2026-2027")).toBe('"Recours : exercice 2026-2027"');
    expect(cssString('a"} body{display:none} </style>').slice(1, -1)).not.toMatch(/["<]/);
    expect(cssString("Imprimé le 6 décembre")).toBe('"Imprim\\e9  le 6 d\\e9 cembre"');
  });

  it("is exactly one string that reads back as the text given (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const css = cssString(text);
        const { value, rest } = parseCssString(css);
        expect(value).toBe(text);
        expect(rest).toBe("");
      }),
    );
  });
});
