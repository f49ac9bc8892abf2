/**
 * Bytes as base-32 text, five bits a character, most significant first, without padding, in the
 * 32-character `alphabet` given (lower-case RFC 4648 for email addresses; Crockford's for codes
 * read aloud).
 */
export function base32(bytes: Uint8Array, alphabet: string): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + alphabet[(value << (5 - bits)) & 31] : out;
}
