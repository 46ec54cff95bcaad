"""Facets of the case explorer: what each case can be filtered by, and the choices offered.

Themes, guidance pages and guidance levels are ids. Roles (``contexte.fonction``) and
channels (``contexte.canal``) are free text written by researchers, so they are grouped:
a role's key ignores case, accents and grammatical gender (« Conseillère » and
« Conseiller » are one choice, shown as both were written); a channel that names several
(« Téléphone (centre d'appels) », « Téléphone et courriel ») counts under each one.
Keys are slugs: they appear in shareable addresses such as ``cas/?fonction=chef-d-equipe``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Case, Corpus

UNSPECIFIED = "non-precise"
NIVEAU_LABELS = {
    "individuel": "Individuel : ce que chaque personne peut faire",
    "collectif": "Collectif : ce que l'équipe peut faire",
    "organisationnel": "Organisationnel : ce que l'organisation peut faire",
}

_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "’": "'", "‘": "'", "ʼ": "'"})
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# Feminine endings of French job titles, and the masculine they pair with; applied to
# both forms, so a rule that also fits an unrelated word changes both sides alike.
_GENDER_ENDINGS = (
    ("trice", "teur"),
    ("euse", "eur"),
    ("ienne", "ien"),
    ("ointe", "oint"),
    ("ente", "ent"),
    ("ante", "ant"),
    ("elle", "el"),
    ("ere", "er"),
    ("ffe", "f"),
    ("ive", "if"),
    ("ale", "al"),
    ("ee", "e"),
)
# « Téléphone (centre d'appels) », « En personne et visioconférence », « Courriel, clavardage ».
_CHANNEL_PARTS = re.compile(r"\s*(?:[()/,;+]|\bet\b|\bou\b)\s*")


def fold(text: str) -> str:
    """Lower case, without accents or ligatures, spaces collapsed: « Œuvre  É » → « oeuvre e »."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_LIGATURES))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.split())


def slug(text: str) -> str:
    """« Chef d'équipe » → ``chef-d-equipe``."""
    return _NOT_ALNUM.sub("-", fold(text)).strip("-")


def _masculine(word: str) -> str:
    if len(word) <= 4:
        return word
    for feminine, masculine in _GENDER_ENDINGS:
        if word.endswith(feminine):
            return word[: -len(feminine)] + masculine
    return word


def role_key(text: str) -> str:
    """The key of a role, the same for its feminine and masculine forms."""
    return "-".join(_masculine(word) for word in slug(text).split("-") if word)


def channel_parts(text: str) -> list[tuple[str, str]]:
    """``(key, label)`` of each channel named in a ``canal`` value, in order, once each."""
    parts: dict[str, str] = {}
    for part in _CHANNEL_PARTS.split(text):
        key = slug(part)
        if key and key not in parts:
            parts[key] = part[:1].upper() + part[1:]
    return list(parts.items())


@dataclass(frozen=True)
class Choice:
    """One value offered by a filter: its key in the address, its label, its case count."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class CaseFacets:
    """The keys a case is filed under, one tuple per filter (``data-*`` of its list item)."""

    themes: tuple[str, ...]
    pistes: tuple[str, ...]
    niveaux: tuple[str, ...]
    fonction: str
    canaux: tuple[str, ...]


@dataclass(frozen=True)
class Facets:
    """Every case's keys, and each filter's choices with their counts."""

    cases: dict[str, CaseFacets]
    themes: tuple[Choice, ...]
    pistes: tuple[Choice, ...]
    niveaux: tuple[Choice, ...]
    fonctions: tuple[Choice, ...]
    canaux: tuple[Choice, ...]


def case_facets(case: Case, corpus: Corpus) -> CaseFacets:
    """The keys of one case; unknown references (a preview with problems) are left out."""
    pistes = tuple(p for p in case.pistes if p in corpus.pistes)
    levels = {corpus.pistes[p].niveau for p in pistes}
    fonction = case.contexte.get("fonction", "")
    canal = case.contexte.get("canal", "")
    return CaseFacets(
        themes=tuple(t for t in case.themes if t in corpus.themes),
        pistes=pistes,
        niveaux=tuple(n for n in NIVEAU_LABELS if n in levels),
        fonction=role_key(fonction) or UNSPECIFIED,
        canaux=tuple(key for key, _ in channel_parts(canal)) or (UNSPECIFIED,),
    )


def build_facets(corpus: Corpus) -> Facets:
    """The explorer's filters for a corpus, in one pass over the cases."""
    cases = {case.id: case_facets(case, corpus) for case in corpus.sorted_cases()}
    counts: dict[str, Counter[str]] = {name: Counter() for name in _FILTERS}
    role_labels: dict[str, Counter[str]] = {}
    channel_labels: dict[str, Counter[str]] = {}
    for case in corpus.cases.values():
        keys = cases[case.id]
        for name in _FILTERS:
            counts[name].update(_keys(keys, name))
        if case.contexte.get("fonction"):
            written = " ".join(case.contexte["fonction"].split())
            role_labels.setdefault(keys.fonction, Counter())[written] += 1
        for key, label in channel_parts(case.contexte.get("canal", "")):
            channel_labels.setdefault(key, Counter())[label] += 1
    return Facets(
        cases=cases,
        themes=tuple(Choice(t.id, t.titre, counts["themes"][t.id]) for t in corpus.themes.values()),
        pistes=tuple(Choice(p.id, p.titre, counts["pistes"][p.id]) for p in corpus.pistes.values()),
        niveaux=tuple(Choice(n, label, counts["niveaux"][n]) for n, label in NIVEAU_LABELS.items()),
        fonctions=_free_text_choices(role_labels, counts["fonction"], "Non précisée"),
        canaux=_free_text_choices(channel_labels, counts["canaux"], "Non précisé"),
    )


_FILTERS = ("themes", "pistes", "niveaux", "fonction", "canaux")


def _keys(keys: CaseFacets, name: str) -> Iterable[str]:
    value = getattr(keys, name)
    return (value,) if isinstance(value, str) else value


def _free_text_choices(
    labels: dict[str, Counter[str]], counts: Counter[str], unspecified: str
) -> tuple[Choice, ...]:
    """Grouped values, alphabetical; each shows its spellings, the most used first."""
    choices = [
        Choice(key, _joined(_by_use(written)), counts[key])
        for key, written in sorted(labels.items())
        if key != UNSPECIFIED  # « Non précisé » written out joins the cases without a value
    ]
    if counts[UNSPECIFIED]:
        choices.append(Choice(UNSPECIFIED, unspecified, counts[UNSPECIFIED]))
    return tuple(choices)


def _by_use(written: Counter[str]) -> list[str]:
    return [label for label, _ in sorted(written.items(), key=lambda item: (-item[1], item[0]))]


def _joined(spellings: list[str]) -> str:
    """« Cheffe d'équipe », « Chef d'équipe » → « Cheffe / Chef d'équipe »."""
    if len(spellings) == 1:
        return spellings[0]
    words = [spelling.split() for spelling in spellings]
    shared = 0
    while shared < min(map(len, words)) - 1 and len({w[-1 - shared] for w in words}) == 1:
        shared += 1
    if shared == 0:
        return " / ".join(spellings)
    heads = " / ".join(" ".join(w[:-shared]) for w in words)
    return f"{heads} {' '.join(words[0][-shared:])}"
