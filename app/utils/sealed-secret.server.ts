import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// Secrets an administrator types (an OpenID client secret) are kept sealed with AES-256-GCM under a
// key from SECRETS_KEY: a copy of the database alone does not give them away, and a changed byte is
// detected rather than sent to the provider. Format: v1.<iv>.<tag>.<ciphertext>, base64url.

function keyFrom(secretsKey: string): Buffer {
  return createHash("sha256").update(`recourse sealed secrets\u0000${secretsKey}`).digest();
}

export function sealSecret(plain: string, secretsKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(secretsKey), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(
    ".",
  );
}

/** The secret, or null when it was sealed under another key or altered. */
export function openSealedSecret(sealed: string, secretsKey: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(secretsKey), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
