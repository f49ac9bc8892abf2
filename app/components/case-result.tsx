import { useEffect, useRef, type ReactNode } from "react";

/**
 * Where the result of an action on the case page is announced (#19): a live region that is on the
 * page before anything is said in it (so screen readers hear the change), and that takes focus when
 * a new result arrives, so the page scrolls to it instead of staying mid-way where the form was.
 * `result` is the action's answer: a new object after each submission, even with the same words.
 */
export function CaseResult({ result, children }: { result: unknown; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result && children) ref.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new answer moves focus, not a re-render
  }, [result]);
  return (
    <div
      ref={ref}
      id="case-result"
      className="case-result"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      tabIndex={-1}
      data-testid="case-result"
    >
      {children}
    </div>
  );
}
