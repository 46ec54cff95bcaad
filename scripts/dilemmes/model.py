"""Model: frozen records of cases, themes, guidance and studies, and the corpus indexes.

The corpus is complete before any page is rendered: backlinks (a theme's cases, a
guidance page's cases, related cases in both directions) are indexes computed once
here, in time linear in the number of cases.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Option:
    choix: str
    consequences: str


@dataclass(frozen=True)
class Case:
    """A vignette, as the pages need it."""

    id: str
    path: str
    titre: str
    resume: str
    themes: tuple[str, ...]
    recit: str
    question: str
    options: tuple[Option, ...]
    questions: tuple[str, ...]
    etude: str
    source_type: str
    revise_le: dt.date
    statut: str = "publie"
    contexte: dict[str, str] = field(default_factory=dict)
    pistes: tuple[str, ...] = ()
    cas_lies: tuple[str, ...] = ()
    animation: str = ""
    mots_cles: tuple[str, ...] = ()
    alias: tuple[str, ...] = ()

    @property
    def draft(self) -> bool:
        return self.statut == "brouillon"


@dataclass(frozen=True)
class Theme:
    id: str
    path: str
    titre: str
    resume: str
    body: str


@dataclass(frozen=True)
class Piste:
    id: str
    path: str
    titre: str
    resume: str
    themes: tuple[str, ...]
    niveau: str
    body: str


@dataclass(frozen=True)
class Dates:
    """When a vignette file first entered the repository and when a commit last changed it."""

    created: dt.datetime
    changed: dt.datetime

    @property
    def is_new(self) -> bool:
        """Not changed on a later day than the one it was added."""
        return self.created.date() == self.changed.date()


@dataclass(frozen=True)
class Publication:
    """Where the site lives and when each vignette changed, keyed by its path (git)."""

    site_name: str = ""
    site_url: str = ""
    history: dict[str, Dates] = field(default_factory=dict)
    # False in the offline archive, whose pages are files (``cas/<id>.html``).
    directory_urls: bool = True


@dataclass(frozen=True)
class Study:
    id: str
    titre: str
    organisation: str
    methode: str
    participants: str
    periode: str
    secteur: str
    resume: str


def case_from_values(path: str, values: dict[str, Any]) -> Case:
    """A ``Case`` from values that passed validation."""
    dilemme = values["dilemme"]
    return Case(
        id=values["id"],
        path=path,
        titre=values["titre"],
        resume=values["resume"],
        themes=tuple(values["themes"]),
        recit=values["recit"],
        question=dilemme["question"],
        options=tuple(Option(o["choix"], o["consequences"]) for o in dilemme["options"]),
        questions=tuple(values["questions"]),
        etude=values["source"]["etude"],
        source_type=values["source"]["type"],
        revise_le=values["anonymisation"]["revise_le"],
        statut=values.get("statut", "publie"),
        contexte=dict(values.get("contexte", {})),
        pistes=tuple(values.get("pistes", ())),
        cas_lies=tuple(values.get("cas_lies", ())),
        animation=values.get("animation", ""),
        mots_cles=tuple(values.get("mots_cles", ())),
        alias=tuple(values.get("alias", ())),
    )


@dataclass(frozen=True)
class Etape:
    """One step of a training path: a case, or an activity with a title of its own."""

    duree: int
    consignes: str
    cas: str = ""
    titre: str = ""
    questions: tuple[int, ...] = ()


@dataclass(frozen=True)
class Parcours:
    """A training path (cases/_parcours/<id>.yaml): cases in order, with instructions."""

    id: str
    path: str
    titre: str
    resume: str
    public: str
    duree: int
    objectifs: tuple[str, ...]
    etapes: tuple[Etape, ...]
    statut: str = "publie"
    materiel: tuple[str, ...] = ()
    preparation: str = ""
    conclusion: str = ""

    @property
    def draft(self) -> bool:
        return self.statut == "brouillon"


@dataclass(frozen=True)
class Corpus:
    """Every case, theme, guidance page and study, with the indexes pages need."""

    cases: dict[str, Case]
    themes: dict[str, Theme]
    pistes: dict[str, Piste]
    studies: dict[str, Study]
    cases_by_theme: dict[str, tuple[Case, ...]]
    cases_by_piste: dict[str, tuple[Case, ...]]
    pistes_by_theme: dict[str, tuple[Piste, ...]]
    related: dict[str, tuple[Case, ...]]
    parcours: dict[str, Parcours] = field(default_factory=dict)
    # Facts about the site and the repository rather than the vignettes; the MkDocs
    # adapter fills them in, tests pass them as data.
    publication: Publication = field(default_factory=Publication)

    def sorted_cases(self) -> list[Case]:
        return sorted(self.cases.values(), key=_title_key)


def _title_key(case: Case) -> tuple[str, str]:
    return (case.titre.casefold(), case.id)


def build_corpus(
    cases: list[Case], themes: list[Theme], pistes: list[Piste], studies: list[Study]
) -> Corpus:
    """The corpus and its indexes; related cases are linked in both directions."""
    by_id = {case.id: case for case in sorted(cases, key=_title_key)}
    by_theme: dict[str, list[Case]] = defaultdict(list)
    by_piste: dict[str, list[Case]] = defaultdict(list)
    related: dict[str, dict[str, Case]] = defaultdict(dict)
    for case in by_id.values():
        for theme in case.themes:
            by_theme[theme].append(case)
        for piste in case.pistes:
            by_piste[piste].append(case)
        for other_id in case.cas_lies:
            other = by_id.get(other_id)
            if other is not None and other.id != case.id:
                related[case.id][other.id] = other
                related[other.id][case.id] = case
    pistes_by_theme: dict[str, list[Piste]] = defaultdict(list)
    for guidance in sorted(pistes, key=lambda p: p.titre.casefold()):
        for theme_id in guidance.themes:
            pistes_by_theme[theme_id].append(guidance)
    return Corpus(
        cases=by_id,
        themes={theme.id: theme for theme in sorted(themes, key=lambda t: t.titre.casefold())},
        pistes={piste.id: piste for piste in sorted(pistes, key=lambda p: p.titre.casefold())},
        studies={study.id: study for study in studies},
        cases_by_theme={key: tuple(value) for key, value in by_theme.items()},
        cases_by_piste={key: tuple(value) for key, value in by_piste.items()},
        pistes_by_theme={key: tuple(value) for key, value in pistes_by_theme.items()},
        related={
            key: tuple(sorted(value.values(), key=_title_key)) for key, value in related.items()
        },
    )
