"""Site-wide checks: no broken link or anchor, valid HTML, no axe-core violation, no console error.

Run on the fixture site (hostile text included) and on the site of the shipped content.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sitecheck import axe_violations, broken_links, vnu_errors

# The home page, a case, a theme, a guidance page, the explorer and the other new pages.
SHIPPED_PAGES = [
    "",
    "cas/vente-des-le-premier-appel/",
    "cas/vente-des-le-premier-appel/animation/",
    "nouveautes/",
    "themes/pression-a-la-vente/",
    "pistes/reconnaitre-les-efforts/",
    "cas/",
    "cas/?theme=pression-a-la-vente&niveau=collectif",
    "vue-d-ensemble/",
    "donnees/",
    "themes/",
    "pistes/",
]


def _site(tmp_path: Path, pages: dict[str, str]) -> Path:
    for name, body in pages.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text("<urlset><url><loc>https://exemple.org/base/</loc>")
    return tmp_path


def test_link_check_finds_missing_files_and_anchors(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "index.html": (
                '<a href="cas/">ok</a> <a href="cas/#option-1">ok</a> <a href="#haut">ok</a>'
                '<a id="haut" href="cas/?theme=x">ok</a> <a href="https://ailleurs.org/">ok</a>'
                '<a href="https://exemple.org/base/cas/">ok</a> <a href="mailto:a@b.c">ok</a>'
                '<a href="perdu/">1</a> <a href="cas/#option-9">2</a> <a href="#bas">3</a>'
                '<a href="https://exemple.org/base/perdu.html">4</a>'
                '<a href="https://exemple.org/autre/">5</a> <img src="logo.png">'
            ),
            "cas/index.html": (
                '<section id="option-1"></section>'
                '<meta http-equiv="refresh" content="0; url=../x/">'
            ),
        },
    )
    assert broken_links(site) == [
        "cas/index.html: ../x/ (fichier absent)",
        "index.html: #bas (ancre « bas » absente de index.html)",
        "index.html: cas/#option-9 (ancre « option-9 » absente de cas/index.html)",
        "index.html: https://exemple.org/autre/ (hors du site)",
        "index.html: https://exemple.org/base/perdu.html (fichier absent)",
        "index.html: logo.png (fichier absent)",
        "index.html: perdu/ (fichier absent)",
    ]


@pytest.mark.parametrize("which", ["fixture_site", "shipped_site"])
def test_no_broken_link_or_anchor_anywhere(which: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(which)
    assert len(list(site.rglob("*.html"))) > 10
    assert broken_links(site) == []


def test_html_is_valid_beyond_materials_own_autocomplete(
    fixture_site: Path, shipped_site: Path
) -> None:
    assert vnu_errors(fixture_site, shipped_site) == []


@pytest.mark.parametrize("path", SHIPPED_PAGES)
def test_no_accessibility_violation_nor_console_error(
    path: str, chromium: Any, shipped_url: str
) -> None:
    page = chromium.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(shipped_url + path)
    assert axe_violations(page) == []
    assert errors == []
    page.close()


def test_search_dialog_has_a_name(chromium: Any, shipped_url: str) -> None:
    page = chromium.new_page()
    page.goto(shipped_url)
    page.locator(".md-search__input").click()
    dialog = page.locator(".md-search[role=dialog]")
    assert dialog.get_attribute("aria-label") == "Recherche"
    page.close()
