import { Form } from "@remix-run/react";
import { useT } from "../hooks/use-translation";
import type { ProviderStep } from "../domain/provider-stage";
import { TEXT_LIMITS } from "../domain/text-limits";
import type { FieldErrors } from "../utils/form";
import { TextArea } from "./form-fields";

export interface ProviderStageView {
  step: ProviderStep | null;
  actions: ("refer" | "step_in" | "release_answer")[];
  identityShared: boolean;
  referredAt: string | null;
  held: { body: string; proposedResolution: string | null } | null;
}

function StageForm({
  intent,
  version,
  loadedAt,
  children,
}: {
  intent: string;
  version: number;
  loadedAt: string;
  children: React.ReactNode;
}) {
  return (
    <Form method="post" className="action-form">
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="loadedAt" value={loadedAt} />
      <input type="hidden" name="intent" value={intent} />
      {children}
    </Form>
  );
}

/** The provider stage on the staff case page (issue #17): where it stands, the held answer, and the SSM's steps. */
export function ProviderStagePanel({
  stage,
  version,
  loadedAt,
  busy,
  errors,
  respondentName,
}: {
  stage: ProviderStageView;
  version: number;
  loadedAt: string;
  busy: boolean;
  errors: FieldErrors | undefined;
  respondentName: string | null;
}) {
  const t = useT();
  return (
    <section aria-labelledby="provider-stage-title" data-testid="provider-stage">
      <h2 id="provider-stage-title">{t("case.provider.title")}</h2>
      {respondentName ? <p>{t("case.provider.respondent", { provider: respondentName })}</p> : null}
      <p>{stage.identityShared ? t("case.provider.identity.shared") : t("case.provider.identity.withheld")}</p>
      {stage.step ? (
        <p className="panel" data-testid="provider-step">
          {t(`case.provider.step.${stage.step}`)}
        </p>
      ) : null}
      {stage.held ? (
        <>
          <h3>{t("case.provider.held")}</h3>
          <p className="pre">{stage.held.body}</p>
          {stage.held.proposedResolution ? (
            <p className="pre">
              {t("status.answer.proposed")}: {stage.held.proposedResolution}
            </p>
          ) : null}
        </>
      ) : null}
      {stage.actions.includes("refer") ? (
        <StageForm intent="refer" version={version} loadedAt={loadedAt}>
          <button type="submit" disabled={busy}>
            {t("case.provider.refer")}
          </button>
        </StageForm>
      ) : null}
      {stage.actions.includes("release_answer") ? (
        <StageForm intent="release_answer" version={version} loadedAt={loadedAt}>
          <button type="submit" disabled={busy}>
            {t("case.provider.release")}
          </button>
        </StageForm>
      ) : null}
      {stage.actions.includes("step_in") ? (
        <StageForm intent="step_in" version={version} loadedAt={loadedAt}>
          <TextArea
            name="stepInReason"
            label={t("case.provider.stepIn.reason")}
            required
            errors={errors}
            maxLength={TEXT_LIMITS.reason}
            rows={2}
          />
          <button type="submit" className="button--secondary" disabled={busy}>
            {t("case.provider.stepIn")}
          </button>
        </StageForm>
      ) : null}
    </section>
  );
}
