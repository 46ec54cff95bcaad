"""Render a training path: its page, its printable kit (trousse) and the list of paths.

Like ``render``, only Markdown strings, no I/O; the case content of the kit comes from
the same macros as the case page (``cas_contenu.md.j2``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Case, Corpus, Etape, Parcours, Piste
from .render import template


@dataclass(frozen=True)
class Step:
    """A step as the pages show it: its number, title, case and place in the session."""

    number: int
    etape: Etape
    titre: str
    case: Case | None
    start: int
    end: int


def minutes_fr(minutes: int) -> str:
    """``45`` as « 45 min », ``90`` as « 1 h 30 », ``120`` as « 2 h »."""
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


def steps(parcours: Parcours, corpus: Corpus) -> list[Step]:
    """Each step with its case and its start and end, in minutes from the start."""
    shown, start = [], 0
    for number, etape in enumerate(parcours.etapes, 1):
        case = corpus.cases.get(etape.cas) if etape.cas else None
        titre = case.titre if case is not None else etape.titre
        shown.append(Step(number, etape, titre, case, start, start + etape.duree))
        start += etape.duree
    return shown


def pistes(parcours: Parcours, corpus: Corpus) -> list[Piste]:
    """The guidance pages of the path's cases, in the order the cases come."""
    seen: dict[str, Piste] = {}
    for step in steps(parcours, corpus):
        for piste_id in step.case.pistes if step.case else ():
            if piste_id in corpus.pistes:
                seen.setdefault(piste_id, corpus.pistes[piste_id])
    return list(seen.values())


def _context(parcours: Parcours, corpus: Corpus) -> dict[str, object]:
    shown = steps(parcours, corpus)
    return {
        "parcours": parcours,
        "steps": shown,
        "case_count": sum(1 for step in shown if step.case is not None),
        "pistes": pistes(parcours, corpus),
        "duree": minutes_fr,
    }


def render_parcours(parcours: Parcours, corpus: Corpus) -> str:
    """``parcours/<id>/``: the plan of a path, with a link to each case and to the kit."""
    return template("parcours.md.j2").render(**_context(parcours, corpus))


def render_trousse(parcours: Parcours, corpus: Corpus) -> str:
    """``parcours/<id>/trousse/``: the plan, then each case in full, ready to print."""
    return template("trousse.md.j2").render(**_context(parcours, corpus))


def render_parcours_index(corpus: Corpus) -> str:
    """``parcours/``: every path with its résumé, audience and duration."""
    listed = [
        (one, sum(1 for etape in one.etapes if etape.cas)) for one in corpus.parcours.values()
    ]
    return template("parcours_index.md.j2").render(parcours=listed, duree=minutes_fr)
