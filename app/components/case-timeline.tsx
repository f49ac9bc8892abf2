import type { ReactNode } from "react";
import { useLanguage, useT } from "../hooks/use-translation";
import { codeText, type Translate } from "../i18n";
import { formatDateTime } from "../utils/format-date";

export interface TimelineEvent {
  id: number;
  type: string;
  visibility?: string;
  actor_kind: string;
  actor_name?: string | null;
  level?: number;
  body: string | null;
  data_json: string | null;
  created_at: string;
}

/**
 * An entry as the filer reads it (issue #18): "you" and "we", never "the person"; outcomes and
 * levels in plain words. Entries without a filer's wording read as staff see them.
 */
function filerEventTitle(t: Translate, e: TimelineEvent, audience: "client" | "provider"): string | null {
  const data = (e.data_json ? JSON.parse(e.data_json) : {}) as Record<string, string | number>;
  switch (e.type) {
    case "decided":
      return t("filerEvent.decided", {
        outcome: codeText(t, audience === "client" ? "filerOutcome" : "outcome", data.outcome ?? ""),
      });
    case "escalated":
      return t("filerEvent.escalated", { level: codeText(t, "filerLevel", data.to ?? "") });
    case "clock_paused":
    case "clock_resumed":
      return t(`event.${e.type}`, {
        reason:
          e.body ??
          (data.reason === "waiting_for_filer" ? t("filerStatus.waiting_for_filer") : t("filerEvent.filer_info")),
      });
    case "filer_info":
    case "info_requested":
    case "public_reply":
    case "withdrawn":
    case "recourse_requested":
      return t(`filerEvent.${e.type}`);
    default:
      return null;
  }
}

function eventTitle(t: Translate, e: TimelineEvent): string {
  const data = (e.data_json ? JSON.parse(e.data_json) : {}) as Record<string, string | number>;
  switch (e.type) {
    case "decided":
      return t("event.decided", { outcome: codeText(t, "outcome", data.outcome ?? "") });
    case "escalated":
      return t("event.escalated", { level: data.to ?? "" });
    case "clock_breached":
      return t("event.clock_breached", {
        clock:
          data.kind === "decision"
            ? t("clock.decision", { level: data.level ?? "" })
            : codeText(t, "clock", data.kind ?? ""),
      });
    case "clock_paused":
    case "clock_resumed":
      return t(`event.${e.type}`, {
        reason:
          e.body ?? (data.reason === "waiting_for_filer" ? t("caseStatus.waiting_for_filer") : t("event.filer_info")),
      });
    case "filed":
      return data.kind === "provider_dispute" ? t("event.dispute_filed") : t("event.filed");
    case "attachment_added":
      return t("event.attachment_added", { name: data.name ?? "" });
    case "assigned":
      return t("event.assigned", { name: data.name ?? "" });
    case "call_recorded":
      return t("event.call_recorded", {
        who: data.who ?? "",
        outcome: codeText(t, "contact.outcome", data.outcome ?? ""),
      });
    case "email_undeliverable":
      return t(data.reopened ? "event.email_undeliverable.reopened" : "event.email_undeliverable");
    case "letter_recorded":
      return t("event.letter_recorded", { who: data.who ?? "" });
    case "call_task": {
      const callFor = (e.data_json ? (JSON.parse(e.data_json) as { for?: string[] }).for : undefined) ?? [];
      return t("event.call_task", { for: callFor.map((k) => codeText(t, "callFor", k)).join("; ") });
    }
    default:
      return codeText(t, "event", e.type);
  }
}

/**
 * A case's history, oldest first, newest at the bottom. Staff see who acted and which entries are
 * internal; `opening` is shown first (the staff page's thread opens with what the person wrote).
 */
export function CaseTimeline({
  events,
  staffView,
  opening,
  filerAudience = "client",
}: {
  events: TimelineEvent[];
  staffView: boolean;
  opening?: ReactNode;
  /** On the filer's own page: whether it speaks to a client or to a provider. */
  filerAudience?: "client" | "provider";
}) {
  const t = useT();
  const language = useLanguage();
  if (events.length === 0 && !opening) return <p>{t("status.noEvents")}</p>;
  return (
    <ol className="timeline">
      {opening ? <li className="timeline--opening">{opening}</li> : null}
      {events.map((e) => {
        const data = e.data_json ? (JSON.parse(e.data_json) as { panel?: string }) : {};
        const showBody = e.body && !(e.type === "clock_paused" || e.type === "clock_resumed");
        return (
          <li key={e.id} className={e.visibility === "internal" ? "timeline--internal" : undefined}>
            <p className="timeline__meta">
              <time dateTime={e.created_at} suppressHydrationWarning>
                {formatDateTime(e.created_at, language)}
              </time>
              {staffView ? (
                <>
                  {" · "}
                  {e.actor_kind === "staff"
                    ? t("case.by", { name: e.actor_name ?? "" })
                    : t("case.by", { name: e.actor_kind === "filer" ? t("case.filerActor") : t("case.systemActor") })}
                  {" · "}
                  {/* Said in words, not only drawn: "internal" is read out, not just tinted (#19). */}
                  <span className={e.visibility === "internal" ? "badge badge--internal" : "badge"}>
                    {e.visibility === "internal" ? t("case.internalEntry") : t("case.public")}
                  </span>
                </>
              ) : null}
            </p>
            <p className="timeline__title">
              {(staffView ? null : filerEventTitle(t, e, filerAudience)) ?? eventTitle(t, e)}
            </p>
            {showBody ? <p className="pre">{e.body}</p> : null}
            {staffView && data.panel ? (
              <p className="pre">
                {t("case.panel.label")}: {data.panel}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
