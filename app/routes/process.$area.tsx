import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLanguage, useT } from "../hooks/use-translation";
import { codeText } from "../i18n";
import { publishedProcess } from "../services/public-areas.server";
import { ministryContact } from "../services/filing.server";
import { MINISTRY_RETAINED_PROGRAMS } from "../domain/programs";
import { providerStageOf, type DisputePolicy } from "../domain/policy";
import { publicQuarterFigures } from "../services/quarter-reports.server";
import { env } from "../utils/env.server";
import { formatCount, formatDays, formatShare } from "../utils/format-figures";
import { formatDate, formatTimeOfDay } from "../utils/format-date";
import { notFound } from "../utils/http.server";
import { pageTitle } from "../utils/meta";
import { nameIn } from "../i18n/localized";
import { quarterName } from "../i18n/quarter-name";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "process.title", { area: data?.area.name_en ?? "" });

export async function loader({ params, context }: LoaderFunctionArgs) {
  const db = context.db;
  const found = await publishedProcess({ db, areaSlug: params.area ?? "", now: new Date() });
  if (!found) throw notFound();
  const threshold = env().SUPPRESSION_THRESHOLD;
  const [ministry, figures] = await Promise.all([
    ministryContact(db),
    publicQuarterFigures(db, params.area ?? "", threshold),
  ]);
  const { area, policy } = found;
  return {
    area: {
      slug: area.slug,
      name_en: area.name_en,
      name_fr: area.name_fr,
      phase: area.phase,
      ssmResponsibleFrom: area.ssm_responsible_from,
    },
    ssm: area.ssm,
    policy: policy.policy,
    ministryPhone: ministry.phone,
    figures,
    threshold,
  };
}

/** The provider stage as the SSM's policy publishes it (issue #17): read from the same policy the engine enforces. */
function ProviderStageSection({ policy }: { policy: DisputePolicy }) {
  const t = useT();
  const stage = providerStageOf(policy);
  if (stage.referral === "never") return null;
  return (
    <section aria-labelledby="provider-stage-title" data-testid="process-provider-stage">
      <h2 id="provider-stage-title">{t("process.provider.title")}</h2>
      <ul>
        <li>{t(`process.provider.${stage.referral}`, { n: stage.responseDays })}</li>
        <li>{t("process.provider.identity")}</li>
        <li>{t(stage.staffCheck ? "process.provider.files.checked" : "process.provider.files")}</li>
        <li>{t("process.provider.review", { n: stage.reviewWindowDays })}</li>
        <li>{t(`process.provider.silence.${stage.silence}`)}</li>
        <li>{t("process.provider.late")}</li>
        <li>{t("process.provider.oversight")}</li>
      </ul>
    </section>
  );
}

