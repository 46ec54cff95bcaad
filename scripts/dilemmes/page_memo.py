"""Per-case pages rendered once per content: ``make serve`` renders only what changed.

A case page is a function of its context (``render.case_context``): the case, its themes,
guidance, related cases and study; its trainer view likewise (``render.trainer_context``),
and its QR code of its address. The plugin keeps one ``PageMemo`` for a whole preview;
when a context equals the one of the last build, the Markdown is reused. Unchanged
vignettes come back from the ``CaseCache`` as the same objects, so comparing is quick.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from . import formation, pages, render
from .model import Case, Corpus

Context = dict[str, object]


class _Memo:
    """The last context and Markdown of each case, for one kind of page."""

    def __init__(
        self,
        context: Callable[[Case, Corpus], Context],
        render_context: Callable[[Context], str],
    ) -> None:
        self._context = context
        self._render = render_context
        self._pages: dict[str, tuple[Context, str]] = {}
        self.rendered = 0  # how many pages were actually rendered, for tests

    def __call__(self, case: Case, corpus: Corpus) -> str:
        context = self._context(case, corpus)
        cached = self._pages.get(case.id)
        if cached is not None and cached[0] == context:
            return cached[1]
        markdown = self._render(context)
        self.rendered += 1
        self._pages[case.id] = (context, markdown)
        return markdown


class PageMemo:
    """Case pages, trainer views and QR codes of the last build."""

    def __init__(self) -> None:
        self.render_case = _Memo(render.case_context, render.render_case_context)
        self.render_trainer = _Memo(render.trainer_context, render.render_trainer_context)
        self._qr: dict[str, str] = {}

    @property
    def rendered(self) -> int:
        """How many case pages were actually rendered, for tests."""
        return self.render_case.rendered

    def qr_svg(self, url: str) -> str:
        svg = self._qr.get(url)
        if svg is None:
            svg = self._qr[url] = formation.qr_svg(url)
        return svg

    def core_pages(self, corpus: Corpus) -> Iterable[pages.Page]:
        """``pages.core_pages`` with this memory."""
        return pages.core_pages(corpus, render_case=self.render_case)

    def trainer_pages(self, corpus: Corpus) -> Iterable[pages.Page]:
        return pages.trainer_pages(corpus, render_trainer=self.render_trainer)

    def qr_pages(self, corpus: Corpus) -> Iterable[pages.Page]:
        return pages.qr_pages(corpus, make_svg=self.qr_svg)

    def builders(self) -> tuple[pages.Builder, ...]:
        """``pages.BUILDERS`` with the per-case builders remembered."""
        remembered: dict[pages.Builder, pages.Builder] = {
            pages.core_pages: self.core_pages,
            pages.trainer_pages: self.trainer_pages,
            pages.qr_pages: self.qr_pages,
        }
        return tuple(remembered.get(builder, builder) for builder in pages.BUILDERS)
