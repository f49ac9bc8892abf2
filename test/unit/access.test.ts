import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  can,
  inScope,
  ownArea,
  ownProvider,
  permissionForStaffAction,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  roleMay,
  rolesWith,
  type Actor,
  type CaseScope,
  type Permission,
  type Resource,
} from "../../app/domain/access";
import { ROLES, type CaseKind, type OrganizationKind } from "../../app/domain/vocabulary";

const AREAS = ["hamilton-niagara", "ottawa", "york"];

const hamiltonStaff: Actor = {
  userId: 1,
  role: "ssm_staff",
  organization: { id: 10, kind: "ssm", areaSlug: "hamilton-niagara", retired: false },
};
const hamiltonManager: Actor = { ...hamiltonStaff, userId: 2, role: "ssm_manager" };
const provider: Actor = {
  userId: 3,
  role: "provider_user",
  organization: { id: 50, kind: "provider", areaSlug: null, retired: false },
};

const complaint = (areaSlug: string): CaseScope => ({ areaSlug, kind: "client_complaint", filerOrgId: null });
const dispute = (areaSlug: string, filerOrgId: number): CaseScope => ({
  areaSlug,
  kind: "provider_dispute",
  filerOrgId,
});

describe("what each role may do", () => {
  it("SSM staff work cases and read their report; only managers escalate, submit, set policy and manage people", () => {
    const staffOnly = PERMISSIONS.filter((p) => roleMay("ssm_staff", p));
    const managerExtra = PERMISSIONS.filter((p) => roleMay("ssm_manager", p) && !roleMay("ssm_staff", p));
    expect(staffOnly).toEqual([
      "case.read",
      "case.export",
      "case.record",
      "case.work",
      "case.assign",
      "case.decide",
      "case.be_assigned",
      "attachment.read",
      "report.read",
      "case.extend",
      "case.link",
      "mail.review",
    ]);
    expect(managerExtra).toEqual([
      "case.escalate",
      "report.submit",
      "policy.edit",
      "users.manage",
      "organizations.manage",
      "panel.form",
      "panel.roster",
      "api_tokens.manage",
    ]);
  });

  it("a provider raises and follows its disputes and answers the complaints about it (#17), nothing of the SSM's; the ministry reads the province's figures only; the administrator also sets organizations' sign-in (#22)", () => {
    expect(ROLE_PERMISSIONS.provider_user).toEqual([
      "dispute.raise",
      "dispute.read",
      "dispute.act",
      "attachment.read",
      "complaint.respond",
    ]);
    expect(ROLE_PERMISSIONS.ministry_analyst).toEqual(["report.read_province"]);
    expect(ROLE_PERMISSIONS.admin).toEqual(["report.read_province", "api_tokens.manage", "sign_in.configure"]);
    expect(rolesWith("sign_in.configure")).toEqual(["admin"]);
  });

  it("tells those who may act: breach alerts to whoever may escalate, report reminders to whoever may submit", () => {
    expect(rolesWith("case.escalate")).toEqual(["ssm_manager"]);
    expect(rolesWith("report.submit")).toEqual(["ssm_manager"]);
    expect(rolesWith("case.be_assigned")).toEqual(["ssm_staff", "ssm_manager"]);
    expect(rolesWith("report.read_province")).toEqual(["ministry_analyst", "admin"]);
  });

  it("maps each staff action to the permission it needs", () => {
    expect(permissionForStaffAction("take")).toBe("case.assign");
    expect(permissionForStaffAction("decide")).toBe("case.decide");
    expect(permissionForStaffAction("escalate")).toBe("case.escalate");
    for (const action of ["acknowledge", "reply", "note", "request_info", "resume", "close", "reopen"] as const) {
      expect(permissionForStaffAction(action)).toBe("case.work");
    }
    expect(can(hamiltonStaff, "case.escalate", { type: "case", case: complaint("hamilton-niagara") })).toBe(false);
    expect(can(hamiltonManager, "case.escalate", { type: "case", case: complaint("hamilton-niagara") })).toBe(true);
  });
});

