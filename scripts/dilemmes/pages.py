"""Pages: the corpus to ``{source path: Page}``, at the addresses of SPEC.

``cas/<id>.md`` is served at ``cas/<id>/``, ``themes/<id>.md`` at ``themes/<id>/`` and so
on (MkDocs' directory URLs). A page that is not Markdown (a redirect, a data file) is
copied as it is. Each feature adds its pages through one builder in ``BUILDERS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from . import formation, news, opendata, overview, parcours_render, render, schema
from .fields import PARCOURS_DIR
from .model import Case, Corpus


@dataclass(frozen=True)
class Page:
    """A generated file: where it lives, its content, and the file a researcher edits."""

    src_uri: str
    content: str | bytes
    edit_path: str | None = None

    @property
    def markdown(self) -> str:
        assert isinstance(self.content, str)
        return self.content


Builder = Callable[[Corpus], Iterable[Page]]


def case_uri(case_id: str) -> str:
    return f"cas/{case_id}.md"


def core_pages(
    corpus: Corpus, render_case: Callable[[Case, Corpus], str] = render.render_case
) -> Iterable[Page]:
    """Case, theme and guidance pages and their three indexes.

    ``render_case`` may remember pages already rendered (``page_memo``, in ``make serve``).
    """
    yield Page("cas/index.md", render.render_case_index(corpus), "cases/")
    yield Page("themes/index.md", render.render_themes_index(corpus), "docs/themes/")
    yield Page("pistes/index.md", render.render_pistes_index(corpus), "docs/pistes/")
    for case in corpus.cases.values():
        yield Page(case_uri(case.id), render_case(case, corpus), case.path)
    for theme in corpus.themes.values():
        yield Page(f"themes/{theme.id}.md", render.render_theme(theme, corpus), theme.path)
    for piste in corpus.pistes.values():
        yield Page(f"pistes/{piste.id}.md", render.render_piste(piste, corpus), piste.path)


def redirect_pages(corpus: Corpus) -> Iterable[Page]:
    """``cas/<alias>/index.html`` for every former id: a page that leads to the case.

    A static page rather than a server rule: the site is static and is also opened
    from disk; the link stays for browsers that ignore ``refresh``.
    """
    for case in corpus.cases.values():
        for alias in case.alias:
            target = f"../{case.id}/" if corpus.publication.directory_urls else f"../{case.id}.html"
            yield Page(f"cas/{alias}/index.html", render.render_redirect(case, target))


def parcours_pages(corpus: Corpus) -> Iterable[Page]:
    """``parcours/``, and for each training path its page and its printable kit."""
    yield Page(
        "parcours/index.md", parcours_render.render_parcours_index(corpus), f"{PARCOURS_DIR}/"
    )
    for one in corpus.parcours.values():
        page = parcours_render.render_parcours(one, corpus)
        yield Page(f"parcours/{one.id}.md", page, one.path)
        kit = parcours_render.render_trousse(one, corpus)
        yield Page(f"parcours/{one.id}/trousse.md", kit, one.path)


def schema_pages(corpus: Corpus) -> Iterable[Page]:
    """``donnees/vignette.schema.json``: the vignette format for editors (see ``schema``)."""
    yield Page(schema.PUBLISHED_URI, schema.schema_json())


def overview_pages(corpus: Corpus) -> Iterable[Page]:
    """``vue-d-ensemble/``: guidance pages by themes, with their case counts."""
    yield Page("vue-d-ensemble.md", overview.render_overview(corpus))


def open_data_pages(corpus: Corpus) -> Iterable[Page]:
    """``donnees/``: the « Données ouvertes » page, ``cas.json``, ``cas.csv`` and a schema."""
    yield Page("donnees/index.md", opendata.render_page(corpus))
    for uri, content in opendata.data_files(corpus):
        yield Page(uri, content)


def trainer_pages(
    corpus: Corpus, render_trainer: Callable[[Case, Corpus], str] = render.render_trainer_view
) -> Iterable[Page]:
    """Per case: its trainer view, and its former trainer addresses.

    ``render_trainer`` may remember views already rendered (``page_memo``, in ``make serve``).
    """
    for case in corpus.cases.values():
        yield Page(formation.trainer_uri(case.id), render_trainer(case, corpus), case.path)
        for alias in case.alias:
            target = (
                f"../../{case.id}/animation/"
                if corpus.publication.directory_urls
                else f"../../{case.id}/animation.html"
            )
            yield Page(f"cas/{alias}/animation/index.html", render.render_redirect(case, target))


def qr_pages(corpus: Corpus, make_svg: Callable[[str], str] = formation.qr_svg) -> Iterable[Page]:
    """Per case, the QR code of its address, shown by both views when the site has one.

    ``make site`` draws them in a second process (``background``), ``make serve`` once each.
    """
    for uri, url in formation.qr_targets(corpus).items():
        yield Page(uri, make_svg(url))


def news_pages(corpus: Corpus) -> Iterable[Page]:
    """``nouveautes/`` and its Atom feed."""
    changes = news.recent_changes(corpus)
    yield Page(news.PAGE_URI, render.render_news(changes))
    yield Page(news.FEED_URI, news.atom_feed(corpus, changes))


BUILDERS: tuple[Builder, ...] = (
    core_pages,
    redirect_pages,
    parcours_pages,
    schema_pages,
    overview_pages,
    open_data_pages,
    trainer_pages,
    qr_pages,
    news_pages,
)


def build_pages(corpus: Corpus, builders: Iterable[Builder] = BUILDERS) -> dict[str, Page]:
    """Every generated file of the site, keyed by its source path."""
    pages: dict[str, Page] = {}
    for builder in builders:
        for page in builder(corpus):
            if page.src_uri in pages:
                raise ValueError(f"two generated pages at {page.src_uri}")  # a bug, not content
            pages[page.src_uri] = page
    return pages
