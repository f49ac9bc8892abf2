import { describe, expect, it } from "vitest";
import { DEBIAN_CHROMIUM, planChromium } from "../../scripts/lib/chromium-plan";

const only =
  (...present: string[]) =>
  (path: string) =>
    present.includes(path);

describe("what npm test does about Chromium", () => {
  it("uses CHROMIUM_PATH when it names a browser, even with Debian's installed", () => {
    expect(
      planChromium({
        chromiumPath: "/opt/chrome/chrome",
        exists: only("/opt/chrome/chrome", DEBIAN_CHROMIUM),
        isRoot: true,
      }),
    ).toEqual({
      action: "use",
      path: "/opt/chrome/chrome",
    });
  });

  it("stops on a CHROMIUM_PATH that names nothing, instead of quietly using or installing another browser", () => {
    const plan = planChromium({ chromiumPath: "/opt/nothing", exists: only(DEBIAN_CHROMIUM), isRoot: true });
    expect(plan).toMatchObject({ action: "stop" });
    expect(plan.action === "stop" && plan.message).toContain("CHROMIUM_PATH=/opt/nothing");
  });

  it("uses Debian's chromium when it is installed, root or not", () => {
    for (const isRoot of [true, false]) {
      expect(planChromium({ chromiumPath: undefined, exists: only(DEBIAN_CHROMIUM), isRoot })).toEqual({
        action: "use",
        path: DEBIAN_CHROMIUM,
      });
    }
  });

  it("installs Debian's chromium with apt-get when it is missing and the run is root", () => {
    expect(planChromium({ chromiumPath: undefined, exists: only(), isRoot: true })).toEqual({
      action: "install",
      path: DEBIAN_CHROMIUM,
      commands: [
        ["apt-get", "update"],
        ["apt-get", "install", "-y", "chromium"],
      ],
    });
  });

  it("otherwise stops with the one command to run", () => {
    const plan = planChromium({ chromiumPath: "", exists: only(), isRoot: false });
    expect(plan).toEqual({
      action: "stop",
      message: expect.stringContaining("`sudo apt-get update && sudo apt-get install -y chromium`"),
    });
  });
});
