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

TRAINER_PAGE = """---
title: Animer le cas
---

# Animer : Conclure la vente

Consigne pour l'animation : demandez un vote zygomatique à main levée.
"""


def _search_files(site: Path) -> dict[str, str]:
    return {
        str(path.relative_to(site)): path.read_text("utf-8")
        for path in (site / "search").rglob("*")
        if path.is_file()
    }


def _index_terms(site: Path) -> set[str]:
    found: set[str] = set()
    for piece in (site / "search" / "termes").glob("*.js"):
        text = piece.read_text("utf-8")
        found.update(json.loads(text[text.index(",") + 1 : text.rindex(")")])["t"])
    return found


@pytest.fixture(scope="module")
def site_with_trainer_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project with a trainer page where the trainer view will put one."""
    root = copy_project(tmp_path_factory.mktemp("formation"))
    trainer = root / "docs" / "cas" / "vente-au-premier-appel" / "animation.md"
    trainer.parent.mkdir(parents=True)
    trainer.write_text(TRAINER_PAGE, encoding="utf-8")
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8").replace("not_in_nav: |\n", "not_in_nav: |\n  /cas/*/*.md\n")
    config.write_text(text, encoding="utf-8")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_trainer_notes_are_not_in_the_search_data(site_with_trainer_page: Path) -> None:
    site = site_with_trainer_page
    trainer_html = site / "cas" / "vente-au-premier-appel" / "animation" / "index.html"
    assert "zygomatique" in trainer_html.read_text("utf-8")  # the page exists…
    data = "\n".join(_search_files(site).values())
    assert "zygomatique" not in data  # …but search never sees it
    assert "animation/" not in data
    # Nor the ``animation`` field of any vignette: none of its sentences, none of its
    # words that appear nowhere else in the case.
    terms = _index_terms(site)
    corpus = gather(site.parent).corpus
    notes = [case for case in corpus.cases.values() if case.animation]
    assert notes
    for case in notes:
        for sentence in re.split(r"[.!?\n]", case.animation):
            assert len(sentence) < 20 or sentence.strip() not in data
    assert "tour" not in terms and "table" not in terms  # « Commencez par un tour de table. »


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
    terms = _index_terms(fixture_site)
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
        ("cas/animation-d-equipe/", False),
        ("cas/x/", False),
        ("themes/animation-et-cadence/", False),
    ],
)
def test_trainer_pages_are_recognised_by_address(location: str, trainer: bool) -> None:
    assert is_trainer_page(location) is trainer


def test_folding_keeps_apostrophes_out_of_words() -> None:
    assert fold("L’ÉQUIPE") == "l’equipe"
