"""The search as a person uses it: Material's search box in headless Chromium.

The query set (fixtures/recherche/requetes.yaml) runs on the shipped content: words typed
without accents, in the plural, with elisions, ligatures and synonyms each find their
case, shown with its title and its résumé. Keyboard: Enter and the arrows, as in Material.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from browser import serve_directory
from conftest import FIXTURES, REPO, mkdocs_build
from dilemmes.project import gather
from dilemmes.search_documents import is_trainer_page
from dilemmes.search_text import terms
from search_box import open_search, result_line, search
from search_data import search_records, search_terms

QUERIES = yaml.safe_load((FIXTURES / "recherche" / "requetes.yaml").read_text("utf-8"))
CASES = gather(REPO).corpus.cases


@pytest.fixture(scope="module")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the shipped content (cases/, docs/), built."""
    root = tmp_path_factory.mktemp("livre")
    for name in ("mkdocs.yml", "overrides", "docs", "cases"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def shipped_url(shipped_site: Path) -> Iterator[str]:
    with serve_directory(shipped_site) as url:
        yield url


def test_shipped_search_data_quotes_no_trainer_note(shipped_site: Path) -> None:
    shown = " ".join(
        " ".join([record[1], record[2], *record[3]]) for record in search_records(shipped_site)
    )
    shown = " ".join(shown.split())
    sentences = [
        " ".join(sentence.split())
        for case in CASES.values()
        for sentence in re.split(r"[.!?;:\n]", case.animation)
    ]
    assert len([s for s in sentences if len(s) >= 30]) > 20
    assert [s for s in sentences if len(s) >= 30 and s in shown] == []
    # Words that only the notes use (in no page an employee can open) are not in the index.
    public = set()
    for page in shipped_site.rglob("*.html"):
        if not is_trainer_page(page.relative_to(shipped_site).as_posix()):
            public.update(terms(re.sub(r"<[^>]+>", " ", page.read_text("utf-8"))))
    only_in_notes = {t for case in CASES.values() for t in terms(case.animation)} - public
    assert len(only_in_notes) > 10
    assert only_in_notes & search_terms(shipped_site) == set()


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    page = chromium.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    yield page
    page.close()
    assert errors == []


@pytest.mark.browser
@pytest.mark.parametrize("entry", QUERIES, ids=[q["requete"] for q in QUERIES])
def test_query_finds_its_case(page: Any, shipped_url: str, entry: dict[str, Any]) -> None:
    page.goto(shipped_url)
    results = search(page, entry["requete"])
    paths = [result.path for result in results]
    wanted = f"cas/{entry['cas']}/"
    assert wanted in paths, f"{entry['genre']} : {paths}"
    rank = paths.index(wanted) + 1
    assert rank <= entry.get("rang", len(paths)), f"{entry['genre']} : rang {rank}, {paths}"
    # The result shows the case as an employee knows it: its title and its résumé.
    shown = results[rank - 1]
    case = CASES[entry["cas"]]
    assert shown.title == case.titre
    assert " ".join(shown.teaser.split()) == " ".join(case.resume.split())


@pytest.mark.browser
def test_matched_words_are_marked_in_the_result(page: Any, shipped_url: str) -> None:
    page.goto(shipped_url)
    results = search(page, "clientele agee")
    assert results[0].path == "cas/accompagner-une-cliente-en-ligne/"
    marked = page.locator(".md-search-result__item").first.locator("mark").all_inner_texts()
    assert {"clientèle", "âgée"} <= {text.lower() for text in marked}


@pytest.mark.browser
def test_enter_opens_the_best_result(page: Any, shipped_url: str) -> None:
    page.goto(shipped_url)
    search(page, "mentorat")
    page.keyboard.press("Enter")
    page.wait_for_url("**/cas/former-la-recrue/**")
    assert page.locator("h1").first.inner_text().startswith("Prendre le temps de former")


@pytest.mark.browser
def test_arrows_walk_the_results_and_enter_opens_one(page: Any, shipped_url: str) -> None:
    page.goto(shipped_url)
    results = search(page, "sinistres")
    assert len(results) >= 2
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == results[1].href
    page.keyboard.press("Enter")
    page.wait_for_url(results[1].href.split("#")[0] + "**")


@pytest.mark.browser
def test_the_opened_case_highlights_the_accented_word(page: Any, shipped_url: str) -> None:
    page.goto(shipped_url)
    search(page, "clientele agee")
    page.keyboard.press("Enter")
    page.wait_for_url("**/cas/accompagner-une-cliente-en-ligne/**")
    marked = page.locator("article mark").all_inner_texts()
    assert "clientèle" in {text.lower() for text in marked}


@pytest.mark.browser
def test_unknown_word_finds_nothing_and_says_so(page: Any, shipped_url: str) -> None:
    page.goto(shipped_url)
    assert search(page, "xylophone") == []
    assert result_line(page) == "Aucun document trouvé"


@pytest.mark.browser
def test_hostile_title_is_shown_as_text_in_results(page: Any, fixture_url: str) -> None:
    page.goto(fixture_url)
    results = search(page, "gras")
    hostile = [r for r in results if r.path == "cas/piege-html/"]
    assert hostile, [r.path for r in results]
    assert hostile[0].title == "<b>Gras</b> & </title><script>alert('titre')</script>"
    items = page.locator(".md-search-result__list")
    assert items.locator("b, script, img, i").count() == 0


@pytest.mark.browser
def test_search_loads_pieces_not_the_whole_index(page: Any, fixture_url: str) -> None:
    loaded: list[str] = []
    page.on("requestfinished", lambda request: loaded.append(request.url))
    page.goto(fixture_url)
    open_search(page)
    search(page, "cliente")
    pieces = [url.split("/search/")[1] for url in loaded if "/search/" in url]
    assert "search_index.json" in pieces
    assert any(p.startswith("termes/") for p in pieces)
    assert any(p.startswith("documents/") for p in pieces)
    assert "assets/javascripts/workers/" not in " ".join(loaded)  # not Material's worker
