// From the catalog itself: app/i18n/index.ts imports this file to turn labels into words.
import type { MessageKey } from "../i18n/en";

/**
 * Words named, not written: the domain says which message a thing is called by, and components,
 * emails and exports turn it into text in the reader's language (labelText in app/i18n). So the
 * domain never translates, and a rule's output reads the same in English and French.
 */
export type Label =
  /** A message of the catalog; a variable may itself be a label ("{figure}: {category}"). */
  | { key: MessageKey; vars?: Record<string, string | number | Label> }
  /** A code whose message the catalog may not have yet (one added after this release): shown as `fallback` then. */
  | { optionalKey: string; fallback: string; capitalized?: boolean }
  /** Text that is already words: a provider's frozen name, or a code shown as itself. */
  | { text: string };
