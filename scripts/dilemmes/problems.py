"""Problems are data: a located, coded, French message about one input file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, printed as ``path:line: message``.

    ``code`` is a short kebab-case word documented in the contribution guide; the
    message says what was found, what is expected and how to fix it.
    """

    path: str
    line: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def format_problems(problems: Iterable[Problem]) -> str:
    """All problems, sorted by file then line, one per line."""
    return "".join(f"{problem}\n" for problem in sorted(set(problems)))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem) -> str:
    """The problem as a GitHub Actions workflow command: an error on its file and line.

    Escaping follows the runner's rules (actions/toolkit, ``packages/core/src/command.ts``):
    ``%``, CR and LF in the message; also ``:`` and ``,`` in property values.
    """
    properties = ",".join(
        f"{name}={_escape_property(value)}"
        for name, value in (
            ("file", problem.path),
            ("line", str(problem.line)),
            ("title", problem.code),
        )
    )
    return f"::error {properties}::{_escape_data(problem.message)}"


def format_github(problems: Iterable[Problem]) -> str:
    """All problems as workflow commands, in the order of ``format_problems``."""
    return "".join(f"{github_annotation(problem)}\n" for problem in sorted(set(problems)))


# Every problem code, with what it means in a few words. The contribution guide explains
# each one with an example and its fix; tests/test_contribuer.py checks that every code
# used in the package is here and that the guide documents every code listed here.
CODES: dict[str, str] = {
    # Reading the file (load.py)
    "fichier-trop-gros": "le fichier dépasse la taille permise",
    "encodage": "le fichier n'est pas enregistré en UTF-8",
    "caractere-invisible": "un caractère invisible ou de contrôle se cache dans le texte",
    "fichier-vide": "le fichier ne contient rien",
    "yaml-syntaxe": "la syntaxe YAML est invalide",
    "plusieurs-documents": "le fichier contient plusieurs documents YAML",
    "ancre-interdite": "ancre (&) ou alias (*) YAML",
    "etiquette-interdite": "étiquette YAML explicite (!…)",
    "imbrication-trop-profonde": "trop de niveaux imbriqués",
    "cle-dupliquee": "la même clé apparaît deux fois",
    # The format (validate.py, project.py)
    "racine-non-objet": "le fichier ne commence pas par des clés",
    "cle-inconnue": "clé qui ne fait pas partie du format",
    "cle-manquante": "clé obligatoire absente",
    "type-invalide": "une liste, des clés ou un texte là où autre chose est attendu",
    "liste-trop-courte": "liste qui compte trop peu d'éléments",
    "valeur-vide": "valeur vide",
    "a-remplir": "marque « À REMPLIR » du modèle laissée en place",
    "conversion-implicite": "valeur que YAML lirait comme un booléen, un nombre ou une date",
    "commentaire-inattendu": "« # » qui coupe un texte non cité",
    "texte-multiligne": "texte sur plusieurs lignes là où une seule est permise",
    "texte-trop-long": "texte plus long que permis",
    "identifiant-invalide": "identifiant qui n'est pas en minuscules, chiffres et traits d'union",
    "valeur-invalide": "valeur qui n'est pas dans la liste des valeurs permises",
    "date-invalide": "date qui n'est pas au format AAAA-MM-JJ",
    "titre-niveau": "titre Markdown de niveau 1 ou 2",
    "lien-interdit": "lien dont l'adresse n'est ni http(s), ni mailto, ni relative",
    "identifiant-fichier": "l'identifiant ne correspond pas au nom du fichier",
    "front-matter-manquant": "page de thème ou de piste sans front matter",
    "fichier-manquant": "registre des études absent",
    # Across files (references.py)
    "theme-inconnu": "thème qui n'existe pas dans docs/themes/",
    "piste-inconnue": "piste d'action qui n'existe pas dans docs/pistes/",
    "cas-inconnu": "cas lié qui n'existe pas, ou cas lié à lui-même",
    "etude-inconnue": "étude absente de cases/_sources.yaml",
    "identifiant-duplique": "identifiant ou alias utilisé par deux cas",
    # Training paths (parcours.py)
    "nombre-invalide": "durée ou numéro de question qui n'est pas un nombre entier permis",
    "duree-incoherente": "les durées des étapes ne totalisent pas la durée du parcours",
    "etape-incomplete": "étape de parcours sans cas ni titre, ou avec les deux",
    "questions-sans-cas": "questions choisies dans une étape de parcours sans cas",
    "cas-brouillon": "cas en brouillon dans un parcours publié",
    "cas-repete": "le même cas à deux étapes d'un parcours",
    "question-inconnue": "numéro de question que le cas n'a pas",
    "fichier-ignore": "parcours dans un fichier .yml au lieu de .yaml",
    # Anonymisation (personal_data.py, anonymity.py)
    "donnee-personnelle": "donnée personnelle possible : nom, numéro, adresse, date de naissance…",
    # Published addresses (addresses.py, adresses.txt)
    "adresse-perdue": "adresse publiée qui ne mène plus nulle part (cas renommé sans alias…)",
    "adresse-invalide": "ligne de adresses.txt qui n'est pas une adresse du site",
    "adresse-en-double": "adresse listée deux fois dans adresses.txt",
    # The audit of the built site (audit.py): a defect of the code, not of a vignette
    "audit-script": "script ou style inattendu dans une page construite",
    "audit-evenement": "attribut d'événement (onclick…) dans une page construite",
    "audit-url": "adresse active (javascript:, data:…) ou redirection vers un autre site",
    "audit-balise": "balise hors de la liste permise dans le contenu d'une page construite",
    "audit-titre": "élément <title> manquant, en double ou qui contient du HTML",
    "audit-squelette": "structure de page cassée par une balise",
}
