"""Pages: the corpus to ``{source path: Markdown}``, the addresses of SPEC.

``cas/<id>.md`` is served at ``cas/<id>/``, ``themes/<id>.md`` at ``themes/<id>/`` and so
on (MkDocs' directory URLs). Each page also names the file a researcher edits.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import render
from .model import Corpus


@dataclass(frozen=True)
class Page:
    """A generated page: where it lives, its Markdown, and the file to edit."""

    src_uri: str
    markdown: str
    edit_path: str


def case_uri(case_id: str) -> str:
    return f"cas/{case_id}.md"


def build_pages(corpus: Corpus) -> dict[str, Page]:
    """Every generated page of the site, keyed by its source path."""
    pages = [Page("cas/index.md", render.render_case_index(corpus), "cases/"),
             Page("themes/index.md", render.render_themes_index(corpus), "docs/themes/"),
             Page("pistes/index.md", render.render_pistes_index(corpus), "docs/pistes/")]
    for case in corpus.cases.values():
        pages.append(Page(case_uri(case.id), render.render_case(case, corpus), case.path))
    for theme in corpus.themes.values():
        pages.append(Page(f"themes/{theme.id}.md", render.render_theme(theme, corpus),
                          theme.path))
    for piste in corpus.pistes.values():
        pages.append(Page(f"pistes/{piste.id}.md", render.render_piste(piste, corpus),
                          piste.path))
    return {page.src_uri: page for page in pages}


def build_redirects(corpus: Corpus) -> dict[str, str]:
    """``cas/<alias>/index.html`` for every former id: a page that leads to the case.

    A static page rather than a server rule: the site is static and is also opened
    from disk; the link stays for browsers that ignore ``refresh``.
    """
    redirects = {}
    for case in corpus.cases.values():
        for alias in case.alias:
            redirects[f"cas/{alias}/index.html"] = render.render_redirect(case)
    return redirects
