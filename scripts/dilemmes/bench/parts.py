"""Banks for the short parts of a synthetic vignette: title, summary, dilemma, questions.

Same slots as ``phrases``. Options come in two families, the quick way that serves the
target and the slower way that serves the person, with consequences for each party.
"""

from __future__ import annotations

TITLE_ACTIONS = (
    "Conclure une vente",
    "Proposer une protection complémentaire",
    "Corriger une erreur de saisie",
    "Accompagner une personne âgée",
    "Refuser une exception",
    "Expliquer un refus de réclamation",
    "Fermer un dossier incomplet",
    "Répondre à une plainte",
    "Renouveler un contrat sans le revoir",
    "Former une nouvelle collègue",
    "Signaler une pratique douteuse",
    "Transférer un appel difficile",
    "Suivre la réponse suggérée",
    "Prendre le temps d'écouter",
    "Recommander le libre-service",
    "Vérifier une déclaration",
    "Modifier une protection",
    "Annoncer une hausse de prime",
    "Traiter une réclamation urgente",
    "Relancer une soumission",
)
TITLE_CIRCUMSTANCES = (
    "dès le premier appel",
    "en fin de trimestre",
    "pendant la période des renouvellements",
    "sous l'œil du tableau de bord",
    "avec une file d'attente pleine",
    "à la veille d'une évaluation",
    "en clavardage",
    "au comptoir",
    "par courriel",
    "après une tempête",
    "en plein changement d'outil",
    "sans l'appui de l'équipe",
    "quand la cible est presque atteinte",
    "malgré une consigne contraire",
    "avant la fin de la journée",
)
SUMMARY_NEEDS = (
    "a besoin qu'on lui explique sa protection",
    "hésite à signer tout de suite",
    "demande une exception à la procédure",
    "n'arrive pas à faire sa démarche en ligne",
    "conteste une décision de son dossier",
    "veut comprendre une hausse de prime",
    "attend une réponse depuis plusieurs jours",
)
SUMMARY_CONSTRAINTS = (
    "{indicateur} est suivi de près",
    "la file d'attente s'allonge",
    "l'objectif du mois n'est pas atteint",
    "la procédure prévoit une réponse rapide",
    "{outil} propose une solution toute faite",
    "l'équipe est en sous-effectif",
)
# (verb phrase after « doit-elle », choice as written in the vignette)
QUICK = (
    ("conclure pendant l'échange", "Conclure pendant l'échange"),
    ("s'en tenir à la procédure", "S'en tenir à la procédure"),
    ("renvoyer vers le libre-service", "Renvoyer vers le libre-service"),
    ("proposer le produit suggéré", "Proposer le produit suggéré par le système"),
    ("fermer le dossier tel quel", "Fermer le dossier tel quel"),
    ("accepter la réponse toute faite", "Accepter la réponse toute faite"),
)
CAREFUL = (
    ("prendre le temps d'expliquer", "Prendre le temps d'expliquer chaque étape"),
    ("laisser le temps de réfléchir", "Laisser le temps de réfléchir avant de s'engager"),
    ("accompagner jusqu'au bout", "Accompagner jusqu'au bout de la démarche"),
    ("vérifier le dossier en entier", "Vérifier le dossier en entier"),
    ("rouvrir le dossier pour corriger", "Rouvrir le dossier pour corriger l'erreur"),
    ("en parler à l'équipe", "En parler à l'équipe avant de décider"),
)
MIDDLE = (
    "Fixer un second rendez-vous",
    "Demander conseil à une personne d'expérience",
    "Noter la situation au dossier et y revenir plus tard",
)
# For each family: what the choice means for the client, the person, the team, the organisation.
CONSEQUENCES = {
    "quick": (
        (
            "la demande est réglée vite, mais des questions restent sans réponse.",
            "la personne risque de revenir, plus inquiète qu'avant.",
        ),
        (
            "l'indicateur reste dans la cible ; le malaise de ne pas avoir aidé demeure.",
            "aucun reproche à craindre, mais le sentiment d'un travail à moitié fait.",
        ),
        (
            "la file avance ; un nouvel appel sur le même sujet est probable.",
            "les collègues reçoivent moins de demandes en attente.",
        ),
        (
            "les chiffres du jour sont bons, au risque de perdre la confiance de la clientèle.",
            "la consigne est suivie, mais un problème pourrait apparaître plus tard.",
        ),
    ),
    "careful": (
        (
            "la personne repart rassurée, avec une protection qui lui convient.",
            "la demande est traitée à fond, sans mauvaise surprise plus tard.",
        ),
        (
            "le travail est bien fait, mais la durée prévue est dépassée.",
            "il faudra peut-être justifier le temps pris lors du prochain suivi.",
        ),
        (
            "l'attente augmente pour les autres demandes.",
            "l'équipe absorbe une partie du retard.",
        ),
        (
            "un service de qualité, mais un indicateur qui se dégrade.",
            "la relation avec la clientèle se renforce, sans que cela se voie dans les chiffres.",
        ),
    ),
    "middle": (
        (
            "la personne obtient une partie de la réponse et doit revenir.",
            "rien n'est réglé, mais rien n'est perdu non plus.",
        ),
        (
            "la décision est repoussée, ce qui soulage sur le moment.",
            "la charge mentale augmente : il faudra y penser plus tard.",
        ),
        (
            "une collègue d'expérience est sollicitée en plein rush.",
            "l'équipe partage un peu la décision.",
        ),
        (
            "aucun indicateur ne bouge ; le problème reste entier.",
            "la situation laisse une trace au dossier, utile pour la suite.",
        ),
    ),
}
PARTIES = ("Clientèle", "{label}", "Équipe", "Organisation")
QUESTIONS = (
    "Quelles marges de manœuvre {role} a-t-{pron} réellement dans cette situation ?",
    "Qu'est-ce qui compte comme du travail bien fait, ici, et pour qui ?",
    "Qui porte le coût d'une décision prise trop vite ?",
    "Le temps passé avec {le_client} devrait-il être reconnu, et comment ?",
    "Que faudrait-il changer dans les consignes pour que ce choix soit moins lourd ?",
    "Comment l'équipe pourrait-elle discuter de ce genre de situation sans chercher de coupable ?",
    "Quels indicateurs rendraient visibles les efforts qui ne se comptent pas ?",
    "Avez-vous déjà vécu une situation semblable ? Qu'avez-vous fait ?",
    "Qu'aurait dû prévoir l'organisation en introduisant {outil} ?",
    "Le *libre-service* convient-il à toute la clientèle ?",
    "Que dirait {gestion} si la situation lui était racontée ?",
    "Quelles sont les conséquences **à long terme** de chacune des options ?",
    "Où tracer la limite entre s'adapter au rythme et mettre la qualité en jeu ?",
    "Quel soutien {role} pourrait-{pron} demander, et à qui ?",
)
ANIMATION = (
    "Commencez par un tour de table sur les objectifs vécus dans chaque équipe.",
    "Faites lire le récit à voix haute, puis laissez une minute de silence avant les questions.",
    "Demandez au groupe de se placer du point de vue de la clientèle, puis de celui de l'équipe.",
    "Évitez de chercher la bonne réponse : le but est de nommer ce qui pèse dans le choix.",
    "En petit groupe, faites imaginer une troisième option, puis comparez-la aux deux autres.",
    "Terminez en notant une chose que l'équipe pourrait changer dès la semaine suivante.",
)
KEYWORDS = (
    "vente sous pression",
    "durée d'appel",
    "libre-service",
    "réponse toute faite",
    "file d'attente",
    "objectif mensuel",
    "qualité du service",
    "renouvellement",
    "réclamation",
    "exception à la procédure",
    "clientèle âgée",
    "erreur de saisie",
    "tableau de bord",
    "évaluation annuelle",
    "signature électronique",
    "clavardage",
    "courriel",
    "conseil",
    "transparence",
    "charge de travail",
    "reconnaissance",
    "entraide",
    "formation",
    "télétravail",
    "vérification",
    "éthique",
    "confiance",
    "sous-effectif",
    "prime",
    "classement",
)
