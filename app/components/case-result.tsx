import { useEffect, useRef, type ReactNode } from "react";

/**
 * Where the result of an action on the staff case page is announced (#19). What was done goes in a
 * live region that is on the page before anything is said in it (so screen readers hear the
 * change); a refusal is an alert, announced as it appears. Whichever speaks takes focus when a new
 * answer arrives, so the page scrolls to it instead of staying mid-way where the form was.
 * `result` is the action's answer: a new object after each submission, even with the same words.
 */
export function CaseResult({ result, done, refused }: { result: unknown; done: ReactNode; refused: ReactNode }) {
  const doneRef = useRef<HTMLDivElement>(null);
  const refusedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!result) return;
    if (refused) refusedRef.current?.focus();
    else if (done) doneRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new answer moves focus, not a re-render
  }, [result]);
  return (
    <>
      <div
        ref={doneRef}
        id="case-result"
        className="case-result"
        role="status"
        aria-live="polite"
        aria-atomic="true"
        tabIndex={-1}
        data-testid="case-result"
      >
        {done}
      </div>
      {refused ? (
        <div
          ref={refusedRef}
          className="error-summary case-result"
          role="alert"
          tabIndex={-1}
          data-testid="case-refusal"
        >
          {refused}
        </div>
      ) : null}
    </>
  );
}
