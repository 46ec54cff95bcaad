"""The search data of a built site: small manifest, pieces, and never a trainer's note."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import copy_project, mkdocs_build
from dilemmes.project import gather
from dilemmes.search_documents import is_trainer_page
from dilemmes.search_text import fold
from search_data import search_terms


def _search_files(site: Path) -> dict[str, str]:
    return {
        str(path.relative_to(site)): path.read_text("utf-8")
        for path in (site / "search").rglob("*")
        if path.is_file()
    }


@pytest.fixture(scope="module")
def site_with_trainer_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project, whose cases all have a trainer view (``cas/<id>/animation/``)."""
    root = copy_project(tmp_path_factory.mktemp("formation"))
    # A word found only in a case's ``animation`` note.
    case = root / "cases" / "vente-au-premier-appel.yaml"
    note = "  Commencez par un tour de table.\n"
    text = case.read_text("utf-8")
    assert note in text
    case.write_text(text.replace(note, note + "  Nommez le biais xylographique.\n"), "utf-8")
    # A page anywhere else that quotes a case's note (fixture: « Commencez par un tour de
    # table. ») stays on the site but out of the search.
    quoting = root / "docs" / "a-propos.md"
    quoting.write_text(
        quoting.read_text("utf-8") + "\n## Ressemblances\n\nCommencez par un tour de table.\n",
        encoding="utf-8",
    )
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8").replace("not_in_nav: |\n", "not_in_nav: |\n  /cas/*/*.md\n")
    config.write_text(text, encoding="utf-8")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_trainer_notes_are_not_in_the_search_data(site_with_trainer_page: Path) -> None:
    site = site_with_trainer_page
    trainer_html = site / "cas" / "vente-au-premier-appel" / "animation" / "index.html"
    assert "xylographique" in trainer_html.read_text("utf-8")  # the page exists…
    data = "\n".join(_search_files(site).values())
    assert "xylographique" not in data  # …but search never sees it
    assert "animation/" not in data
    # Nor the ``animation`` field of any vignette: none of its sentences, none of its
    # words that appear nowhere else in the case.
    terms = search_terms(site)
    corpus = gather(site.parent).corpus
    notes = [case for case in corpus.cases.values() if case.animation]
    assert notes
    for case in notes:
        for sentence in re.split(r"[.!?\n]", case.animation):
            assert len(sentence) < 20 or sentence.strip() not in data
    assert "xylographique" not in terms and "xylographique" not in data
    about = (site / "a-propos" / "index.html").read_text("utf-8")
    assert "Commencez par un tour de table." in about
    assert "a-propos/#ressemblances" not in data
    assert "a-propos/" in data  # the rest of that page is still found


def test_material_index_is_replaced_by_a_small_manifest(fixture_site: Path) -> None:
    index = json.loads((fixture_site / "search" / "search_index.json").read_text("utf-8"))
    assert index["docs"] == []
    manifest = index["config"]["recherche"]
    assert manifest["documents"] > 0 and manifest["termes"]
    # The separator stays for Material's highlighting of the opened page.
    assert index["config"]["separator"]
    script = (fixture_site / "search" / "search_index.js").read_text("utf-8")
    assert script.startswith("var __index = ") and json.loads(script[14:].rstrip(";\n")) == index


def test_keywords_and_themes_are_searchable_but_drafts_are_not(fixture_site: Path) -> None:
    terms = search_terms(fixture_site)
    assert {"soumission", "pression", "cadence"} <= terms  # mots_cles, themes
    data = "\n".join(_search_files(fixture_site).values())
    assert "brouillon-en-cours" not in data


@pytest.mark.parametrize(
    ("location", "trainer"),
    [
        ("cas/x/animation/", True),
        ("cas/x/animation.html", True),
        ("cas/x/animation/#consignes", True),
        ("animation/", True),
        ("parcours/p/trousse/", True),
        ("parcours/p/trousse.html", True),
        ("parcours/p/", False),
        ("cas/animation-d-equipe/", False),
        ("cas/x/", False),
        ("themes/animation-et-cadence/", False),
    ],
)
def test_trainer_pages_are_recognised_by_address(location: str, trainer: bool) -> None:
    assert is_trainer_page(location) is trainer


def test_folding_keeps_apostrophes_out_of_words() -> None:
    assert fold("L’ÉQUIPE") == "l’equipe"
