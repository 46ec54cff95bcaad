"""Phrase banks for synthetic vignettes: plain French about insurance work, no names.

Sentences carry slots filled by ``corpus``: ``{role}`` (« la conseillère »), ``{pron}``
(« elle », « il »), ``{e}`` (agreement), ``{client}``, ``{le_client}``, ``{canal}``,
``{moment}``, ``{produit}``, ``{outil}``, ``{indicateur}``, ``{gestion}``. The forms
``{de_role}``, ``{a_role}``, ``{de_outil}``… (« du conseiller », « au conseiller ») contract
the article; a capital first letter (``{Role}``) capitalises the value. Nothing here names
a person, an employer or a number: the personal-data check reads it all.
"""

from __future__ import annotations

# (function as written in contexte.fonction, noun with article, pronoun, agreement, label)
ROLES = (
    ("Conseillère au service à la clientèle", "la conseillère", "elle", "e", "Conseillère"),
    ("Conseiller au service à la clientèle", "le conseiller", "il", "", "Conseiller"),
    ("Agente en assurance de dommages", "l'agente", "elle", "e", "Agente"),
    ("Agent en assurance de dommages", "l'agent", "il", "", "Agent"),
    ("Représentante en assurance de personnes", "la représentante", "elle", "e", "Représentante"),
    ("Représentant en assurance de personnes", "le représentant", "il", "", "Représentant"),
    ("Analyste en souscription", "l'analyste", "elle", "e", "Analyste"),
    ("Analyste en souscription", "l'analyste", "il", "", "Analyste"),
    ("Experte en sinistres", "l'experte en sinistres", "elle", "e", "Experte"),
    ("Expert en sinistres", "l'expert en sinistres", "il", "", "Expert"),
    ("Technicienne aux réclamations", "la technicienne", "elle", "e", "Technicienne"),
    ("Technicien aux réclamations", "le technicien", "il", "", "Technicien"),
)
# (indefinite, definite, pronoun)
CLIENTS = (
    ("une cliente", "la cliente", "elle"),
    ("un client", "le client", "il"),
    ("une assurée de longue date", "l'assurée", "elle"),
    ("un assuré de longue date", "l'assuré", "il"),
    ("une personne retraitée", "la personne", "elle"),
    ("une propriétaire de petite entreprise", "la propriétaire", "elle"),
    ("un travailleur autonome", "le travailleur autonome", "il"),
    ("une nouvelle cliente", "la cliente", "elle"),
    ("un jeune client", "le client", "il"),
)
PRODUITS = (
    "son assurance habitation",
    "son contrat d'assurance auto",
    "son assurance vie",
    "une assurance voyage",
    "son régime d'assurance collective",
    "la police de son commerce",
    "une protection en cas d'invalidité",
    "une réclamation après un dégât d'eau",
    "une réclamation après un accrochage",
    "le renouvellement de son contrat",
)
CANAUX = (
    ("au téléphone", "Téléphone"),
    ("en clavardage", "Clavardage"),
    ("par courriel", "Courriel"),
    ("au comptoir", "Comptoir"),
    ("en visioconférence", "Visioconférence"),
    ("dans le portail en ligne", "Portail en ligne"),
)
INDICATEURS = (
    "le nombre de ventes conclues",
    "la durée moyenne des appels",
    "le nombre de dossiers fermés par jour",
    "le taux de conversion des soumissions",
    "le délai de traitement des réclamations",
    "le nombre de contacts par heure",
    "le taux de réponse au premier contact",
)
OUTILS = (
    "le nouvel outil de soumission",
    "le système de gestion des dossiers",
    "la plateforme de clavardage",
    "le module de signature électronique",
    "l'outil de réponses suggérées",
    "le tableau de bord de l'équipe",
    "le robot qui trie les courriels",
)
MOMENTS = (
    "un lundi matin",
    "en fin de journée",
    "la dernière semaine du trimestre",
    "pendant la période des renouvellements",
    "un vendredi après-midi",
    "au retour des vacances",
    "au lendemain d'une tempête",
    "juste avant la pause du midi",
)
GESTION = (
    "sa cheffe d'équipe",
    "son chef d'équipe",
    "la gestionnaire du service",
    "le gestionnaire du service",
    "la direction",
)
SECTEURS = (
    "Assurance de dommages",
    "Assurance de personnes (vie)",
    "Assurance collective",
    "Assurance automobile",
    "Assurance habitation",
    "Services financiers",
)

