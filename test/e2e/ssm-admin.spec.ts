import type { Page } from "@playwright/test";
import {
  expect,
  expectNoAxeViolations,
  login,
  recipientOf,
  test,
  visit,
  waitForEmail,
  waitForHydration,
  waitForIdle,
  withFreshPage,
} from "./fixtures";

// An SSM manager's administration: inviting a colleague who sets a password through the emailed
// link and signs in, changing a role and disabling the account (which signs the person out),
// adding, renaming and retiring a provider, and editing the SSM's public contact details.
// Everything made here has fresh names: the demo provider and logins other files use stay as they are.

const MANAGER = "manager@hamilton-niagara.example.org";
const STAFF = "staff@hamilton-niagara.example.org";
const stamp = `adm-${Date.now().toString(36)}`;
const invitee = {
  name: `Robin Invitee ${stamp}`,
  email: `robin.${stamp}@example.org`,
  password: `Robin's password ${stamp}`,
};

function errorSummary(page: Page) {
  return page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
}

function userRow(page: Page, name: string) {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

test.describe("an SSM manager's administration", () => {
  test.describe.configure({ mode: "serial" });

  test("staff who are not managers get a not-found page", async ({ page }) => {
    await login(page, STAFF);
    for (const path of ["/admin/users", "/admin/providers", "/admin/contacts"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page.getByRole("link", { name: "Administration" })).toHaveCount(0);
  });

  test("the manager invites a colleague, who sets a password through the emailed link and signs in; disabling signs them out", async ({
    page,
    browser,
  }) => {
    await login(page, MANAGER);
    await page.getByRole("navigation", { name: "Recourse" }).getByRole("link", { name: "Administration" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Users and invitations");
    await waitForIdle(page);
    const users = page.getByRole("table", { name: "People who can sign in" });
    await expect(users.getByRole("columnheader")).toHaveText([
      "Name",
      "Email",
      "Role",
      "Organization",
      "Status",
      "Action",
    ]);
    await expect(userRow(page, "Hamilton Case Officer")).toContainText("SSM staff");
    await expect(
      page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Users" }),
    ).toHaveAttribute("aria-current", "page");
    await expectNoAxeViolations(page);

    // Sent empty: every problem in the focused summary and beside its field.
    const send = page.getByRole("button", { name: "Send invitation" });
    await send.click();
    await expect(errorSummary(page)).toBeFocused();
    await expect(errorSummary(page).getByRole("link")).toHaveText([
      "Full name: Enter a name.",
      "Email: Enter an email address.",
      "Role: Choose an answer.",
    ]);
    await expect(page.getByLabel(/^Full name/)).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);

    // A provider user needs their provider.
    await page.getByLabel(/^Full name/).fill(invitee.name);
    await page.getByLabel(/^Email/).fill(invitee.email);
    await page.getByLabel(/^Role/).selectOption({ label: "Provider user" });
    await send.click();
    await expect(errorSummary(page).getByRole("link")).toHaveText([
      "Service provider: Choose the service provider this person works for.",
    ]);
    await waitForIdle(page);

    await page.getByLabel(/^Role/).selectOption({ label: "SSM staff" });
    await page
      .getByRole("group", { name: /Language of their emails/ })
      .getByLabel("English")
      .check();
    await send.click();
    await expect(page.getByRole("status")).toHaveText(`Invitation sent to ${invitee.email}.`);
    await expect(userRow(page, invitee.name)).toContainText(/Invited \(link valid until .+\)/);
    await expect(userRow(page, invitee.name)).toContainText("SSM staff");
    await expect(page.getByLabel(/^Full name/)).toHaveValue("");
    await waitForIdle(page);
    await expectNoAxeViolations(page);

    const mail = await waitForEmail(invitee.name, { subject: "set your password" });
    expect(mail.subject).toBe(`Welcome to Recourse, ${invitee.name}: set your password`);
    expect(recipientOf(mail)).toBe(invitee.email);
    const link = /(https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+)/.exec(mail.text ?? "")?.[1];
    expect(link, mail.text).toBeTruthy();
    const invitePath = new URL(link!).pathname;

    await withFreshPage(browser, async (inviteePage) => {
      // Before the password is set, the account cannot sign in.
      await visit(inviteePage, "/login");
      await inviteePage.getByLabel("Email").fill(invitee.email);
      await inviteePage.getByLabel("Password").fill(invitee.password);
      await inviteePage.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(inviteePage.getByRole("alert")).toBeVisible();

      await visit(inviteePage, invitePath);
      await expect(inviteePage.getByRole("heading", { level: 1 })).toHaveText("Set your password");
      await expect(inviteePage.getByText(invitee.email)).toBeVisible();
      await expectNoAxeViolations(inviteePage);

      await inviteePage.getByLabel(/^New password/).fill(invitee.password);
      await inviteePage.getByLabel(/^Type the password again/).fill("something else");
      await inviteePage.getByRole("button", { name: "Set my password" }).click();
      await expect(errorSummary(inviteePage)).toBeFocused();
      await expect(errorSummary(inviteePage).getByRole("link")).toHaveText([
        "Type the password again: The two passwords are not the same.",
      ]);
      await expectNoAxeViolations(inviteePage);

      await inviteePage.getByLabel(/^New password/).fill(invitee.password);
      await inviteePage.getByLabel(/^Type the password again/).fill(invitee.password);
      await inviteePage.getByRole("button", { name: "Set my password" }).click();
      await expect(inviteePage.getByRole("heading", { level: 1 })).toHaveText("Your password is set");
      await expectNoAxeViolations(inviteePage);

      await login(inviteePage, invitee.email, invitee.password);
      await expect(inviteePage.getByText(`Signed in as ${invitee.name}`)).toBeVisible();

      // The link works once.
      await visit(inviteePage, invitePath);
      await expect(inviteePage.getByRole("heading", { level: 1 })).toHaveText("This invitation was already used");
      await expectNoAxeViolations(inviteePage);

      // The manager makes them a manager, then disables the account: their next request is signed out.
      await visit(page, "/admin/users");
      await expect(userRow(page, invitee.name)).toContainText("Active");
      await userRow(page, invitee.name).getByRole("link", { name: "Manage" }).click();
      await expect(page.getByRole("heading", { name: `Manage ${invitee.name}` })).toBeFocused();
      await expect(page.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
      await expectNoAxeViolations(page);
      await page.getByLabel(/^Role/).selectOption({ label: "SSM manager" });
      await page.getByRole("button", { name: "Save role" }).click();
      await expect(page.getByRole("status")).toHaveText("Role saved.");
      await expect(userRow(page, invitee.name)).toContainText("SSM manager");
      await waitForIdle(page);

      await visit(inviteePage, "/cases");
      await expect(
        inviteePage.getByRole("navigation", { name: "Recourse" }).getByRole("link", { name: "Administration" }),
      ).toBeVisible();

      await page.getByRole("button", { name: "Disable account" }).click();
      await expect(page.getByRole("status")).toHaveText("The account is disabled and all its sessions are ended.");
      await expect(userRow(page, invitee.name)).toContainText("Disabled");
      await waitForIdle(page);
      await expectNoAxeViolations(page);

      await inviteePage.goto("/cases");
      await expect(inviteePage).toHaveURL(/\/login\?next=%2Fcases/);
      await expect(inviteePage.getByRole("button", { name: "Sign out" })).toHaveCount(0);
    });
  });

  test("in French, the users page reads in French", async ({ page }) => {
    await login(page, MANAGER);
    await visit(page, "/admin/users?lng=fr");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Utilisateurs et invitations");
    await expect(page.getByRole("button", { name: "Envoyer l’invitation" })).toBeVisible();
    await expect(userRow(page, "Hamilton Case Officer")).toContainText("Personnel du GSS");
    await expectNoAxeViolations(page);
    await visit(page, "/admin/users?lng=en");
  });

  test("the manager adds a provider, which the complaint form then offers; renames it; retires it", async ({
    page,
  }) => {
    const nameEn = `Lakeshore Careers ${stamp}`;
    const nameFr = `Carrières Lakeshore ${stamp}`;
    const renamed = `Lakeshore Career Hub ${stamp}`;
    const providerSelect = (p: Page) => p.getByLabel("Which service provider is your complaint about?");

    await login(page, MANAGER);
    await visit(page, "/admin/providers");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Service providers in Hamilton–Niagara Peninsula");
    await expect(userRow(page, "Hamilton Employment Centre")).toContainText("Active");
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Add provider" }).click();
    await expect(errorSummary(page)).toBeFocused();
    await expect(errorSummary(page).getByRole("link")).toHaveText([
      "Name in English: Answer this question.",
      "Name in French: Answer this question.",
    ]);
    await expectNoAxeViolations(page);

    await page.getByLabel(/^Name in English/).fill(nameEn);
    await page.getByLabel(/^Name in French/).fill(nameFr);
    await page.getByRole("button", { name: "Add provider" }).click();
    await expect(page.getByRole("status")).toHaveText(`${nameEn} is added to the complaint form.`);
    await expect(userRow(page, nameEn)).toContainText(nameFr);
    await waitForIdle(page);
    await expectNoAxeViolations(page);

    await visit(page, "/file?area=hamilton-niagara");
    await expect(providerSelect(page).getByRole("option", { name: nameEn })).toHaveCount(1);
    await expect(providerSelect(page).getByRole("option", { name: "Hamilton Employment Centre" })).toHaveCount(1);

    await visit(page, "/admin/providers");
    await userRow(page, nameEn).getByRole("link", { name: "Rename or retire" }).click();
    await expect(page.getByRole("heading", { name: `Rename or retire ${nameEn}` })).toBeFocused();
    await expect(page.getByLabel(/^Name in English/)).toHaveValue(nameEn);
    await expectNoAxeViolations(page);
    await page.getByLabel(/^Name in English/).fill(renamed);
    await page.getByRole("button", { name: "Save names" }).click();
    await expect(page.getByRole("status")).toHaveText("Names saved.");
    await expect(userRow(page, renamed)).toHaveCount(1);
    await waitForIdle(page);

    await page.getByRole("button", { name: "Retire provider" }).click();
    await expect(page.getByRole("status")).toHaveText(`${renamed} is retired: the complaint form no longer offers it.`);
    await expect(userRow(page, renamed)).toContainText(/Retired on/);
    await waitForIdle(page);
    await expectNoAxeViolations(page);

    await visit(page, "/file?area=hamilton-niagara");
    await expect(providerSelect(page).getByRole("option", { name: renamed })).toHaveCount(0);
    await expect(providerSelect(page).getByRole("option", { name: "Hamilton Employment Centre" })).toHaveCount(1);
  });

  test("the manager edits the SSM's contact details and the process page shows them", async ({ page }) => {
    await login(page, MANAGER);
    await visit(page, "/admin/contacts");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Contact details of /);
    const fields = {
      email: page.getByLabel(/^Email for complaints/),
      phone: page.getByLabel(/^Phone/),
      address: page.getByLabel(/^Mailing address/),
      inPerson: page.getByLabel(/^In person/),
    };
    const original = {
      email: await fields.email.inputValue(),
      phone: await fields.phone.inputValue(),
      address: await fields.address.inputValue(),
      inPerson: await fields.inPerson.inputValue(),
    };
    expect(original.email).toBe("complaints.hamilton-niagara@example.org");
    await expectNoAxeViolations(page);
    const save = page.getByRole("button", { name: "Save contact details" });

    try {
      await fields.email.fill("");
      await fields.phone.fill("");
      await save.click();
      await expect(errorSummary(page)).toBeFocused();
      await expect(errorSummary(page).getByRole("link")).toHaveText([
        "Email for complaints: Give an email address or a phone number.",
      ]);
      await expect(fields.email).toHaveAttribute("aria-invalid", "true");
      await expectNoAxeViolations(page);

      await fields.email.fill(`desk.${stamp}@hamilton.example.org`);
      await fields.phone.fill("905-555-0177");
      await fields.address.fill(`200 James Street North, Hamilton (${stamp})`);
      await fields.inPerson.fill(`Tuesdays and Thursdays, 9:00 to 3:00 (${stamp})`);
      await save.click();
      await expect(page.getByRole("status")).toHaveText(
        "Contact details saved. Your public process page shows them now.",
      );
      await waitForIdle(page);
      await expectNoAxeViolations(page);

      await page.getByRole("link", { name: "See your public process page" }).click();
      await expect(page).toHaveURL(/\/process\/hamilton-niagara$/);
      const main = page.getByRole("main");
      await expect(main.getByRole("link", { name: `desk.${stamp}@hamilton.example.org` })).toHaveAttribute(
        "href",
        `mailto:desk.${stamp}@hamilton.example.org`,
      );
      await expect(main.getByRole("link", { name: "905-555-0177" })).toHaveAttribute("href", "tel:905-555-0177");
      await expect(main).toContainText(`200 James Street North, Hamilton (${stamp})`);
      await expect(main).toContainText(`Tuesdays and Thursdays, 9:00 to 3:00 (${stamp})`);
      await expectNoAxeViolations(page);
    } finally {
      // Other files expect the seeded contacts: put them back.
      await visit(page, "/admin/contacts");
      for (const [name, value] of Object.entries(original)) await fields[name as keyof typeof fields].fill(value);
      await save.click();
      await expect(page.getByRole("status")).toHaveText(
        "Contact details saved. Your public process page shows them now.",
      );
      await waitForIdle(page);
    }
  });
});
