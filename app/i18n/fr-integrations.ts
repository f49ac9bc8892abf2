import type { enIntegrations } from "./en-integrations";

// La page des jetons d’API, les messages d’erreur de l’API et les données ouvertes (issue 22,
// décision 021) : mêmes clés qu’en-integrations.ts.
export const frIntegrations: Record<keyof typeof enIntegrations, string> = {
  "api.error.invalid": "La requête ne correspond pas au schéma de l’API.",
  "api.error.unauthenticated": "Envoyez un jeton d’API valide : Authorization: Bearer <jeton>.",
  "api.error.forbidden": "Ce jeton n’a pas la portée que cette requête exige.",
  "api.error.methodNotAllowed":
    "Cette adresse n’accepte pas cette méthode. L’en-tête Allow nomme celles qu’elle accepte.",
  "api.error.tooMany": "Trop de requêtes avec ce jeton. Attendez une minute et réessayez.",
  "apiTokens.title": "Jetons d’API",
  "apiTokens.intro":
    "Un jeton permet à un autre système d’un organisme de lire ses dossiers ou d’y agir (un GSS), ou de lire les chiffres trimestriels soumis par chaque GSS (le ministère), au moyen de l’API décrite à /api/v1/openapi.json. Il n’est montré qu’une fois, à sa création : copiez-le alors dans l’autre système. Révoquez un jeton dès qu’il ne sert plus ou que quelqu’un d’autre a pu le voir.",
  "apiTokens.shownOnce":
    "Voici le nouveau jeton. Copiez-le maintenant : il ne sera plus montré, et Recourse n’en garde qu’une empreinte.",
  "apiTokens.revoked": "Le jeton est révoqué : il ne fonctionne plus.",
  "apiTokens.issue": "Créer un jeton",
  "apiTokens.issue.submit": "Créer le jeton",
  "apiTokens.organization": "Organisme",
  "apiTokens.name": "Nom",
  "apiTokens.name.hint": "À quoi sert le jeton, par exemple le système qui l’utilisera.",
  "apiTokens.access": "Accès",
  "apiTokens.access.read": "Lire les dossiers du GSS",
  "apiTokens.access.act": "Lire les dossiers du GSS et y agir",
  "apiTokens.access.reports": "Lire les chiffres trimestriels soumis par chaque GSS (ministère)",
  "apiTokens.error.scopes":
    "Choisissez un accès permis à cet organisme : les dossiers pour un GSS, les rapports pour le ministère.",
  "apiTokens.list": "Jetons",
  "apiTokens.none": "Aucun jeton n’a été créé.",
  "apiTokens.col.created": "Créé",
  "apiTokens.col.lastUsed": "Dernière utilisation",
  "apiTokens.col.state": "État",
  "apiTokens.never": "Jamais",
  "apiTokens.state.revoked": "Révoqué",
  "apiTokens.revoke": "Révoquer",
  "apiTokens.revoke.label": "Révoquer le jeton {name}",
  "admin.nav.apiTokens": "Jetons d’API",
  "openData.title": "Données ouvertes : plaintes et différends par GSS et par trimestre",
  "openData.intro":
    "Les chiffres publiés par chaque gestionnaire de système de services pour chaque trimestre dont il a fait rapport, en fichiers CSV et JSON à des adresses qui ne changent pas. Ce sont les chiffres des pages sur le processus, avec les mêmes nombres retenus.",
  "openData.indexJson": "La liste de tous les fichiers, en JSON (pour les programmes)",
  "openData.datasets": "Fichiers",
  "openData.none": "Aucun rapport trimestriel n’a encore été soumis.",
  "openData.files": "Fichiers",
  "openData.col.area.name": "Région",
  "openData.col.quarter.name": "Trimestre",
  "openData.dictionary": "Dictionnaire de données",
  "openData.dictionary.intro":
    "Chaque fichier a une ligne avec ces colonnes, dans cet ordre. Les nombres inférieurs à {threshold} ne sont pas publiés, ni aucun nombre qui permettrait d’en déduire un.",
  "openData.dictionary.column": "Colonne",
  "openData.dictionary.meaning": "Signification",
  "openData.dictionary.values":
    "Un nombre se lit « small » lorsqu’il est inférieur à {threshold}, et « hidden » lorsqu’il est retenu pour en protéger un autre (il peut valoir n’importe quoi). Une proportion ou un nombre de jours est vide lorsqu’il repose sur moins de {threshold} dossiers.",
  "openData.col.area":
    "La région desservie par le gestionnaire de système de services (GSS), comme dans l’adresse de sa page sur le processus.",
  "openData.col.quarter":
    "Le trimestre de l’exercice du gouvernement de l’Ontario : T1 d’avril à juin, T2 de juillet à septembre, T3 d’octobre à décembre, T4 de janvier à mars de l’année suivante (écrit Q1 à Q4 dans les fichiers).",
  "openData.col.received": "Plaintes et différends reçus par le GSS pendant le trimestre.",
  "openData.col.decisionsOnTimeShare":
    "Proportion (de 0 à 1) des décisions de premier niveau rendues dans le délai que permet le processus publié du GSS.",
  "openData.col.decisionMedianDays":
    "Nombre médian de jours ouvrables pris par une décision de premier niveau, pauses exclues.",
  "openData.col.providerResolved":
    "Plaintes réglées avec le fournisseur de services visé, là où le GSS envoie d’abord les plaintes au fournisseur.",
  "openData.col.providerOnTimeShare":
    "Proportion (de 0 à 1) des réponses des fournisseurs de services données à temps.",
  "openData.home": "Retour à la page d’accueil",
  "process.openData.latest": "Ces chiffres en données ouvertes :",
  "process.openData.link": "Données ouvertes : nos chiffres pour chaque trimestre, avec le dictionnaire de données",
};
