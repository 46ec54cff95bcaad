"""The search data of a built site (``search/``), read as the browser reads it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def _piece(path: Path) -> Any:
    text = path.read_text("utf-8")  # __recherche("documents/0",[…]);
    return json.loads(text[text.index(",") + 1 : text.rindex(")")])


def search_records(site: Path) -> list[list[Any]]:
    """Every result the search can show: ``[address, title, text, tags]``, in index order."""
    blocks = sorted((site / "search" / "documents").glob("*.js"), key=lambda p: int(p.stem))
    return [record for block in blocks for record in _piece(block)]


def search_locations(site: Path) -> set[str]:
    """The pages the search can lead to, without their ``#section``."""
    return {record[0].split("#")[0] for record in search_records(site)}


def search_terms(site: Path) -> set[str]:
    """Every term of the index (folded and stemmed words)."""
    terms: set[str] = set()
    for chunk in (site / "search" / "termes").glob("*.js"):
        terms.update(_piece(chunk)["t"])
    return terms
