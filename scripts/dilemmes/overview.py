"""The overview: which guidance pages address which themes, and how many cases support each.

One table, guidance pages in rows and themes in columns. A cell counts the cases that have
the column's theme and lead to the row's guidance page; it is marked when the guidance
page itself names the theme. The colour of a cell follows its count, in five steps, and
the number is always written: the colour only repeats it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import render
from .model import Corpus, Piste, Theme

STEPS = 4  # heat classes vue-n0 (no case) to vue-n4 (the largest count)
NIVEAU_ORDER = ("individuel", "collectif", "organisationnel")


@dataclass(frozen=True)
class Cell:
    theme: Theme
    count: int
    addressed: bool  # the guidance page lists this theme in its front matter
    step: int


@dataclass(frozen=True)
class Row:
    piste: Piste
    cells: tuple[Cell, ...]
    total: int  # cases that lead to this guidance page, whatever their themes


@dataclass(frozen=True)
class Overview:
    themes: tuple[Theme, ...]
    rows: tuple[Row, ...]
    theme_totals: tuple[int, ...]  # cases of each theme
    largest: int


def build_overview(corpus: Corpus) -> Overview:
    """The table, in time proportional to the links between cases and guidance pages."""
    themes = tuple(corpus.themes.values())
    counts: dict[tuple[str, str], int] = {}
    for piste_id, cases in corpus.cases_by_piste.items():
        for case in cases:
            for theme_id in case.themes:
                counts[piste_id, theme_id] = counts.get((piste_id, theme_id), 0) + 1
    largest = max(counts.values(), default=0)
    pistes = sorted(
        corpus.pistes.values(),
        key=lambda p: (NIVEAU_ORDER.index(p.niveau), p.titre.casefold()),
    )
    rows = tuple(
        Row(
            piste=piste,
            cells=tuple(
                _cell(theme, counts.get((piste.id, theme.id), 0), piste, largest)
                for theme in themes
            ),
            total=len(corpus.cases_by_piste.get(piste.id, ())),
        )
        for piste in pistes
    )
    totals = tuple(len(corpus.cases_by_theme.get(theme.id, ())) for theme in themes)
    return Overview(themes, rows, totals, largest)


def _cell(theme: Theme, count: int, piste: Piste, largest: int) -> Cell:
    step = math.ceil(STEPS * count / largest) if count else 0
    return Cell(theme, count, theme.id in piste.themes, step)


def render_overview(corpus: Corpus) -> str:
    """The Markdown of ``vue-d-ensemble/``."""
    return render.render_page("overview.md.j2", overview=build_overview(corpus))
