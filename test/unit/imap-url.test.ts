import { describe, expect, it } from "vitest";
import { parseImapUrl } from "../../app/services/imap-poller.server";
import { parseEnv } from "../../app/utils/env.server";

describe("IMAP_URL as the README writes it", () => {
  it("reads a Microsoft 365 URL with a percent-encoded address and an app password", () => {
    expect(parseImapUrl("imaps://replies%40ssm.example.org:p%40ss%2Fword@outlook.office365.com/INBOX")).toEqual({
      host: "outlook.office365.com",
      port: 993,
      secure: true,
      user: "replies@ssm.example.org",
      password: "p@ss/word",
      folder: "INBOX",
    });
  });

  it("defaults the folder to INBOX, takes a port and a nested folder, and plain imap:// on 143", () => {
    expect(parseImapUrl("imaps://u:p@imap.gmail.com").folder).toBe("INBOX");
    expect(parseImapUrl("imaps://u:p@imap.example.org:1993/Replies%2FSSM")).toMatchObject({
      port: 1993,
      folder: "Replies/SSM",
    });
    expect(parseImapUrl("imap://u:p@127.0.0.1/INBOX")).toMatchObject({ port: 143, secure: false });
  });

  it("refuses a URL that is not IMAP", () => {
    expect(() => parseImapUrl("https://outlook.office365.com/")).toThrow(/imaps:\/\//);
  });

  it("stops start-up on an IMAP_URL that is not IMAP, naming the variable", () => {
    const secret = "s".repeat(40);
    expect(() =>
      parseEnv({ IMAP_URL: "https://outlook.office365.com/", REPLY_TOKEN_SECRET: secret, NODE_ENV: "test" }),
    ).toThrow(/IMAP_URL: must start with imaps:\/\//);
    expect(
      parseEnv({ IMAP_URL: "imaps://u%40x.org:p@imap.gmail.com/INBOX", REPLY_TOKEN_SECRET: secret, NODE_ENV: "test" }),
    ).toMatchObject({
      IMAP_PROCESSED_FOLDER: "Recourse/Processed",
      IMAP_REFUSED_FOLDER: "Recourse/Refused",
    });
  });
});
