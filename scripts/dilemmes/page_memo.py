"""Case pages rendered once per content: ``make serve`` renders only the pages that changed.

A case page is a function of its context (``render.case_context``): the case, its themes,
guidance, related cases and study. The plugin keeps one ``PageMemo`` for a whole preview;
when a case's context equals the one of the last build, its Markdown is reused. Unchanged
vignettes come back from the ``CaseCache`` as the same objects, so comparing is quick.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import pages, render
from .model import Case, Corpus


class PageMemo:
    """The last context and Markdown of each case page."""

    def __init__(self) -> None:
        self._cases: dict[str, tuple[dict[str, object], str]] = {}
        self.rendered = 0  # how many case pages were actually rendered, for tests

    def render_case(self, case: Case, corpus: Corpus) -> str:
        context = render.case_context(case, corpus)
        cached = self._cases.get(case.id)
        if cached is not None and cached[0] == context:
            return cached[1]
        markdown = render.render_case_context(context)
        self.rendered += 1
        self._cases[case.id] = (context, markdown)
        return markdown

    def core_pages(self, corpus: Corpus) -> Iterable[pages.Page]:
        """``pages.core_pages`` with this memory."""
        return pages.core_pages(corpus, render_case=self.render_case)

    def builders(self) -> tuple[pages.Builder, ...]:
        """``pages.BUILDERS`` with ``core_pages`` remembered."""
        return tuple(
            self.core_pages if builder is pages.core_pages else builder
            for builder in pages.BUILDERS
        )