CONTEXT = (
    "Depuis l'arrivée {de_outil}, les demandes se traitent plus vite, et les objectifs de "
    "l'équipe ont été revus en conséquence.",
    "Dans le service où travaille {role}, {indicateur} est affiché chaque matin sur l'écran "
    "de l'équipe.",
    "La direction a annoncé que {indicateur} compterait désormais dans l'évaluation annuelle "
    "de chaque membre de l'équipe.",
    "{Role} connaît bien les produits offerts, mais {pron} sent que le temps accordé à chaque "
    "demande diminue d'un trimestre à l'autre.",
    "Les demandes arrivent maintenant {canal}, souvent plusieurs à la fois, et chacune est "
    "chronométrée par le système.",
    "Le rythme de travail a beaucoup changé au cours de la dernière année : moins de papier, "
    "plus d'écrans, et des cibles qui montent.",
    "Personne ne conteste l'utilité {de_outil}, mais chacun remarque que le temps gagné n'est "
    "jamais laissé à la vérification.",
    "{Gestion} répète que la qualité du service reste la priorité, tout en suivant de près "
    "{indicateur}.",
    "Les nouvelles consignes demandent d'orienter la clientèle vers le libre-service chaque "
    "fois que c'est possible.",
    "Pendant les réunions d'équipe, on parle surtout des résultats de la semaine et rarement "
    "de la manière dont le travail se fait.",
    "{Role} a reçu une formation rapide sur {outil}, sans avoir eu le temps de s'exercer avant "
    "de l'utiliser avec la clientèle.",
    "Chaque mois, un classement compare les membres de l'équipe selon {indicateur}, et les "
    "écarts sont commentés en rencontre individuelle.",
    "Le service traverse une période de changement : des postes n'ont pas été remplacés et la "
    "charge a été répartie entre les personnes qui restent.",
    "La plupart des demandes sont simples, mais certaines exigent de prendre le temps "
    "d'expliquer, de vérifier et de rassurer.",
    "Depuis quelques semaines, {outil} propose une réponse toute faite, que {role} peut "
    "accepter d'un seul clic.",
    "Les collègues {de_role} disent en riant qu'il faudrait deux journées dans une pour "
    "atteindre les cibles et bien faire le travail.",
    "L'organisation mise sur la rapidité pour se distinguer, et les délais de réponse sont "
    "devenus un argument de vente.",
    "{Role} travaille dans ce service depuis plusieurs années et a vu les façons de faire "
    "changer à mesure que les outils se multipliaient.",
    "Les primes de l'équipe dépendent en partie {de_indicateur}, ce qui crée une pression "
    "discrète mais constante.",
    "Le travail à distance a rendu les échanges entre collègues plus rares, et les questions "
    "difficiles se règlent souvent seul devant l'écran.",
)
SITUATION = (
    "{Moment}, {client} communique avec le service {canal} au sujet {de_produit}.",
    "{Cpron} explique ne pas comprendre une modification apportée {a_produit} et craint "
    "d'avoir fait une erreur.",
    "Au fil de l'échange, {role} comprend que la demande cache une inquiétude plus large.",
    "{Le_client} pose beaucoup de questions, hésite, revient en arrière et s'excuse de "
    "prendre autant de temps.",
    "La demande semble simple au premier abord, mais le dossier contient une note ancienne "
    "qui soulève un doute.",
    "{Le_client} souhaite comparer les offres avant de s'engager et demande qu'on lui envoie "
    "l'information par écrit.",
    "{Role} remarque que la protection actuelle ne correspond plus vraiment à la situation "
    "{de_client}.",
    "Pendant l'échange, le système affiche une suggestion de produit complémentaire, avec un "
    "rappel de l'objectif du jour.",
    "{Le_client} traverse une période difficile et en parle à demi-mot, sans que cela "
    "concerne directement sa demande.",
    "Le dossier est incomplet : il manque un document que seule la personne assurée peut fournir.",
    "La file d'attente s'allonge pendant ce temps, et un voyant rappelle {a_role} que "
    "plusieurs personnes attendent.",
    "{Le_client} a déjà communiqué deux fois avec le service cette semaine sans obtenir de "
    "réponse claire.",
    "Une collègue glisse {a_role} qu'il vaudrait mieux régler la question rapidement et "
    "passer à la demande suivante.",
    "{Role} sent que {le_client} n'a pas bien saisi les conséquences du choix qui se prépare.",
    "La situation n'est prévue par aucune procédure écrite, et la personne-ressource "
    "habituelle est absente.",
    "Une erreur s'est glissée dans le dossier lors d'un traitement précédent, et elle touche "
    "directement {le_client}.",
    "{Le_client} demande s'il est possible de faire une exception, compte tenu de sa "
    "situation particulière.",
    "En consultant l'historique, {role} voit que la même question a déjà été traitée de "
    "deux façons différentes par deux collègues.",
)
TENSION = (
    "{Role} pourrait conclure rapidement, en s'en tenant à la procédure, et passer à la "
    "demande suivante.",
    "{Pron} pourrait aussi prendre le temps d'expliquer chaque étape, au risque de dépasser "
    "la durée prévue.",
    "Prendre ce temps ferait baisser {indicateur}, et l'écart se verrait dès le lendemain "
    "dans le tableau de bord.",
    "À l'inverse, aller trop vite risque de laisser {le_client} avec une protection qui ne "
    "convient pas.",
    "{Pron} sait que ses résultats du mois sont déjà sous la cible, et qu'une rencontre de "
    "suivi est prévue.",
    "Rien dans les consignes n'interdit de prendre plus de temps, mais rien ne le reconnaît "
    "non plus.",
    "{Role} se demande ce que {gestion} attend vraiment : des chiffres, ou un travail bien fait.",
    "Proposer le produit complémentaire aiderait l'équipe à atteindre son objectif, mais "
    "{role} doute qu'il soit utile dans ce cas.",
    "Corriger l'erreur maintenant demanderait de rouvrir un dossier déjà compté comme terminé.",
    "En parler {a_gestion} pourrait aider, mais pourrait aussi passer pour une difficulté à "
    "suivre le rythme.",
    "{Pron} pense aussi à ses collègues, qui devront absorber les demandes en attente si "
    "l'échange se prolonge.",
    "Le choix semble petit, mais il revient plusieurs fois par jour, et chaque fois la même "
    "question se pose.",
    "{Role} a le sentiment que bien faire son travail et atteindre ses objectifs ne vont plus "
    "dans le même sens.",
    "La marge de manœuvre existe peut-être, mais personne n'a jamais dit clairement jusqu'où "
    "elle va.",
    "Une solution intermédiaire serait de fixer un second rendez-vous, ce qui repousse le "
    "problème sans le régler.",
    "L'outil permet de sauter une étape de vérification, ce qui ferait gagner du temps mais "
    "augmenterait le risque d'erreur.",
)
CLOSING = (
    "Au moment de choisir, {role} n'a que quelques secondes pour décider.",
    "{Pron} termine sa journée avec l'impression que la question reviendra, sous une autre "
    "forme, dès la semaine suivante.",
    "Quelle que soit la décision, elle ne sera pas discutée en équipe : elle restera une "
    "affaire personnelle.",
    "{Role} se promet d'en parler à la prochaine réunion, sans être certain{e} que ce soit le "
    "bon endroit.",
    "Ce genre de situation n'apparaît dans aucun indicateur, mais il pèse sur la manière dont "
    "{pron} vit son travail.",
    "Le lendemain, une demande presque identique arrive, et le même dilemme se présente.",
    "{Role} sait ne pas pouvoir tout faire, mais voudrait au moins pouvoir expliquer ses choix.",
    "La situation n'a rien d'exceptionnel : c'est justement ce qui la rend difficile à nommer.",
    "Après l'échange, {role} note quelques mots au dossier, en se demandant si quelqu'un les lira.",
    "Personne ne reprochera {a_role} d'avoir suivi la procédure ; personne ne remarquera non "
    "plus le temps pris pour bien faire.",
)
LIST_INTRO = (
    "Plusieurs choses pèsent dans la balance :",
    "Au moment de décider, {role} pense à plusieurs choses :",
    "Les éléments à considérer ne vont pas tous dans le même sens :",
)
HEADINGS = ("Ce qui se passe ensuite", "Après l'échange", "Ce qui reste en suspens")
