// What `npm test` does about the browser the Playwright tests drive (scripts/ensure-chromium.ts).
// Debian's `chromium` is the one that runs on the machines Recourse is tested on: Playwright's own
// download cannot be reached, and a browser inside an npm package still needs Debian's libraries.

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export type ChromiumPlan =
  | { action: "use"; path: string }
  | { action: "install"; path: string; commands: string[][] }
  | { action: "stop"; message: string };

export interface ChromiumSituation {
  /** CHROMIUM_PATH, when set: it wins over everything else. */
  chromiumPath: string | undefined;
  exists: (path: string) => boolean;
  isRoot: boolean;
}

/** Use the browser that is there; install Debian's when allowed to; otherwise say the one command to run. */
export function planChromium({ chromiumPath, exists, isRoot }: ChromiumSituation): ChromiumPlan {
  if (chromiumPath) {
    return exists(chromiumPath)
      ? { action: "use", path: chromiumPath }
      : {
          action: "stop",
          message: `CHROMIUM_PATH=${chromiumPath} does not exist: point it at a Chromium binary, or unset it to use ${DEBIAN_CHROMIUM}.`,
        };
  }
  if (exists(DEBIAN_CHROMIUM)) return { action: "use", path: DEBIAN_CHROMIUM };
  if (isRoot) {
    return {
      action: "install",
      path: DEBIAN_CHROMIUM,
      commands: [
        ["apt-get", "update"],
        ["apt-get", "install", "-y", "chromium"],
      ],
    };
  }
  return {
    action: "stop",
    message: `Chromium is missing for the browser tests: run \`sudo apt-get update && sudo apt-get install -y chromium\` (or set CHROMIUM_PATH), then npm test again.`,
  };
}
