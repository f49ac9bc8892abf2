import { afterEach, describe, expect, it, vi } from "vitest";

// env() reads NODE_ENV once per module instance: each case loads session.server afresh.
async function cookieHelpersIn(nodeEnv: "production" | "development", publicUrl = "https://recourse.example") {
  vi.resetModules();
  vi.stubEnv("NODE_ENV", nodeEnv);
  vi.stubEnv("PUBLIC_URL", publicUrl);
  return import("../../app/utils/session.server");
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

function attributes(setCookie: string) {
  const [pair, ...rest] = setCookie.split(";").map((s) => s.trim());
  return { pair: pair!, attrs: rest.map((a) => a.toLowerCase()) };
}

describe("the session cookie", () => {
  it("is __Host- prefixed behind HTTPS (PUBLIC_URL https://): Secure, Path=/, no Domain, HttpOnly, SameSite=Lax", async () => {
    const { sessionCookie, clearedSessionCookie, sessionTokenOf } = await cookieHelpersIn("production");
    const { pair, attrs } = attributes(sessionCookie("tok en/+"));
    expect(pair).toBe(`__Host-recourse_session=${encodeURIComponent("tok en/+")}`);
    expect(attrs).toEqual(expect.arrayContaining(["secure", "path=/", "httponly", "samesite=lax"]));
    expect(attrs.some((a) => a.startsWith("domain="))).toBe(false);
    // A session cookie: it ends with the browser; the server ends it sooner (idle and absolute limits).
    expect(attrs.some((a) => a.startsWith("max-age=") || a.startsWith("expires="))).toBe(false);

    const cleared = attributes(clearedSessionCookie());
    expect(cleared.pair).toBe("__Host-recourse_session=");
    expect(cleared.attrs).toEqual(expect.arrayContaining(["secure", "path=/", "max-age=0"]));

    // Only the prefixed name is read in production: a cookie without the prefix could have been
    // planted by a sibling subdomain or over plain HTTP.
    const request = (cookie: string) => new Request("https://recourse.example/", { headers: { Cookie: cookie } });
    expect(sessionTokenOf(request("__Host-recourse_session=abc"))).toBe("abc");
    expect(sessionTokenOf(request("recourse_session=planted"))).toBeNull();
  });

  it("has no prefix and no Secure flag over plain HTTP, in production too (a browser would drop it; issue #15)", async () => {
    const { sessionCookie } = await cookieHelpersIn("production", "http://recourse.lan:3000");
    const { pair, attrs } = attributes(sessionCookie("abc"));
    expect(pair).toBe("recourse_session=abc");
    expect(attrs).not.toContain("secure");
    expect(attrs).toEqual(expect.arrayContaining(["path=/", "httponly", "samesite=lax"]));
  });
});
