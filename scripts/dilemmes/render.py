"""Render: one record and its neighbours to a page's Markdown, with Jinja2; no I/O.

Templates produce Markdown for MkDocs. Contributor text enters them only through the
filters below: ``md`` and ``e`` escape plain text, ``block`` and ``inline`` turn
vignette Markdown into safe HTML, ``attr_yaml`` quotes front-matter values. No
contributor text is ever a template (``{{ 7*7 }}`` in a vignette stays as written).
"""

from __future__ import annotations

import datetime as dt
import json

import jinja2

from . import formation, markup, news
from .facets import build_facets
from .model import Case, Corpus, Piste, Theme

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
NIVEAUX = {
    "individuel": "individuel",
    "collectif": "collectif",
    "organisationnel": "organisationnel",
}
CONTEXTE_LABELS = (("secteur", "Secteur"), ("fonction", "Fonction"), ("canal", "Canal"))
SOURCE_LABELS = {
    "composite": "Vignette composite, construite à partir de plusieurs récits",
    "adapte": "Vignette adaptée d'un seul récit, modifié pour l'anonymiser",
}


def date_fr(day: dt.date) -> str:
    """``2026-11-20`` as « 20 novembre 2026 »."""
    return f"{day.day}{'er' if day.day == 1 else ''} {MONTHS[day.month - 1]} {day.year}"


def attr_yaml(text: str) -> str:
    """A front-matter value: HTML-escaped (themes print it raw), then quoted for YAML."""
    return json.dumps(markup.html_attribute(text), ensure_ascii=False)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("dilemmes", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is Markdown; escaping is explicit, per filter
        # Our templates are code, not content: not checked on disk at every page (a
        # ``stat`` per template per page, thousands per build).
        auto_reload=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        md=markup.md_text,
        e=markup.html_text,
        attr=markup.html_attribute,
        block=markup.to_html,
        inline=markup.to_inline_html,
        attr_yaml=attr_yaml,
        date_fr=date_fr,
    )
    env.globals.update(niveaux=NIVEAUX, contexte_labels=CONTEXTE_LABELS)
    return env


_ENV = _environment()


def template(name: str) -> jinja2.Template:
    """A template of the shared environment, for the modules of a feature (parcours)."""
    return _ENV.get_template(name)


def render_case(case: Case, corpus: Corpus) -> str:
    """The employee page of a case."""
    return render_case_context(case_context(case, corpus))


def case_context(case: Case, corpus: Corpus) -> dict[str, object]:
    """Everything the page of a case shows: equal contexts give equal pages."""
    themes = [corpus.themes[t] for t in case.themes if t in corpus.themes]
    return {
        "case": case,
        "themes": themes,
        "tags": [t.titre for t in themes] + list(case.mots_cles),
        "pistes": [corpus.pistes[p] for p in case.pistes if p in corpus.pistes],
        "related": corpus.related.get(case.id, ()),
        "study": corpus.studies.get(case.etude),
        "source_label": SOURCE_LABELS[case.source_type],
        **formation.page_context(case, corpus, date_fr),
    }


def render_case_context(context: dict[str, object]) -> str:
    return _ENV.get_template("case.md.j2").render(context)


def render_trainer_view(case: Case, corpus: Corpus) -> str:
    """``cas/<id>/animation/``: the case with the trainer's notes and a session plan."""
    return render_trainer_context(trainer_context(case, corpus))


def trainer_context(case: Case, corpus: Corpus) -> dict[str, object]:
    """Everything the trainer view of a case shows: equal contexts give equal pages."""
    pistes = [corpus.pistes[p] for p in case.pistes if p in corpus.pistes]
    return {
        "case": case,
        "pistes": pistes,
        "study": corpus.studies.get(case.etude),
        "source_label": SOURCE_LABELS[case.source_type],
        "timing": formation.suggested_timing(case),
        "prompts": formation.debrief_prompts(pistes),
        "reading_rate": formation.READING_WORDS_PER_MINUTE,
        "minutes_per_option": formation.MINUTES_PER_OPTION,
        "minutes_per_question": formation.MINUTES_PER_QUESTION,
        **formation.page_context(case, corpus, date_fr),
    }


