// How long each kind of step in the browser tests may take before it counts as stuck. A test
// waits on events (a page's load, hydration, an email file appearing), never for a fixed time;
// these are the bounds of those waits, sized for a machine whose cores are busy with other work
// (`npm run test:busy`), so that only a wrong result, never slowness, fails a test. Each step has
// its own budget: a test of many steps is not failed by their sum.

/** The built server, from start to answering /healthz (it migrates and seeds the demo first). */
export const SERVER_START_MS = 180_000;
/** A navigation (goto, a form post answered by a new page), or one request of the browser-less specs. */
export const NAVIGATION_MS = 60_000;
/** A click, a fill, a key press: Playwright waits for the element to be ready first. */
export const ACTION_MS = 30_000;
/** An `expect` on the page, retried until it holds. */
export const EXPECT_MS = 30_000;
/** Remix hydrating a loaded page (its scripts downloaded, parsed and run), or finishing a navigation. */
export const HYDRATION_MS = 60_000;
/** One axe-core WCAG run over the whole page (CPU-bound in the browser: the slowest step on a busy core). */
export const AXE_MS = 90_000;
/** An email written by the server's outbox worker after the action that queued it. */
export const EMAIL_MS = 60_000;
/**
 * The whole test: only a backstop for one that hangs between steps. The steps' own budgets fail
 * first, naming what was slow. Long tests (many pages, many axe runs) fit without a test.setTimeout.
 */
export const TEST_BACKSTOP_MS = 15 * 60_000;
