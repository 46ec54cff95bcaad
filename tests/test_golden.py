"""Golden Markdown: each generated page of the fixture project, as committed.

A changed template shows up in review as a diff of ``tests/golden/``. To accept a
deliberate change: ``DILEMMES_METTRE_A_JOUR=1 make test``, then read the diff.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO, fixture_publication
from dilemmes.pages import build_pages
from dilemmes.project import gather

GOLDEN = REPO / "tests" / "golden"
UPDATE = os.environ.get("DILEMMES_METTRE_A_JOUR") == "1"


def _generated() -> dict[str, str]:
    gathered = gather(FIXTURES / "projet")
    assert gathered.problems == []
    corpus = replace(gathered.corpus, publication=fixture_publication())
    return {uri: str(page.content) for uri, page in build_pages(corpus).items()}


PAGES = _generated()


def _golden_path(uri: str) -> Path:
    return GOLDEN / uri.replace("/", "__")


@pytest.mark.parametrize("uri", sorted(PAGES))
def test_page_matches_golden(uri: str) -> None:
    path = _golden_path(uri)
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(PAGES[uri], encoding="utf-8")
    assert PAGES[uri] == path.read_text(encoding="utf-8")


def test_no_stale_golden_file() -> None:
    expected = {_golden_path(uri).name for uri in PAGES}
    assert {p.name for p in GOLDEN.iterdir()} == expected


def test_every_page_type_has_a_golden_file() -> None:
    assert {
        "cas/index.md",
        "cas/vente-au-premier-appel.md",
        "themes/pression.md",
        "themes/index.md",
        "pistes/reconnaitre-les-efforts.md",
        "pistes/index.md",
        "cas/ancienne-vente/index.html",
        "vue-d-ensemble.md",
        "donnees/index.md",
        "donnees/cas.json",
        "donnees/cas.csv",
        "donnees/cas.schema.json",
        "cas/vente-au-premier-appel/animation.md",
        "cas/ancienne-vente/animation/index.html",
        "cas/vente-au-premier-appel/qr.svg",
        "nouveautes.md",
        "nouveautes/flux.xml",
    } <= set(PAGES)