def render_trainer_context(context: dict[str, object]) -> str:
    return _ENV.get_template("case_animation.md.j2").render(context)


def render_theme(theme: Theme, corpus: Corpus) -> str:
    """A theme page: the hand-written introduction, then its cases and guidance."""
    return _ENV.get_template("theme.md.j2").render(
        theme=theme,
        cases=corpus.cases_by_theme.get(theme.id, ()),
        pistes=corpus.pistes_by_theme.get(theme.id, ()),
    )


def render_piste(piste: Piste, corpus: Corpus) -> str:
    """A guidance page: the hand-written text, then the cases that lead to it, by theme."""
    cases = corpus.cases_by_piste.get(piste.id, ())
    groups = []
    for theme in corpus.themes.values():
        members = [case for case in cases if theme.id in case.themes]
        if members:
            groups.append((theme, members))
    return _ENV.get_template("piste.md.j2").render(
        piste=piste,
        groups=groups,
        themes=[corpus.themes[t] for t in piste.themes if t in corpus.themes],
    )


def render_case_index(corpus: Corpus) -> str:
    """``cas/``: every case with its résumé and themes, and the explorer's filters."""
    cases = corpus.sorted_cases()
    case_themes = {
        case.id: [corpus.themes[t] for t in case.themes if t in corpus.themes] for case in cases
    }
    facets = build_facets(corpus)
    filters = (
        ("theme", "Thème", "Tous les thèmes", facets.themes),
        ("fonction", "Fonction", "Toutes les fonctions", facets.fonctions),
        ("canal", "Canal", "Tous les canaux", facets.canaux),
        ("piste", "Piste d'action", "Toutes les pistes", facets.pistes),
        ("niveau", "Niveau de la piste : qui peut agir", "Tous les niveaux", facets.niveaux),
    )
    return _ENV.get_template("cases_index.md.j2").render(
        cases=cases, case_themes=case_themes, facets=facets, filters=filters
    )


def render_page(template: str, **context: object) -> str:
    """A page of a feature module (``overview``, ``opendata``), with the same filters."""
    return _ENV.get_template(template).render(**context)


def render_news(changes: list[news.Change]) -> str:
    """``nouveautes/``: the cases added or changed most recently."""
    return _ENV.get_template("nouveautes.md.j2").render(changes=changes)


def render_redirect(case: Case, target: str) -> str:
    """The HTML page left at a former address of a case; ``target`` is relative to it."""
    return _ENV.get_template("redirect.html.j2").render(case=case, target=target)


NIVEAU_ORDER = (
    ("individuel", "Ce que chaque personne peut faire"),
    ("collectif", "Ce que l'équipe peut faire"),
    ("organisationnel", "Ce que l'organisation peut faire"),
)


def render_themes_index(corpus: Corpus) -> str:
    """``themes/``: every theme with its résumé and how many cases it has."""
    return _ENV.get_template("themes_index.md.j2").render(
        themes=list(corpus.themes.values()),
        counts={t: len(corpus.cases_by_theme.get(t, ())) for t in corpus.themes},
        pistes={t: len(corpus.pistes_by_theme.get(t, ())) for t in corpus.themes},
    )


def render_pistes_index(corpus: Corpus) -> str:
    """``pistes/``: every guidance page, grouped by who can act."""
    groups: dict[str, list[Piste]] = {niveau: [] for niveau, _ in NIVEAU_ORDER}
    for piste in corpus.pistes.values():
        groups[piste.niveau].append(piste)
    return _ENV.get_template("pistes_index.md.j2").render(groups=groups, niveau_order=NIVEAU_ORDER)