describe("scope", () => {
  it("an SSM's people see their own area's cases, not another's", () => {
    expect(can(hamiltonStaff, "case.read", { type: "case", case: complaint("hamilton-niagara") })).toBe(true);
    expect(can(hamiltonStaff, "case.read", { type: "case", case: complaint("ottawa") })).toBe(false);
    expect(can(hamiltonStaff, "case.read", { type: "case", case: dispute("ottawa", 50) })).toBe(false);
    expect(ownArea(hamiltonStaff)).toBe("hamilton-niagara");
  });

  it("a provider sees its own disputes and only the files shared with it", () => {
    const own = dispute("hamilton-niagara", 50);
    expect(can(provider, "dispute.read", { type: "case", case: own })).toBe(true);
    expect(can(provider, "dispute.read", { type: "case", case: dispute("hamilton-niagara", 51) })).toBe(false);
    expect(can(provider, "attachment.read", { type: "attachment", case: own, visibility: "public" })).toBe(true);
    expect(can(provider, "attachment.read", { type: "attachment", case: own, visibility: "internal" })).toBe(false);
    // The staff's full record of its own dispute is not the provider's.
    expect(can(provider, "case.read", { type: "case", case: own })).toBe(false);
    expect(ownProvider(provider)).toBe(50);
  });

  it("a retired provider's people, and a role held in the wrong kind of organization, may do nothing", () => {
    const retired: Actor = { ...provider, organization: { ...provider.organization!, retired: true } };
    const analystInAnSsm: Actor = { ...hamiltonStaff, role: "ministry_analyst" };
    const staffWithoutOrganization: Actor = { ...hamiltonStaff, organization: null };
    for (const permission of PERMISSIONS) {
      expect(can(retired, permission)).toBe(false);
      expect(can(analystInAnSsm, permission, { type: "case", case: complaint("hamilton-niagara") })).toBe(false);
      expect(can(staffWithoutOrganization, permission)).toBe(false);
    }
    expect(ownProvider(retired)).toBeNull();
    expect(ownArea(analystInAnSsm)).toBeNull();
  });
});

// Random actors (any role in any kind of organization) against random resources.
const kinds: OrganizationKind[] = ["ssm", "provider", "ministry"];
const actorArb: fc.Arbitrary<Actor> = fc.record({
  userId: fc.integer({ min: 1, max: 5 }),
  role: fc.constantFrom(...ROLES),
  organization: fc.option(
    fc.record({
      id: fc.integer({ min: 1, max: 4 }),
      kind: fc.constantFrom(...kinds),
      areaSlug: fc.option(fc.constantFrom(...AREAS)),
      retired: fc.boolean(),
    }),
  ),
});
const caseArb: fc.Arbitrary<CaseScope> = fc.record({
  areaSlug: fc.constantFrom(...AREAS),
  kind: fc.constantFrom<CaseKind>("client_complaint", "provider_dispute"),
  filerOrgId: fc.option(fc.integer({ min: 1, max: 4 })),
});
const resourceArb: fc.Arbitrary<Resource> = fc.oneof(
  caseArb.map((c) => ({ type: "case" as const, case: c })),
  fc
    .tuple(caseArb, fc.constantFrom<"public" | "internal">("public", "internal"))
    .map(([c, visibility]) => ({ type: "attachment" as const, case: c, visibility })),
  fc.constantFrom(...AREAS).map((areaSlug) => ({ type: "area" as const, areaSlug })),
);
const permissionArb = fc.constantFrom<Permission>(...PERMISSIONS);
const RUNS = { numRuns: 5000 };

