"""``make offline``: an archive whose site works opened from disk, search included."""

from __future__ import annotations

import os
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from conftest import REPO, copy_project, read_html
from search_box import search

NAME = "dilemmes-au-travail"


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project through the real ``make offline``, its archive unpacked."""
    root = copy_project(tmp_path_factory.mktemp("hors-ligne"))
    (root / "site").mkdir()
    (root / "site" / "garde.txt").write_text("site/ reste tel quel", encoding="utf-8")
    make = ["make", "-f", str(REPO / "Makefile"), "-C", str(root), "offline"]
    # The project's .venv, already installed: no new environment in the copy.
    make += [f"BIN={REPO / '.venv' / 'bin'}", "STAMP="]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(make, capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "garde.txt").is_file()  # the online build is left alone
    # Nothing written outside dist/ (and site/, left as it was).
    expected = {p.name for p in (REPO / "tests" / "fixtures" / "projet").iterdir()}
    assert {p.name for p in root.iterdir()} == expected | {
        "mkdocs.yml",
        "overrides",
        "dist",
        "site",
    }
    unpacked = tmp_path_factory.mktemp("archive")
    with zipfile.ZipFile(root / "dist" / f"{NAME}-hors-ligne.zip") as archive:
        archive.extractall(unpacked)
    return unpacked / NAME


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    page = chromium.new_page()
    outside: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith("file:") else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    page.close()
    assert outside == []  # nothing asked of a network the room may not have
    assert errors == []


@pytest.mark.browser
def test_search_works_opened_from_disk(page: Any, offline_site: Path) -> None:
    page.goto((offline_site / "index.html").as_uri())
    results = search(page, "manoeuvres")
    paths = [r.href.split("?")[0] for r in results]
    case = (offline_site / "cas" / "vente-au-premier-appel.html").as_uri()
    assert case in paths
    shown = results[paths.index(case)]
    assert shown.title == "Conclure la vente dès le premier appel"
    assert shown.teaser.startswith("Un outil de soumission en ligne")
    page.locator(f".md-search-result__item > a[href^='{case}']").click()
    page.wait_for_url(case + "**")
    assert page.locator("h1").first.inner_text().startswith("Conclure la vente")


@pytest.mark.browser
def test_search_from_a_case_page_opened_from_disk(page: Any, offline_site: Path) -> None:
    page.goto((offline_site / "cas" / "erreurs-de-saisie.html").as_uri())
    results = search(page, "l’entreprise cliente")
    assert any(r.href.split("?")[0].endswith("cas/vente-au-premier-appel.html") for r in results)


def test_offline_links_name_files_that_exist(offline_site: Path) -> None:
    checked = 0
    for html_file in offline_site.rglob("*.html"):
        if html_file.name == "404.html":
            continue  # shown by a web server only, with addresses from the site's root
        html = read_html(html_file)
        refresh = html.select_one("meta[http-equiv=refresh]")
        if refresh is not None:  # an alias page (cas/<ancien-id>/) leads to a file too
            target = str(refresh["content"]).partition("url=")[2]
            assert (html_file.parent / target).is_file(), (html_file, target)
            checked += 1
        for link in html.select("a[href]"):
            href = str(link["href"])
            parts = urlsplit(href)
            if parts.scheme or href.startswith("#") or not parts.path:
                continue
            target = (html_file.parent / unquote(parts.path)).resolve()
            assert target.is_file(), f"{html_file.relative_to(offline_site)} → {href}"
            checked += 1
    assert checked > 50
