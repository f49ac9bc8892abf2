import { roleMay } from "./access";
import type { Role } from "./vocabulary";

/** Where each person starts: the ministry at the province's reports, a provider at its disputes, an SSM at its queue. */
export function homePathFor(role: Role): string {
  if (roleMay(role, "report.read_province")) return "/reports";
  if (roleMay(role, "dispute.read")) return "/disputes";
  return "/cases";
}