export default function ProcessPage() {
  const { area, ssm, policy, ministryPhone, figures, threshold } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  const areaName = nameIn(area, language);
  const ssmName = nameIn(ssm, language);
  const decisionDays = policy.levels.find((l) => l.level === 1)?.decisionDays;
  return (
    <>
      <h1>{t("process.title", { area: areaName })}</h1>
      <p className="lead">{t("process.ssmIntro", { ssm: ssmName })}</p>
      <p>
        <Link className="button" to={`/file?area=${area.slug}`}>
          {t("process.cta")}
        </Link>
      </p>

      <h2>{t("process.who.title")}</h2>
      <ul>
        <li>{t("process.who.clients", { area: areaName })}</li>
        <li>{t("process.who.providers")}</li>
      </ul>

      <p>{t("process.file.how")}</p>
      <p data-testid="no-email">{t("process.noEmail")}</p>

      <h2>{t("process.times.title")}</h2>
      <p>{t("process.times.intro")}</p>
      <ul>
        <li>{t("process.times.ack", { n: policy.acknowledgeDays })}</li>
        <li>{t("process.times.first", { n: policy.firstResponseDays })}</li>
        {decisionDays ? <li>{t("process.times.decision", { n: decisionDays })}</li> : null}
        <li>{t("process.times.recourse", { n: policy.recourseWindowDays })}</li>
        <li>{t("process.times.pause", { closing: formatTimeOfDay(policy.calendar.closesAtMinutes, language) })}</li>
      </ul>

      <ProviderStageSection policy={policy} />

      <h2>{t("process.levels.title")}</h2>
      <p>{t("process.levels.intro")}</p>
      <ol>
        {policy.levels.map((l) => (
          <li key={l.level}>
            {codeText(t, "filerLevel", l.level)}
            {l.decisionDays !== null ? <> {t("process.levelDays", { n: l.decisionDays })}</> : null}
          </li>
        ))}
      </ol>
      {policy.calendar.optionalClosures.length ? (
        <p>
          {t("process.closures", {
            days: policy.calendar.optionalClosures.map((k) => codeText(t, "policy.closure", k)).join(", "),
          })}
        </p>
      ) : null}

      <h2>{t("process.recourse.title")}</h2>
      <p>{t("process.recourse.text", { n: policy.recourseWindowDays })}</p>

      <h2>{t("process.outOfScope.title")}</h2>
      <p>{t("process.outOfScope.text", { phone: ministryPhone })}</p>
      <ul>
        {MINISTRY_RETAINED_PROGRAMS.map((p) => (
          <li key={p}>{t(`program.${p}`)}</li>
        ))}
      </ul>

      <h2>{t("process.french.title")}</h2>
      <p>{t("process.french.text")}</p>

      <h2>{t("process.notice.title")}</h2>
      <p>{t("file.notice.text")}</p>

      <h2>{t("process.contact.title")}</h2>
      <dl className="contact-list">
        {ssm.contact_email ? (
          <>
            <dt>{t("process.contact.email")}</dt>
            <dd>
              <a href={`mailto:${ssm.contact_email}`}>{ssm.contact_email}</a>
            </dd>
          </>
        ) : null}
        {ssm.contact_phone ? (
          <>
            <dt>{t("process.contact.phone")}</dt>
            <dd>
              <a href={`tel:${ssm.contact_phone}`}>{ssm.contact_phone}</a>
            </dd>
          </>
        ) : null}
        {ssm.contact_address ? (
          <>
            <dt>{t("process.contact.address")}</dt>
            <dd>{ssm.contact_address}</dd>
          </>
        ) : null}
        {ssm.contact_in_person ? (
          <>
            <dt>{t("process.contact.inPerson")}</dt>
            <dd>{ssm.contact_in_person}</dd>
          </>
        ) : null}
      </dl>
      <p>{t("process.accommodation")}</p>
      {figures ? (
        <section aria-labelledby="figures-heading" data-testid="public-figures">
          <h2 id="figures-heading">
            {t("process.figures.title", { quarter: quarterName(figures.quarter, language) })}
          </h2>
          <dl className="figures">
            <dt>{t("process.figures.received")}</dt>
            <dd>{formatCount(figures.received, threshold, language)}</dd>
            <dt>{t("process.figures.onTime")}</dt>
            <dd>{formatShare(figures.onTimeShare, language)}</dd>
            <dt>{t("process.figures.median")}</dt>
            <dd>{formatDays(figures.medianDays, language)}</dd>
            {/* Only where the policy sends complaints to providers: elsewhere it would read "<5" of nothing. */}
            {providerStageOf(policy).referral !== "never" ? (
              <>
                <dt>{t("process.figures.providerResolved")}</dt>
                <dd data-testid="public-provider-resolved">
                  {formatCount(figures.providerStage.resolved, threshold, language)}
                </dd>
                <dt>{t("process.figures.providerOnTime")}</dt>
                <dd>{formatShare(figures.providerStage.onTimeShare, language)}</dd>
              </>
            ) : null}
          </dl>
          <p className="hint">{t("process.figures.note", { threshold })}</p>
          <p data-testid="open-data-latest">
            {t("process.openData.latest")} <a href={`/open-data/${area.slug}/${figures.quarter}.csv`}>CSV</a> ·{" "}
            <a href={`/open-data/${area.slug}/${figures.quarter}.json`}>JSON</a>
          </p>
        </section>
      ) : null}
      <p data-testid="open-data-link">
        <Link to={`/open-data?area=${area.slug}`}>{t("process.openData.link")}</Link>
      </p>
      {area.ssmResponsibleFrom ? (
        <p className="meta">
          {t("process.phaseInfo", {
            ssm: ssmName,
            from: formatDate(`${area.ssmResponsibleFrom}T12:00:00Z`, language),
          })}
        </p>
      ) : null}
    </>
  );
}
