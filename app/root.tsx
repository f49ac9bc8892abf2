import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { PageMeta } from "./components/page-meta";
import { catalogScriptFor } from "./utils/catalog-script.server";
import type { Language } from "./domain/vocabulary";
import { roleMay, type Permission } from "./domain/access";
import { otherLanguage, translator } from "./i18n";
import { languageOf } from "./utils/language.server";
import { useNonce, useRequestId, useRequestLanguage } from "./utils/request-context";
import { demoAccountsPresent } from "./services/demo-accounts.server";
import { getOptionalUser } from "./auth/session.server";
import stylesheet from "./styles.css";

const FAVICON =
  "data:image/x-icon;base64,AAABAAEAAQEAAAEAIABEAAAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAABAAAAAQgGAAAAHxXEiQAAAA1JREFUeNpj+M8AAAMBAQAY3Y2wAAAAAElFTkSuQmCC";

// The stylesheet goes through the build: a fingerprinted name (/build/_assets/styles-HASH.css) the
// browser keeps a year, compressed once at build time, like the scripts (#18).
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  // The 90-byte icon itself, so a first visit on a slow connection makes one request fewer (#18);
  // /favicon.ico stays for whatever asks for it by name.
  { rel: "icon", href: FAVICON },
];

// Every page has its own title (WCAG 2.4.2); the error page's is written by PageMeta, in the
// language the page is written in.
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: translator(data?.language ?? "en")("site.name") },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const user = await getOptionalUser(request);
  const language = languageOf(request);
  const toggle = new URLSearchParams(url.searchParams);
  toggle.set("lng", otherLanguage(language));
  return {
    language,
    catalogScript: catalogScriptFor(language),
    switchHref: `${url.pathname}?${toggle.toString()}`,
    user: user ? { name: user.display_name, role: user.role } : null,
    // Staff pages say when the database holds the demo accounts (their password is published).
    demoAccounts: user !== null && demoAccountsPresent(),
  };
}

type RootData = Awaited<ReturnType<typeof loader>>;

/** zod reads its global configuration from this object when it loads (zod/v4/core/core.js). */
const ZOD_JITLESS = "globalThis.__zod_globalConfig=Object.assign(globalThis.__zod_globalConfig||{},{jitless:true});";

function Header({ data }: { data: RootData }) {
  const t = translator(data.language);
  const other = otherLanguage(data.language);
  const role = data.user?.role;
  // The menu offers what the role may use; the pages themselves check again, with scope.
  const may = (...permissions: Permission[]) => role !== undefined && permissions.some((p) => roleMay(role, p));
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="site-header__inner">
        <Link to="/" className="site-name">
          {t("site.name")}
          <span className="site-tagline">{t("site.tagline")}</span>
        </Link>
        <nav aria-label={t("site.name")}>
          <ul className="nav-list">
            {may("case.read") ? (
              <li>
                <Link to="/cases">{t("nav.cases")}</Link>
              </li>
            ) : null}
            {may("dispute.read") ? (
              <li>
                <Link to="/disputes">{t("nav.disputes")}</Link>
              </li>
            ) : null}
            {may("complaint.respond") ? (
              <li>
                <Link to="/respond">{t("respond.nav")}</Link>
              </li>
            ) : null}
            {may("policy.edit") ? (
              <li>
                <Link to="/admin/policy">{t("nav.policy")}</Link>
              </li>
            ) : null}
            {may("users.manage") ? (
              <li>
                <Link to="/admin/users">{t("nav.admin")}</Link>
              </li>
            ) : null}
            {may("sign_in.configure") ? (
              <li>
                <Link to="/admin/sign-in">{t("nav.signInAdmin")}</Link>
              </li>
            ) : null}
            {may("api_tokens.manage") && !may("users.manage") ? (
              <li>
                <Link to="/admin/api-tokens">{t("admin.nav.apiTokens")}</Link>
              </li>
            ) : null}
            {may("report.read_province", "report.read") ? (
              <li>
                <Link to="/reports">{t("nav.reports")}</Link>
              </li>
            ) : null}
            {!data.user ? (
              <>
                <li>
                  <Link to="/file">{t("nav.file")}</Link>
                </li>
                <li>
                  <Link to="/status">{t("nav.status")}</Link>
                </li>
                <li>
                  <Link to="/login">{t("nav.login")}</Link>
                </li>
              </>
            ) : (
              <li>
                <form method="post" action="/logout" className="inline-form">
                  <span className="signed-in">{t("nav.signedInAs", { name: data.user.name })}</span>{" "}
                  <button type="submit" className="link-button">
                    {t("nav.logout")}
                  </button>
                </form>
              </li>
            )}
            <li>
              <a href={data.switchHref} lang={other} hrefLang={other} aria-label={t("lang.switchLabel")}>
                {t("lang.switch")}
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

function Document({ language, children, data }: { language: Language; children: ReactNode; data?: RootData }) {
  const t = translator(language);
  const nonce = useNonce();
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <PageMeta t={t} />
        <Links />
        {data?.catalogScript ? <link rel="modulepreload" href={data.catalogScript} /> : null}
        {/* Before any module: zod (the forms' schemas load in the browser too) would otherwise probe
            for eval with `new Function`, which the Content-Security-Policy refuses and reports as
            a violation on every page. Its jitless mode skips the probe. */}
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: ZOD_JITLESS }} />
      </head>
      <body>
        {data ? <Header data={data} /> : null}
        {data?.demoAccounts ? (
          <p className="demo-banner" role="note">
            {t("demo.banner")}
          </p>
        ) : null}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>{t("footer.text")}</p>
          <p>{t("footer.french")}</p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useLoaderData<typeof loader>();
  return (
    <Document language={data.language} data={data}>
      <Outlet />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  // Without the root's data (an action failed, or the root loader itself), the request's language.
  const requestLanguage = useRequestLanguage();
  const language = data?.language ?? requestLanguage;
  const t = translator(language);
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const requestId = useRequestId();
  return (
    <Document language={language} data={data}>
      <h1>{notFound ? t("error.notFound.title") : t("error.generic")}</h1>
      {notFound ? <p>{t("error.notFound.text")}</p> : null}
      {!notFound && requestId ? (
        <p id="request-id" data-id={requestId}>
          {t("error.requestId", { id: requestId })}
        </p>
      ) : null}
      <p>
        <Link to="/">{t("error.backHome")}</Link>
      </p>
    </Document>
  );
}
