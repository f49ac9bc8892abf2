import fc from "fast-check";

/**
 * Hostile values for the fuzzing spec (hostile-input.spec.ts): what a careless paste, a broken client
 * or an attacker may put into a form field. Every markup payload carries the class or id "xssmark"
 * or sets window.__xss, so a page that let one through is easy to recognize.
 */

export const MARKUP = [
  `<script>window.__xss=1</script>`,
  `<img src=x onerror="window.__xss=1" class=xssmark>`,
  `"><svg onload=window.__xss=1 class=xssmark>`,
  `'><img src=x onerror=window.__xss=1 id=xssmark>`,
  `</textarea><script>window.__xss=1</script><textarea>`,
  `</title><script>window.__xss=1</script>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>" class=xssmark></iframe>`,
  `<a href="javascript:window.__xss=1" class=xssmark>click</a>`,
  `javascript:window.__xss=1`,
  `<style>body{display:none}</style><b class=xssmark>bold</b>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1 class=xssmark>`,
  `{{constructor.constructor('window.__xss=1')()}}`,
  `\${window.__xss=1}`,
  `<!--<script>window.__xss=1</script>-->`,
  `<base href="https://attacker.example/">`,
];

/** Raw markup fragments that must never appear unescaped in a page: the payloads' own tags. */
export const MARKUP_SIGNATURES = [
  /<script>window\.__xss/,
  /<img src=x onerror/,
  /<svg onload/,
  /<iframe srcdoc/,
  /<a href="javascript:/,
  /<b class=xssmark/,
  /<base href="https:\/\/attacker/,
];

export const SQL = [
  `' OR '1'='1`,
  `'; DROP TABLE cases; --`,
  `" OR 1=1 --`,
  `1; SELECT * FROM users`,
  `%' UNION SELECT password_hash, email FROM users --`,
  `\\'; PRAGMA writable_schema=1; --`,
  `') ON CONFLICT DO NOTHING; --`,
];

/** Line breaks and header names, for anything that may reach an email header. */
export const HEADER_INJECTION = [
  `Robin\r\nBcc: victim@attacker.example`,
  `Robin\nBcc: victim@attacker.example`,
  `Robin\rCc: victim@attacker.example`,
  `x\r\nSubject: injected\r\n\r\n<html>injected body`,
  `=?utf-8?q?=0D=0ABcc:_victim@attacker.example?=`,
  `Robin\u2028Bcc: victim@attacker.example`,
  `Robin\u0085Bcc: victim@attacker.example`,
  `Robin%0d%0aBcc:%20victim@attacker.example`,
];

export const UNICODE = [
  `\u202Eevil.exe\u202Cfdp.pdf`,
  `zero\u200Bwidth\u200Cjoin\u200Dx\u2060`,
  `😀👩‍👩‍👧‍👦🏳️‍🌈🇨🇦`,
  `\uFEFFbom`,
  `اَلْعَرَبِيَّةُ עברית`,
  `Ω≈ç√∫˜µ≤≥÷ ﷽`,
  `\u0000nul\u0000`,
  `\u0007\b\f\v\u001b[31mred`,
  `\u2028line\u2029para`,
  `Z̸̢̛̪͎̈́͒a̷̛͎͙̓l̴̰̈́g̶̪̕ǫ̸͆`,
  `ｆｕｌｌｗｉｄｔｈ`,
  `\uD800`,
  `\uDFFFtrail`,
  `lead\uD83D`,
];

export const NUMBERS = [
  "1e309",
  "-1",
  "0",
  "-0",
  "NaN",
  "Infinity",
  "9007199254740993",
  "99999999999999999999999999999999",
  "0x1F",
  "1.5",
  "١٢٣",
  " 7 ",
  "1e3",
  "+5",
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
  "__proto__",
  "constructor",
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Any hostile string (short or very long). */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...MARKUP, ...SQL, ...HEADER_INJECTION, ...UNICODE) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 80 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.oneof(fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }), loneSurrogate),
      maxLength: 40,
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "\t\r\n", "\u00a0") },
  // Past every field's limit (the longest is 10,000), and far past it once in a while.
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 12_000 }).map((n) => "x".repeat(n)) },
  { weight: 1, arbitrary: fc.constant("<".repeat(200_000)) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom(...MARKUP, ...SQL, ...HEADER_INJECTION, ...UNICODE, ...NUMBERS), {
        minLength: 2,
        maxLength: 5,
      })
      .map((parts) => parts.join(" ")),
  },
);

/** A hostile string a form still accepts: something left after trimming, within `max` characters. */
export function acceptedText(max: number): fc.Arbitrary<string> {
  return hostileText.map((s) => s.slice(0, max)).filter((s) => s.trim().length > 0);
}

/** A hostile value for a numeric id field that cannot name a real row by accident. */
export const hostileId: fc.Arbitrary<string> = hostileText.filter((s) => !/^\d{1,8}$/.test(s));

/**
 * Hostile names long enough to be told apart: reports.spec.ts checks that no filer's name stored in
 * the database appears on any ministry page or email, so a stored name like "0" or "1.5" would
 * match an ordinary figure. Short ones get a random word after the payload.
 */
export function distinctive(names: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(names, fc.stringMatching(/^[a-z]{12}$/))
    .map(([name, tag]) => (name.trim() === "" || name.trim().length >= 16 ? name : `${name} ${tag}`));
}
