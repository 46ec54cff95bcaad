"""The vignette format, once: validation, the JSON Schema and the guide all read it.

Each ``Field`` says what a key holds, whether it is required and how a researcher
should write it. ``validate`` walks a loaded file against ``VIGNETTE``; ``schema``
turns the same tree into a JSON Schema for editors; a test checks that the
contribution guide documents every key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "identifiant",
    "texte",
    "markdown",
    "markdown-ligne",
    "date",
    "choix",
    "liste",
    "objet",
    "nombre",
]
Ref = Literal["theme", "piste", "cas", "etude", "alias", ""]

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG_MAX = 80

# What the template of ``make new`` writes where a researcher must write: a value that
# still holds it is a problem, so that an unfilled scaffold never passes the check.
PLACEHOLDER = "À REMPLIR"


@dataclass(frozen=True)
class Field:
    """One key of the format: its kind, its rules and its French help text."""

    key: str
    kind: Kind
    description: str
    required: bool = False
    max_length: int | None = None
    choices: tuple[str, ...] = ()
    default: str | None = None
    item: Field | None = None
    fields: tuple[Field, ...] = ()
    min_items: int = 0
    ref: Ref = ""
    example: object = None
    maximum: int | None = None  # for "nombre": whole numbers from 1 to ``maximum``

    def child(self, key: str) -> Field | None:
        """The sub-field named ``key`` of an ``objet``, if any."""
        return next((field for field in self.fields if field.key == key), None)


def _ids(description: str, ref: Ref, example: list[str], min_items: int = 0) -> Field:
    item = Field("", "identifiant", "identifiant", ref=ref, max_length=SLUG_MAX)
    return Field("", "liste", description, item=item, min_items=min_items, example=example)


def _with_key(field: Field, key: str, required: bool = False) -> Field:
    return Field(
        key,
        field.kind,
        field.description,
        required,
        field.max_length,
        field.choices,
        field.default,
        field.item,
        field.fields,
        field.min_items,
        field.ref,
        field.example,
    )


OPTION = Field(
    "",
    "objet",
    "une option du dilemme",
    fields=(
        Field(
            "choix",
            "texte",
            "le choix, en une ligne de texte simple",
            True,
            160,
            example="Laisser à la cliente le temps de réfléchir",
        ),
        Field(
            "consequences",
            "markdown",
            "les conséquences de ce choix pour la clientèle, la personne, l'équipe et "
            "l'organisation (Markdown)",
            True,
            example="La cliente est respectée ; l'appel ne compte pas comme une vente.",
        ),
    ),
)

VIGNETTE = Field(
    "",
    "objet",
    "Une vignette de « Dilemmes au travail » : un cas anonymisé, fichier cases/<id>.yaml",
    fields=(
        Field(
            "id",
            "identifiant",
            "identifiant du cas, égal au nom du fichier sans .yaml : minuscules sans accents, "
            "chiffres et traits d'union (80 caractères au plus) ; il forme l'adresse cas/<id>/",
            True,
            SLUG_MAX,
            example="vente-des-le-premier-appel",
        ),
        Field(
            "titre",
            "texte",
            "titre du cas, en texte simple (120 caractères au plus)",
            True,
            120,
            example="Conclure la vente dès le premier appel",
        ),
        Field(
            "resume",
            "texte",
            "résumé en une ou deux phrases, texte simple (300 caractères au plus) ; affiché "
            "dans les listes, les résultats de recherche et la description de la page",
            True,
            300,
            example="Un outil de soumission en ligne permet de conclure dès le premier "
            "contact, mais la cliente souhaite comparer avant de s'engager.",
        ),
        Field(
            "statut",
            "choix",
            "« publie » (par défaut) ou « brouillon » : un brouillon n'apparaît que dans "
            "make serve",
            choices=("publie", "brouillon"),
            default="publie",
            example="brouillon",
        ),
        Field(
            "contexte",
            "objet",
            "le cadre du cas, en texte simple",
            fields=(
                Field(
                    "secteur",
                    "texte",
                    "secteur d'activité",
                    max_length=120,
                    example="Assurance de dommages",
                ),
                Field(
                    "fonction",
                    "texte",
                    "fonction de la personne au centre du cas",
                    max_length=120,
                    example="Conseillère au service à la clientèle",
                ),
                Field(
                    "canal",
                    "texte",
                    "canal de la relation avec la clientèle",
                    max_length=120,
                    example="Centre d'appels",
                ),
            ),
        ),
        _with_key(
            _ids(
                "thèmes du cas (au moins un) : identifiants de docs/themes/<id>.md",
                "theme",
                ["pression-a-la-vente", "qualite-du-service"],
                1,
            ),
            "themes",
            True,
        ),
        Field(
            "recit",
            "markdown",
            "la situation racontée sans noms (Markdown ; titres éventuels au niveau ###)",
            True,
            example="Depuis l'arrivée du nouvel outil de soumission, …",
        ),
        Field(
            "dilemme",
            "objet",
            "le dilemme : une question et au moins deux options",
            True,
            fields=(
                Field(
                    "question",
                    "texte",
                    "la question du dilemme, en texte simple",
                    True,
                    300,
                    example="Faut-il insister pour conclure la vente pendant l'appel ?",
                ),
                Field(
                    "options",
                    "liste",
                    "au moins deux options",
                    True,
                    item=OPTION,
                    min_items=2,
                    example=[
                        {
                            "choix": "Insister pour conclure maintenant",
                            "consequences": "L'objectif du jour progresse ; la cliente "
                            "pourrait regretter son achat.",
                        },
                        {
                            "choix": "Laisser à la cliente le temps de réfléchir",
                            "consequences": "La cliente est respectée ; l'appel ne compte "
                            "pas comme une vente.",
                        },
                    ],
                ),
            ),
        ),
        Field(
            "questions",
            "liste",
            "questions pour la discussion (au moins une), chacune en Markdown sur une ligne",
            True,
            min_items=1,
            item=Field("", "markdown-ligne", "une question", max_length=500),
            example=["Quelles marges de manœuvre la conseillère a-t-elle réellement ?"],
        ),
        _with_key(
            _ids(
                "pistes d'action liées : identifiants de docs/pistes/<id>.md",
                "piste",
                ["reconnaitre-les-efforts"],
            ),
            "pistes",
        ),
        _with_key(
            _ids(
                "autres cas liés (le lien s'affiche sur les deux pages)",
                "cas",
                ["cadence-et-erreurs-de-saisie"],
            ),
            "cas_lies",
        ),
        Field(
            "animation",
            "markdown",
            "notes pour les personnes qui animent (Markdown ; absentes de la vue employé)",
            example="Commencez par un tour de table sur les objectifs vécus.",
        ),
        Field(
            "mots_cles",
            "liste",
            "mots-clés libres, synonymes qui aident la recherche",
            item=Field("", "texte", "un mot-clé", max_length=60),
            example=["vente sous pression", "soumission en ligne"],
        ),
        Field(
            "source",
            "objet",
            "la provenance du cas",
            True,
            fields=(
                Field(
                    "etude",
                    "identifiant",
                    "identifiant d'une étude de cases/_sources.yaml",
                    True,
                    SLUG_MAX,
                    ref="etude",
                    example="crievat-2022",
                ),
                Field(
                    "type",
                    "choix",
                    "« composite » (construit à partir de plusieurs récits) ou « adapte » "
                    "(un seul récit, modifié)",
                    True,
                    choices=("composite", "adapte"),
                    example="composite",
                ),
            ),
        ),
        Field(
            "anonymisation",
            "objet",
            "la revue d'anonymisation",
            True,
            fields=(
                Field(
                    "revise_le",
                    "date",
                    "date de la revue d'anonymisation (AAAA-MM-JJ)",
                    True,
                    example="2026-11-20",
                ),
                Field(
                    "accepter",
                    "liste",
                    "mots que la vérification des données personnelles accepte dans ce fichier "
                    "(pseudonyme, organisme public)",
                    item=Field("", "texte", "un mot ou une expression", max_length=120),
                    example=["Autorité des marchés financiers"],
                ),
            ),
        ),
        _with_key(
            _ids(
                "anciens identifiants de ce cas : chaque ancienne adresse cas/<alias>/ mène ici",
                "alias",
                ["ancien-identifiant"],
            ),
            "alias",
        ),
    ),
)

THEME = Field(
    "",
    "objet",
    "front matter d'une page de thème docs/themes/<id>.md",
    fields=(
        Field("titre", "texte", "titre du thème", True, 120),
        Field("resume", "texte", "résumé du thème", True, 300),
    ),
)

PISTE = Field(
    "",
    "objet",
    "front matter d'une piste d'action docs/pistes/<id>.md",
    fields=(
        Field("titre", "texte", "titre de la piste", True, 120),
        Field("resume", "texte", "résumé de la piste", True, 300),
        _with_key(
            _ids("thèmes que la piste aborde", "theme", ["qualite-du-service"], 1), "themes", True
        ),
        Field(
            "niveau",
            "choix",
            "qui peut agir : individuel, collectif ou organisationnel",
            True,
            choices=("individuel", "collectif", "organisationnel"),
        ),
    ),
)

SOURCE = Field(
    "",
    "objet",
    "une étude de cases/_sources.yaml",
    fields=(
        Field("titre", "texte", "titre descriptif de l'étude", True, 200),
        Field("organisation", "texte", "organisation qui a mené l'étude", True, 200),
        Field("methode", "texte", "méthode", True, 200),
        Field("participants", "texte", "participantes et participants", True, 200),
        Field("periode", "texte", "période de l'étude", True, 200),
        Field("secteur", "texte", "secteur étudié", True, 200),
        Field("resume", "texte", "ce que l'étude a observé, en quelques phrases", True, 1000),
    ),
)

PARCOURS_DIR = "cases/_parcours"
DUREE_MAX = 480  # minutes: a full day of training
ETAPE_DUREE_MAX = 240

ETAPE = Field(
    "",
    "objet",
    "une étape du parcours : un cas (« cas ») ou une activité sans cas (« titre »)",
    fields=(
        Field(
            "cas",
            "identifiant",
            "identifiant d'un cas publié (cases/<id>.yaml) ; le titre de l'étape est celui du cas",
            max_length=SLUG_MAX,
            ref="cas",
            example="vente-des-le-premier-appel",
        ),
        Field(
            "titre",
            "texte",
            "titre d'une étape sans cas (accueil, pause, synthèse), en texte simple "
            "(120 caractères au plus)",
            max_length=120,
            example="Accueil et consignes",
        ),
        Field(
            "duree",
            "nombre",
            "durée de l'étape en minutes, un nombre entier sans unité (par exemple 15)",
            True,
            maximum=ETAPE_DUREE_MAX,
            example=15,
        ),
        Field(
            "consignes",
            "markdown",
            "ce que fait la personne qui anime pendant l'étape (Markdown ; titres éventuels "
            "au niveau ###)",
            True,
            example="Lisez le récit à voix haute, puis faites voter le groupe à main levée.",
        ),
        Field(
            "questions",
            "liste",
            "numéros des questions du cas à privilégier (1 pour la première) ; seulement "
            "avec « cas »",
            item=Field(
                "",
                "nombre",
                "un numéro de question du cas, un nombre entier (par exemple 2)",
                maximum=50,
            ),
            example=[1, 3],
        ),
    ),
)

PARCOURS = Field(
    "",
    "objet",
    "Un parcours de formation : des cas dans un ordre, fichier cases/_parcours/<id>.yaml",
    fields=(
        Field(
            "titre",
            "texte",
            "titre du parcours, en texte simple (120 caractères au plus)",
            True,
            120,
            example="La pression à la vente, en équipe",
        ),
        Field(
            "resume",
            "texte",
            "résumé en une ou deux phrases, texte simple (300 caractères au plus) ; affiché "
            "dans la liste des parcours et la description de la page",
            True,
            300,
            example="Une discussion de 45 minutes sur deux situations de vente sous pression.",
        ),
        Field(
            "statut",
            "choix",
            "« publie » (par défaut) ou « brouillon » : un brouillon n'apparaît que dans "
            "make serve",
            choices=("publie", "brouillon"),
            default="publie",
            example="brouillon",
        ),
        Field(
            "public",
            "texte",
            "à qui s'adresse le parcours, en texte simple (200 caractères au plus)",
            True,
            200,
            example="Une équipe du service à la clientèle, de 6 à 15 personnes",
        ),
        Field(
            "duree",
            "nombre",
            f"durée totale en minutes, un nombre entier sans unité (par exemple 45 ; "
            f"{DUREE_MAX} au plus) ; égale à la somme des durées des étapes",
            True,
            maximum=DUREE_MAX,
            example=45,
        ),
        Field(
            "objectifs",
            "liste",
            "ce que le groupe aura fait à la fin (au moins un), chacun en Markdown sur une ligne",
            True,
            min_items=1,
            item=Field("", "markdown-ligne", "un objectif", max_length=300),
            example=["Distinguer un argument de vente d'une pression sur la clientèle."],
        ),
        Field(
            "materiel",
            "liste",
            "le matériel à prévoir, chacun en Markdown sur une ligne",
            item=Field("", "markdown-ligne", "un élément de matériel", max_length=300),
            example=["Un tableau ou une grande feuille pour noter les idées"],
        ),
        Field(
            "preparation",
            "markdown",
            "ce que la personne qui anime fait avant la séance (Markdown)",
            example="Lisez les deux cas et leurs notes d'animation.",
        ),
        Field(
            "etapes",
            "liste",
            "les étapes, dans l'ordre de la séance (au moins une)",
            True,
            item=ETAPE,
            min_items=1,
        ),
        Field(
            "conclusion",
            "markdown",
            "pour la suite, après la séance : pistes, ressources, suivi (Markdown)",
            example="Proposez de revenir sur les pistes nommées à la prochaine réunion.",
        ),
    ),
)
