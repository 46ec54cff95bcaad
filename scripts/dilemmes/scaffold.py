"""``make new``: a title and themes to a new vignette file, from a commented template.

Pure functions: the caller reads the registries, asks the questions and writes the file
(exclusively: an existing file is never replaced). The scaffold carries ``fields.PLACEHOLDER``
wherever a researcher must write, so that ``make check`` lists what is left to fill.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

import jinja2

from . import fields
from .validate import closest

CASES_DIR = "cases"
TEMPLATE = "nouvelle-vignette.yaml.j2"


def _title_max() -> int:
    title = fields.VIGNETTE.child("titre")
    assert title is not None and title.max_length is not None
    return title.max_length


TITLE_MAX = _title_max()

# Ligatures and letters that Unicode does not decompose into a base letter plus accents.
_LETTERS = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d"})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class NewCase:
    """A vignette to create: its path in the project and its text."""

    path: str
    text: str


def case_id(title: str) -> str:
    """The id a title gives: lowercase, accents off, œ → oe, other signs → ``-``, ≤ 80.

    ``"L'erreur d'un collègue"`` gives ``"l-erreur-d-un-collegue"``; a title without a
    letter or a digit gives ``""``.
    """
    text = title.lower().translate(_LETTERS)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    slug = _NON_ALNUM.sub("-", text).strip("-")
    if len(slug) > fields.SLUG_MAX:
        cut = slug[: fields.SLUG_MAX + 1]
        # Cut at a word boundary when there is one, so the id stays readable.
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut[: fields.SLUG_MAX]
        slug = slug.strip("-")[: fields.SLUG_MAX]
    return slug if fields.SLUG.fullmatch(slug) else ""


def case_path(identifier: str) -> str:
    return f"{CASES_DIR}/{identifier}.yaml"


def title_problems(title: str) -> list[str]:
    """What makes a title unusable, in French; empty when it is fine."""
    title = title.strip()
    if not title:
        return ["le titre est vide ; donnez le titre du cas"]
    if any(unicodedata.category(ch) == "Cc" for ch in title):
        return ["le titre tient sur une seule ligne, sans caractère de contrôle"]
    problems = []
    if len(title) > TITLE_MAX:
        problems.append(f"le titre compte {len(title)} caractères ; {TITLE_MAX} au plus")
    if not case_id(title):
        problems.append(
            f"le titre « {title} » ne donne aucun identifiant : il doit contenir au moins "
            "une lettre ou un chiffre"
        )
    return problems


def parse_themes(answer: str, known: Collection[str]) -> tuple[list[str], list[str]]:
    """Theme ids from an answer (ids, titles without accents, or numbers of the list).

    Returns the ids and the problems (unknown themes with a suggestion).
    """
    ordered = sorted(known)
    # Commas when there are some (« Pression à la vente, Qualité du service »), else spaces.
    tokens = re.split(r"[,;]" if re.search(r"[,;]", answer) else r"\s+", answer)
    themes: list[str] = []
    problems: list[str] = []
    for token in (t.strip() for t in tokens):
        if not token:
            continue
        if token.isdigit() and 1 <= int(token) <= len(ordered):
            theme = ordered[int(token) - 1]
        else:
            theme = case_id(token)
        if theme in known:
            if theme not in themes:
                themes.append(theme)
            continue
        near = _near(theme, ordered)
        hint = f" ; vouliez-vous dire « {near} » ?" if near else ""
        problems.append(f"thème inconnu « {token} »{hint} ; thèmes connus : {', '.join(ordered)}")
    return themes, problems


def _near(word: str, known: list[str]) -> str | None:
    """The closest theme: by spelling, or the one a word starts (« pression »)."""
    starting = [k for k in known if word and k.startswith(word)]
    if len(starting) == 1:
        return starting[0]
    return closest(word, known)


def render_new_case(identifier: str, title: str, themes: list[str], studies: list[str]) -> str:
    """The scaffold's text: the template with the id, the title and the themes."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("dilemmes", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # YAML, not HTML: the one contributor text is quoted by ``yaml``
        keep_trailing_newline=True,
    )
    # A JSON string is a YAML double-quoted scalar: quotes, backslashes and every other
    # character of the title stay exactly as typed.
    env.filters["yaml"] = lambda text: json.dumps(text, ensure_ascii=False)
    return env.get_template(TEMPLATE).render(
        id=identifier,
        title=title.strip(),
        themes=themes,
        studies=studies,
        placeholder=fields.PLACEHOLDER,
    )


def prepare(
    title: str,
    themes: list[str],
    known_themes: Collection[str],
    studies: list[str],
    exists: Callable[[str], bool],
) -> tuple[NewCase | None, list[str]]:
    """The new case for a title and theme ids, or why it cannot be created."""
    problems = title_problems(title)
    if problems:
        return None, problems
    identifier = case_id(title)
    path = case_path(identifier)
    if exists(path):
        return None, [
            f"{path} existe déjà ; il n'est jamais remplacé : choisissez un autre titre, "
            "ou modifiez ce fichier"
        ]
    if not themes:
        listed = ", ".join(sorted(known_themes))
        return None, [f"donnez au moins un thème ; thèmes connus : {listed}"]
    unknown = [t for t in themes if t not in known_themes]
    if unknown:
        return None, parse_themes(" ".join(unknown), known_themes)[1]
    return NewCase(path, render_new_case(identifier, title, themes, studies)), []


Ask = Callable[[str], str]
Say = Callable[[str], None]


def ask_title(ask: Ask, say: Say, exists: Callable[[str], bool]) -> str:
    """Ask until the title is usable and its file does not exist yet."""
    while True:
        title = ask(f"Titre du cas ({TITLE_MAX} caractères au plus) : ").strip()
        problems = title_problems(title)
        if not problems and exists(case_path(case_id(title))):
            problems = [f"{case_path(case_id(title))} existe déjà ; choisissez un autre titre"]
        if not problems:
            say(f"Identifiant : {case_id(title)}")
            return title
        for problem in problems:
            say(problem)


def ask_themes(ask: Ask, say: Say, known: Mapping[str, str]) -> list[str]:
    """Show the known themes, numbered, and ask until at least one valid theme is given."""
    say("Thèmes connus :")
    for number, theme in enumerate(sorted(known), 1):
        say(f"  {number}. {theme} : {known[theme]}")
    while True:
        answer = ask("Thèmes du cas (numéros ou identifiants, séparés par des espaces) : ")
        themes, problems = parse_themes(answer, known)
        if not problems and themes:
            return themes
        for problem in problems or ["donnez au moins un thème"]:
            say(problem)