describe("every actor against every resource (properties)", () => {
  it("nothing is allowed that the role does not grant", () => {
    fc.assert(
      fc.property(
        actorArb,
        permissionArb,
        fc.option(resourceArb, { nil: undefined }),
        (actor, permission, resource) => {
          if (can(actor, permission, resource)) expect(roleMay(actor.role, permission)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it("the ministry never reaches a case or an attachment: aggregates only", () => {
    fc.assert(
      fc.property(actorArb, permissionArb, resourceArb, (actor, permission, resource) => {
        if (
          (actor.role === "ministry_analyst" || actor.role === "admin" || actor.organization?.kind === "ministry") &&
          resource.type !== "area"
        ) {
          expect(can(actor, permission, resource)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it("whatever an SSM's people may touch lies in their own area", () => {
    fc.assert(
      fc.property(actorArb, permissionArb, resourceArb, (actor, permission, resource) => {
        if (actor.organization?.kind === "ssm" && can(actor, permission, resource)) {
          const area = resource.type === "area" ? resource.areaSlug : resource.case.areaSlug;
          expect(area).toBe(actor.organization.areaSlug);
        }
      }),
      RUNS,
    );
  });

  it("a provider reaches only its own disputes, their shared files, and never an area's records", () => {
    fc.assert(
      fc.property(actorArb, permissionArb, resourceArb, (actor, permission, resource) => {
        if (actor.role === "provider_user" && can(actor, permission, resource)) {
          expect(resource.type).not.toBe("area");
          if (resource.type === "area") return;
          expect(resource.case.kind).toBe("provider_dispute");
          expect(resource.case.filerOrgId).toBe(actor.organization?.id);
          if (resource.type === "attachment") expect(resource.visibility).toBe("public");
        }
      }),
      RUNS,
    );
  });

  it("a permission on a resource implies the permission itself, and scope alone never grants", () => {
    fc.assert(
      fc.property(actorArb, permissionArb, resourceArb, (actor, permission, resource) => {
        if (can(actor, permission, resource)) {
          expect(can(actor, permission)).toBe(true);
          expect(inScope(actor, resource)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe("the respondent's view of a complaint (#17)", () => {
  const about = (respondentOrgId: number | null, referredToProvider: boolean, kind: CaseKind = "client_complaint") =>
    ({
      type: "respondent_case",
      case: { areaSlug: "hamilton-niagara", kind, filerOrgId: null, respondentOrgId, referredToProvider },
    }) as const;

  it("a provider answers only complaints about itself that the SSM referred to it", () => {
    expect(can(provider, "complaint.respond", about(50, true))).toBe(true);
    expect(can(provider, "complaint.respond", about(50, false))).toBe(false);
    expect(can(provider, "complaint.respond", about(51, true))).toBe(false);
    expect(can(provider, "complaint.respond", about(50, true, "provider_dispute"))).toBe(false);
    // Being the respondent gives nothing of the SSM's record.
    expect(can(provider, "case.read", { type: "case", case: complaint("hamilton-niagara") })).toBe(false);
  });

  it("a provider reads back its own answer's files, never the client's, and never another provider's", () => {
    const file = (respondentOrgId: number, uploadedByRespondent: boolean) =>
      ({
        type: "respondent_attachment",
        case: { ...about(respondentOrgId, true).case },
        uploadedByRespondent,
      }) as const;
    expect(can(provider, "attachment.read", file(50, true))).toBe(true);
    expect(can(provider, "attachment.read", file(50, false))).toBe(false);
    expect(can(provider, "attachment.read", file(51, true))).toBe(false);
    expect(can(hamiltonStaff, "attachment.read", file(51, false))).toBe(true);
  });

  it("SSM staff may not answer as the provider; a retired provider's people may not either", () => {
    expect(can(hamiltonStaff, "complaint.respond", about(50, true))).toBe(false);
    const retired: Actor = { ...provider, organization: { ...provider.organization!, retired: true } };
    expect(can(retired, "complaint.respond", about(50, true))).toBe(false);
  });
});
