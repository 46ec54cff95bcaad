"""Write the search index of a built site into ``site/search/``.

Material's search plugin has written ``search/search_index.json`` (every page but the
cases, which it is told to skip); this module reads it, adds one document per case,
and replaces it with the small manifest and the pieces of ``search_index``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .model import Corpus
from .pages import case_uri
from .search_documents import TrainerNotes, case_document, page_documents
from .search_index import build_index, index_files

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


def write_search(site_dir: Path, corpus: Corpus, urls: Mapping[str, str]) -> Written:
    """Replace Material's index in ``site_dir`` by ours; ``urls``: source path → address."""
    folder = site_dir / SEARCH_DIR
    material = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    case_locations = {i: urls[case_uri(i)] for i in corpus.cases if case_uri(i) in urls}
    listings = {urls[source] for source in LISTINGS if source in urls}
    # Cases of a theme side by side: a query's best results then share document blocks.
    cases = sorted(
        (corpus.cases[case_id] for case_id in case_locations),
        key=lambda case: (case.themes[:1], case.titre.casefold(), case.id),
    )
    documents = [case_document(case, corpus, case_locations[case.id]) for case in cases]
    skip = set(case_locations.values())
    notes = TrainerNotes(corpus)
    documents += page_documents(material["docs"], skip, listings, len(documents), notes)
    files = index_files(build_index(documents), material["config"])
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
    return Written(len(documents), len(files), total, manifest)
