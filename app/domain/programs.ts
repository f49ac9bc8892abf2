// Programs an SSM handles disputes about, and those the ministry (MLITSD) keeps: a dispute about
// a retained program is referred out, not handled (shared/domain.md, "Programs").
export const IN_SCOPE_PROGRAMS = [
  "employment_service",
  "youth_job_connection",
  "youth_job_connection_summer",
  "ontario_employment_assistance",
  "supported_employment",
  "ontario_works_employment_assistance",
  "odsp_employment_supports",
] as const;

export const MINISTRY_RETAINED_PROGRAMS = [
  "literacy_basic_skills",
  "canada_ontario_job_grant",
  "apprenticeship",
  "better_jobs_ontario",
] as const;

export type InScopeProgram = (typeof IN_SCOPE_PROGRAMS)[number];
export type RetainedProgram = (typeof MINISTRY_RETAINED_PROGRAMS)[number];
export type Program = InScopeProgram | RetainedProgram;

export function isRetainedByMinistry(program: string): program is RetainedProgram {
  return (MINISTRY_RETAINED_PROGRAMS as readonly string[]).includes(program);
}
