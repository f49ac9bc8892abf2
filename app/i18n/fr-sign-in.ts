import type { enSignIn } from "./en-sign-in";

// La connexion par le fournisseur OpenID Connect d’un organisme (issue #22), en français.
export const frSignIn: Record<keyof typeof enSignIn, string> = {
  "signIn.with": "Se connecter avec {provider}",
  "signIn.orgHeading": "Se connecter par votre organisme",
  "signIn.orPassword": "Ou se connecter avec un mot de passe",
  "signIn.failed": "La connexion par votre organisme n’a pas fonctionné. Réessayez à partir de cette page.",
  "signIn.emailUnverified":
    "La connexion de votre organisme n’a pas confirmé votre adresse courriel. Demandez à l’équipe informatique de votre organisme de la vérifier, puis réessayez.",
  "signIn.notInvited":
    "Personne n’a invité cette adresse courriel dans Recours. Demandez une invitation à votre gestionnaire, puis reconnectez-vous.",
  "signIn.passwordsOff":
    "Votre organisme n’utilise plus les mots de passe ici. Utilisez le bouton pour vous connecter par votre organisme.",
  "signIn.providerUnavailable":
    "Le service de connexion de votre organisme est injoignable. Réessayez dans quelques minutes.",
  "signIn.admin.title": "Connexion des organismes",
  "signIn.admin.intro":
    "Un organisme qui a son propre fournisseur OpenID Connect (Microsoft Entra ID, Google ou un autre) peut y connecter son personnel. Inscrivez Recours chez ce fournisseur avec cette adresse de redirection : {redirectUri}, et cette adresse de retour après la déconnexion : {logoutUri}.",
  "signIn.admin.organization": "Organisme",
  "signIn.admin.issuer": "URL de l’émetteur",
  "signIn.admin.clientId": "Identifiant client",
  "signIn.admin.clientSecret": "Secret client",
  "signIn.admin.secretKept": "Un secret est conservé. Laissez ce champ vide pour le garder.",
  "signIn.admin.secretNone": "Aucun secret n’est conservé.",
  "signIn.admin.removeSecret": "Supprimer le secret conservé",
  "signIn.admin.label": "Nom sur le bouton de connexion",
  "signIn.admin.passwordsAllowed": "Son personnel peut aussi se connecter avec un mot de passe",
  "signIn.admin.save": "Enregistrer la connexion de {organization}",
  "signIn.admin.saved": "Paramètres de connexion enregistrés.",
  "signIn.admin.fromEnvironment": "La connexion de cet organisme est fixée par la configuration du serveur (OIDC_*).",
  "signIn.admin.noSecretsKey":
    "Le serveur n’a pas de SECRETS_KEY et ne peut donc pas conserver de secret. Demandez à l’exploitant de le définir.",
  "signIn.admin.passwordsNeedProvider":
    "Les mots de passe ne peuvent être désactivés qu’une fois le fournisseur de l’organisme défini avec un émetteur, un identifiant client et un secret.",
  "signIn.admin.issuerInvalid": "Entrez l’émetteur comme une adresse complète, par exemple https://login.example.org.",
  "signIn.admin.configured": "Fournisseur défini",
  "signIn.admin.notConfigured": "Aucun fournisseur",
  "signOut.provider.title": "Déconnexion de votre organisme",
  "signOut.provider.text":
    "Vous êtes déconnecté de Recours. La connexion de votre organisme est aussi fermée; si rien ne se passe, utilisez le lien.",
  "signOut.provider.continue": "Continuer vers la déconnexion de votre organisme",
  "nav.signInAdmin": "Connexion",
};
