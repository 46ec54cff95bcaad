"""Synthetic themes, guidance pages and study for the bench project, as file texts.

They sit beside the repository's own registries (whose pages the hand-written pages link
to), so that cases spread over about twenty themes and twenty guidance pages.
"""

from __future__ import annotations

import json

STUDY_ID = "corpus-synthetique"
STUDY = f"""
{STUDY_ID}:
  titre: Corpus synthétique du banc d'essai
  organisation: Dilemmes au travail
  methode: Textes composés à partir de banques de phrases
  participants: Aucune personne ; aucun récit réel
  periode: Sans objet
  secteur: Assurance
  resume: >-
    Vignettes fabriquées par make bench pour mesurer la construction du site à plusieurs
    tailles de corpus. Elles ne rapportent aucune situation réelle et ne sont jamais publiées.
"""

# id: (titre, résumé)
THEMES = {
    "charge-de-travail": (
        "La charge de travail",
        "Quand le volume de demandes dépasse ce qu'une personne peut traiter avec soin.",
    ),
    "outils-numeriques": (
        "Les outils numériques",
        "Des outils qui accélèrent le travail et changent ce qu'on attend des personnes.",
    ),
    "relation-avec-la-clientele": (
        "La relation avec la clientèle",
        "Écouter, expliquer, rassurer : ce qui se joue dans chaque échange.",
    ),
    "travail-a-distance": (
        "Le travail à distance",
        "Travailler seul devant l'écran, loin des collègues qui aidaient à trancher.",
    ),
    "reconnaissance-au-travail": (
        "La reconnaissance au travail",
        "Ce qui est vu, compté et reconnu, et ce qui ne l'est pas.",
    ),
    "formation-continue": (
        "La formation continue",
        "Apprendre un nouvel outil ou un nouveau produit sans ralentir la cadence.",
    ),
    "ethique-commerciale": (
        "L'éthique commerciale",
        "Vendre ce qui convient à la personne, même quand un autre produit rapporte plus.",
    ),
    "entraide-dans-l-equipe": (
        "L'entraide dans l'équipe",
        "Se soutenir entre collègues quand chacun est mesuré individuellement.",
    ),
    "indicateurs-de-performance": (
        "Les indicateurs de performance",
        "Des chiffres affichés chaque jour, et ce qu'ils laissent dans l'ombre.",
    ),
    "conciliation-travail-vie": (
        "La conciliation travail et vie personnelle",
        "Quand les cibles débordent sur les soirées et les fins de semaine.",
    ),
    "changement-organisationnel": (
        "Le changement organisationnel",
        "Réorganisations, nouveaux processus, postes non remplacés : le travail qui bouge.",
    ),
    "confidentialite-des-dossiers": (
        "La confidentialité des dossiers",
        "Protéger les renseignements de la clientèle quand tout va vite.",
    ),
    "sante-psychologique": (
        "La santé psychologique",
        "Fatigue, malaise, perte de sens : ce que les dilemmes répétés laissent derrière eux.",
    ),
    "autonomie-professionnelle": (
        "L'autonomie professionnelle",
        "Décider par soi-même quand la procédure ne prévoit pas le cas.",
    ),
}
# id: (titre, résumé, niveau, themes)
PISTES = {
    "clarifier-les-marges-de-manoeuvre": (
        "Clarifier les marges de manœuvre",
        "Dire clairement ce qu'une personne peut décider seule quand la procédure ne suffit pas.",
        "organisationnel",
        ("autonomie-professionnelle", "changement-organisationnel"),
    ),
    "mesurer-aussi-la-qualite": (
        "Mesurer aussi la qualité",
        "Ajouter aux indicateurs de volume des repères sur la qualité du service rendu.",
        "organisationnel",
        ("indicateurs-de-performance", "reconnaissance-au-travail"),
    ),
    "prevoir-du-temps-de-formation": (
        "Prévoir du temps de formation",
        "Protéger du temps pour apprendre un outil avant de l'utiliser avec la clientèle.",
        "organisationnel",
        ("formation-continue", "outils-numeriques"),
    ),
    "discuter-des-cas-difficiles": (
        "Discuter des cas difficiles en équipe",
        "Réserver un moment régulier pour raconter les situations délicates et en tirer des "
        "repères communs.",
        "collectif",
        ("entraide-dans-l-equipe", "relation-avec-la-clientele"),
    ),
    "jumelage-entre-collegues": (
        "Le jumelage entre collègues",
        "Associer une personne d'expérience et une recrue pour les premières semaines.",
        "collectif",
        ("formation-continue", "entraide-dans-l-equipe"),
    ),
    "garder-le-contact-a-distance": (
        "Garder le contact à distance",
        "Des façons simples de demander conseil quand les collègues ne sont pas à côté.",
        "collectif",
        ("travail-a-distance", "entraide-dans-l-equipe"),
    ),
    "partager-la-charge": (
        "Partager la charge",
        "Répartir les demandes longues pour qu'elles ne pèsent pas toujours sur les mêmes.",
        "collectif",
        ("charge-de-travail", "entraide-dans-l-equipe"),
    ),
    "expliquer-ses-choix": (
        "Expliquer ses choix",
        "Noter au dossier pourquoi on a pris plus de temps, pour que l'effort se voie.",
        "individuel",
        ("reconnaissance-au-travail", "autonomie-professionnelle"),
    ),
    "conseiller-sans-pousser": (
        "Conseiller sans pousser",
        "Présenter les options avec leurs limites et laisser la personne choisir.",
        "individuel",
        ("ethique-commerciale", "relation-avec-la-clientele"),
    ),
    "proteger-ses-temps-de-pause": (
        "Protéger ses temps de pause",
        "Garder les pauses comme des pauses, même quand la file d'attente est pleine.",
        "individuel",
        ("sante-psychologique", "conciliation-travail-vie"),
    ),
    "verifier-avant-de-fermer": (
        "Vérifier avant de fermer",
        "Une courte liste de vérification avant de fermer un dossier, pour éviter les erreurs "
        "qui reviennent.",
        "individuel",
        ("confidentialite-des-dossiers", "charge-de-travail"),
    ),
    "consulter-une-ressource": (
        "Consulter une ressource",
        "Savoir vers qui se tourner quand un dilemme pèse trop longtemps.",
        "individuel",
        ("sante-psychologique",),
    ),
}

