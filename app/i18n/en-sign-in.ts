// Sign-in through an organization's OpenID Connect provider (issue #22), in English. Spread into
// en.ts; fr-sign-in.ts has the same keys.
export const enSignIn = {
  "signIn.with": "Sign in with {provider}",
  "signIn.orgHeading": "Sign in through your organization",
  "signIn.orPassword": "Or sign in with a password",
  "signIn.failed": "The sign-in through your organization did not work. Try again from this page.",
  "signIn.emailUnverified":
    "Your organization's sign-in did not confirm your email address. Ask your organization's IT team to verify it, then try again.",
  "signIn.notInvited":
    "No one has invited this email address to Recourse. Ask your manager for an invitation, then sign in again.",
  "signIn.passwordsOff":
    "Your organization no longer uses passwords here. Use the button to sign in through your organization.",
  "signIn.providerUnavailable": "Your organization's sign-in service cannot be reached. Try again in a few minutes.",
  "signIn.admin.title": "Sign-in for organizations",
  "signIn.admin.intro":
    "An organization with its own OpenID Connect provider (Microsoft Entra ID, Google, or another) can sign its people in through it. Register Recourse there with this redirect address: {redirectUri}, and this sign-out return address: {logoutUri}.",
  "signIn.admin.organization": "Organization",
  "signIn.admin.issuer": "Issuer URL",
  "signIn.admin.clientId": "Client ID",
  "signIn.admin.clientSecret": "Client secret",
  "signIn.admin.secretKept": "A secret is kept. Leave this empty to keep it.",
  "signIn.admin.secretNone": "No secret is kept.",
  "signIn.admin.removeSecret": "Remove the kept secret",
  "signIn.admin.label": "Name on the sign-in button",
  "signIn.admin.passwordsAllowed": "Its people may also sign in with a password",
  "signIn.admin.save": "Save sign-in for {organization}",
  "signIn.admin.saved": "Sign-in settings saved.",
  "signIn.admin.fromEnvironment": "This organization's sign-in is set by the server's configuration (OIDC_*).",
  "signIn.admin.noSecretsKey": "The server has no SECRETS_KEY, so it cannot keep a secret. Ask the operator to set it.",
  "signIn.admin.passwordsNeedProvider":
    "Passwords can be switched off only once the organization's provider is set with an issuer, a client ID and a secret.",
  "signIn.admin.issuerInvalid": "Enter the issuer as a full address, like https://login.example.org.",
  "signIn.admin.configured": "Provider set",
  "signIn.admin.notConfigured": "No provider",
  "signOut.provider.title": "Signing you out of your organization",
  "signOut.provider.text":
    "You are signed out of Recourse. Your organization's sign-in is being ended too; if nothing happens, use the link.",
  "signOut.provider.continue": "Continue to your organization's sign-out",
  "nav.signInAdmin": "Sign-in",
} as const;
