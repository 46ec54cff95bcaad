"""Write the search index of a built site into ``site/search/``.

Material's search plugin has written ``search/search_index.json`` (every page but the
cases, which it is told to skip); this module reads it, adds one document per case,
and replaces it with the small manifest and the pieces of ``search_index``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import Case, Corpus
from .pages import case_uri
from .search_documents import TrainerNotes, case_document, page_documents
from .search_index import Analysed, analyse, index_files, score

SEARCH_DIR = "search"
PIECES = ("termes", "documents")
# Pages that list cases already found on their own: ranked below the cases.
LISTINGS = ("cas/index.md", "themes/index.md", "pistes/index.md", "mots-cles.md")


@dataclass(frozen=True)
class Written:
    """What was written: counts and sizes, for the build log and the benchmarks."""

    documents: int
    files: int
    total_bytes: int
    manifest_bytes: int


def analyse_cases(corpus: Corpus, urls: Mapping[str, str]) -> list[Analysed]:
    """The case documents, analysed: most of the index, and known before MkDocs builds."""
    cases = _published_cases(corpus, urls)
    return [analyse([case_document(case, corpus, urls[case_uri(case.id)]) for case in cases])]


_CaseKey = tuple[Case, tuple[str, ...], str]  # all that ``case_document`` reads


class CaseAnalyses:
    """``analyse_cases`` that keeps each case's analysis across rebuilds (``make serve``)."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[_CaseKey, Analysed]] = {}

    def __call__(self, corpus: Corpus, urls: Mapping[str, str]) -> list[Analysed]:
        parts: list[Analysed] = []
        kept: dict[str, tuple[_CaseKey, Analysed]] = {}
        for case in _published_cases(corpus, urls):
            location = urls[case_uri(case.id)]
            themes = tuple(corpus.themes[t].titre for t in case.themes if t in corpus.themes)
            key = (case, themes, location)
            old = self._kept.get(case.id)
            if old is not None and old[0] == key:
                part = old[1]
            else:
                part = analyse([case_document(case, corpus, location)])
            kept[case.id] = (key, part)
            parts.append(part)
        self._kept = kept
        return parts


def _published_cases(corpus: Corpus, urls: Mapping[str, str]) -> list[Case]:
    # Cases of a theme side by side: a query's best results then share document blocks.
    return sorted(
        (case for case in corpus.cases.values() if case_uri(case.id) in urls),
        key=lambda case: (case.themes[:1], case.titre.casefold(), case.id),
    )


class PageAnalyses:
    """The other pages' documents, analysed, kept while their input stays the same.

    In ``make serve`` Material's index of the other pages rarely changes when a vignette
    is saved (the cases are not in it), but reading it again is a second at 1,000 cases.
    """

    def __init__(self) -> None:
        self._key: tuple[object, ...] | None = None
        self._kept = Analysed()

    def __call__(
        self, docs: list[Any], skip: set[str], listings: set[str], notes: TrainerNotes
    ) -> Analysed:
        # Comparing the pages' text is milliseconds; reading it again, a second.
        key = (docs, skip, listings, notes.sentences)
        if key != self._key:
            self._kept = _analyse_pages(docs, skip, listings, notes)
            self._key = key
        return self._kept


def _analyse_pages(
    docs: list[Any], skip: set[str], listings: set[str], notes: TrainerNotes
) -> Analysed:
    return analyse(page_documents(docs, skip, listings, len(skip), notes))


def write_search(
    site_dir: Path,
    corpus: Corpus,
    urls: Mapping[str, str],
    cases: Sequence[Analysed] | None = None,
    pages: PageAnalyses | None = None,
) -> Written:
    """Replace Material's index in ``site_dir`` by ours; ``urls``: source path → address.

    ``cases`` is ``analyse_cases(corpus, urls)`` when it was computed ahead or kept;
    ``pages`` keeps the other pages' documents from one preview to the next.
    """
    folder = site_dir / SEARCH_DIR
    material = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    if cases is None:
        cases = analyse_cases(corpus, urls)
    listings = {urls[source] for source in LISTINGS if source in urls}
    skip = {document.location for part in cases for document in part.documents}
    notes = TrainerNotes(corpus)
    others = (pages or _analyse_pages)(material["docs"], skip, listings, notes)
    files = index_files(score([*cases, others]), material["config"])
    for piece in PIECES:
        # ``mkdocs serve`` reuses its folder: pieces of an earlier, larger index would stay.
        shutil.rmtree(folder / piece, ignore_errors=True)
        (folder / piece).mkdir(parents=True)
    total = 0
    for name, text in files.items():
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        total += len(data)
    manifest = len(files["search_index.json"].encode("utf-8"))
    return Written(len(skip) + len(others.documents), len(files), total, manifest)
