import type { Migration } from "kysely";
import * as m0001 from "./0001_initial";
import * as m0002 from "./0002_clocks_and_recourse";
import * as m0003 from "./0003_public_side";
import * as m0004 from "./0004_attachments";
import * as m0005 from "./0005_invitations";
import * as m0006 from "./0006_quarterly_reports";
import * as m0007 from "./0007_password_resets";
import * as m0008 from "./0008_append_only_audit_and_retention";
import * as m0009 from "./0009_several_instances";
import * as m0010 from "./0010_cases_area_id";
import * as m0011 from "./0011_queue_and_case_page_indexes";
import * as m0012 from "./0012_queue_provider_index";
import * as m0013 from "./0013_clock_history";
import * as m0014 from "./0014_report_releases";
import * as m0015 from "./0015_provider_stage";
import * as m0016 from "./0016_extensions_links_panels";
import * as m0017 from "./0017_case_access_links";
import * as m0018 from "./0018_mail_in";
import * as m0021 from "./0021_survey_review_tasks";
import * as m0022 from "./0022_report_facts";
import * as m0023 from "./0023_oidc_sign_in";
import * as m0024 from "./0024_api_tokens";
import * as m0025 from "./0025_attachment_chunks";
import * as m0026 from "./0026_inbound_reviewed_by_fk";
import * as m0027 from "./0027_acknowledgement_delivery";
import * as m0028 from "./0028_queue_partial_indexes";
import * as m0029 from "./0029_search_trigram_indexes";

// Listed statically (not read from the folder) so the bundled server carries its migrations.
// Append only: never edit or reorder a released entry.
export const migrations: Record<string, Migration> = {
  "0001_initial": m0001,
  "0002_clocks_and_recourse": m0002,
  "0003_public_side": m0003,
  "0004_attachments": m0004,
  "0005_invitations": m0005,
  "0006_quarterly_reports": m0006,
  "0007_password_resets": m0007,
  "0008_append_only_audit_and_retention": m0008,
  "0009_several_instances": m0009,
  "0010_cases_area_id": m0010,
  "0011_queue_and_case_page_indexes": m0011,
  "0012_queue_provider_index": m0012,
  "0013_clock_history": m0013,
  "0014_report_releases": m0014,
  "0015_provider_stage": m0015,
  "0016_extensions_links_panels": m0016,
  "0017_case_access_links": m0017,
  "0018_mail_in": m0018,
  "0021_survey_review_tasks": m0021,
  "0022_report_facts": m0022,
  "0023_oidc_sign_in": m0023,
  "0024_api_tokens": m0024,
  "0025_attachment_chunks": m0025,
  "0026_inbound_reviewed_by_fk": m0026,
  "0027_acknowledgement_delivery": m0027,
  "0028_queue_partial_indexes": m0028,
  "0029_search_trigram_indexes": m0029,
};
