import { NavLink } from "@remix-run/react";
import { useT } from "../hooks/use-translation";

/** The SSM manager's administration pages, on each of them. */
export function AdminNav() {
  const t = useT();
  return (
    <nav aria-label={t("admin.nav.label")}>
      <ul className="nav-list">
        <li>
          <NavLink to="/admin/users" end>
            {t("admin.nav.users")}
          </NavLink>
        </li>
        <li>
          <NavLink to="/admin/providers">{t("admin.nav.providers")}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/contacts">{t("admin.nav.contacts")}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/policy">{t("admin.nav.policy")}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/panels">{t("nav.panelRoster")}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/api-tokens">{t("admin.nav.apiTokens")}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