_THEME_BODY = """
## La tension

{titre} touche chaque demande, même la plus simple. Les objectifs fixent un rythme, la
clientèle a ses besoins, et la personne au milieu doit trouver un équilibre qui change d'un
jour à l'autre.

## Ce que le numérique change

Les outils rendent bien des tâches plus rapides. Le temps gagné n'est pourtant pas toujours
laissé à l'écoute ni à la vérification, et les attentes montent avec la vitesse des outils.

## Les questions que cela soulève

- Qu'est-ce qui est compté, et qu'est-ce qui ne l'est pas ?
- Qui décide quand la procédure ne prévoit pas la situation ?
- Comment l'équipe peut-elle en parler sans chercher de coupable ?
"""

_PISTE_BODY = """
## Ce qui peut être fait

{resume}

- en parler en équipe à partir de situations concrètes ;
- convenir de repères simples, écrits, que chacun peut consulter ;
- revenir sur ces repères après quelques semaines.

## Points de vigilance

Une piste n'est pas une recette : elle se discute et s'adapte à chaque milieu de travail.
"""


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def theme_pages() -> dict[str, str]:
    """``docs/themes/<id>.md`` for every synthetic theme."""
    return {
        f"docs/themes/{theme_id}.md": f"---\ntitre: {_quoted(titre)}\nresume: {_quoted(resume)}\n"
        f"---\n{_THEME_BODY.format(titre=titre)}"
        for theme_id, (titre, resume) in THEMES.items()
    }


def piste_pages() -> dict[str, str]:
    """``docs/pistes/<id>.md`` for every synthetic guidance page."""
    pages = {}
    for piste_id, (titre, resume, niveau, themes) in PISTES.items():
        front = (
            f"titre: {_quoted(titre)}\nresume: {_quoted(resume)}\n"
            f"themes: [{', '.join(themes)}]\nniveau: {niveau}\n"
        )
        pages[f"docs/pistes/{piste_id}.md"] = (
            f"---\n{front}---\n{_PISTE_BODY.format(resume=resume)}"
        )
    return pages
