"""The case explorer at ``cas/``: the full list without JavaScript, filters in Chromium."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from browser import serve_directory
from conftest import explorer_project, mkdocs_build, read_html
from sitecheck import axe_violations

ALL_CASES = {"piege-html", "vente-au-premier-appel", "repondre-par-courriel", "erreurs-de-saisie"}


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    """A fresh tab that records console errors; the test fails if any appears."""
    tab = chromium.new_page()
    tab.set_viewport_size({"width": 1280, "height": 900})
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    tab.close()
    assert errors == []


def _shown(page: Any) -> set[str]:
    """Ids of the cases a person sees in the list."""
    hrefs = page.eval_on_selector_all(
        "li.explorateur-cas > strong > a",
        "links => links.filter(a => a.offsetParent !== null).map(a => a.getAttribute('href'))",
    )
    return {href.strip("/").split("/")[-1] for href in hrefs}


def _status(page: Any) -> str:
    return str(page.locator("#explorateur-compte").inner_text())


def _query(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def _wait_for_address(page: Any, expected: str) -> None:
    page.wait_for_function("expected => location.search === expected", arg=expected)


def test_static_list_carries_every_case_and_its_keys(explorer_site: Path) -> None:
    html = read_html(explorer_site / "cas" / "index.html")
    tools = html.select_one("#explorateur")
    assert tools is not None and tools.has_attr("hidden")  # the form waits for JavaScript
    items = {li.select_one("a")["href"].strip("/"): li for li in html.select("li.explorateur-cas")}
    assert set(items) == ALL_CASES
    item = items["repondre-par-courriel"]
    assert item["data-theme"] == "cadence"
    assert item["data-fonction"] == "conseiller-au-service-a-la-clientele"
    assert item["data-canal"].split() == ["telephone", "centre-d-appels", "courriel"]
    assert item["data-piste"] == "en-parler-en-equipe"
    assert item["data-niveau"] == "collectif"
    text = " ".join(item.get_text(" ").split())
    assert "Canal : Téléphone (centre d'appels) et courriel" in text
    assert "Mots-clés : clientèle, manœuvre, réponse type" in text
    # Labels are present for every control, each select starts with « every value ».
    for name in ("texte", "theme", "fonction", "canal", "piste", "niveau"):
        assert html.select_one(f"label[for=filtre-{name}]") is not None
    options = [o.get_text() for o in html.select("#filtre-fonction option")]
    assert options[0] == "Toutes les fonctions"
    assert "Conseiller / Conseillère au service à la clientèle (2)" in options
    # Hostile role text is shown as text in its option, never as markup.
    assert "<script>alert('fonction')</script> (1)" in options
    assert html.select("#explorateur script, #explorateur option script") == []
    # The script is loaded where it is needed only.
    assert html.select_one("script[src$='assets/explorateur.js']") is not None
    home = read_html(explorer_site / "index.html")
    assert home.select_one("script[src$='assets/explorateur.js']") is None


def test_without_javascript_the_page_is_the_full_list(chromium: Any, explorer_url: str) -> None:
    page = chromium.new_page()
    page.route("**/explorateur.js", lambda route: route.abort())
    page.goto(explorer_url + "cas/?theme=cadence")
    assert _shown(page) == ALL_CASES
    assert not page.locator("#explorateur").is_visible()
    page.close()


def test_filters_narrow_the_list_count_and_write_the_address(page: Any, explorer_url: str) -> None:
    page.goto(explorer_url + "cas/")
    assert _shown(page) == ALL_CASES
    assert _status(page) == "4 cas au total."
    page.select_option("#filtre-theme", "cadence")
    assert _shown(page) == {"vente-au-premier-appel", "repondre-par-courriel", "erreurs-de-saisie"}
    _wait_for_address(page, "?theme=cadence")
    page.wait_for_function(
        "document.querySelector('#explorateur-compte').textContent.startsWith('3 cas sur 4')"
    )
    # Each choice counts the cases it would leave, given the other filters.
    roles = page.locator("#filtre-fonction option").all_inner_texts()
    assert "Conseiller / Conseillère au service à la clientèle (2)" in roles
    assert "Non précisée (1)" in roles
    page.select_option("#filtre-niveau", "organisationnel")
    assert _shown(page) == {"vente-au-premier-appel", "erreurs-de-saisie"}
    _wait_for_address(page, "?theme=cadence&niveau=organisationnel")
    page.select_option("#filtre-canal", "courriel")
    assert _shown(page) == set()
    page.wait_for_function(
        "document.querySelector('#explorateur-compte').textContent"
        ".startsWith('Aucun cas sur 4 ne correspond')"
    )
    page.click("#filtre-effacer")
    assert _shown(page) == ALL_CASES
    assert _status(page) == "4 cas au total."
    _wait_for_address(page, "")


def test_text_filter_forgives_accents_plurals_and_ligatures(page: Any, explorer_url: str) -> None:
    page.goto(explorer_url + "cas/")
    page.locator("#filtre-texte").press_sequentially("manoeuvre clientele")
    assert _shown(page) == {"repondre-par-courriel"}  # « manœuvre, clientèle » in its keywords
    _wait_for_address(page, "?texte=manoeuvre+clientele")
    page.fill("#filtre-texte", "")
    page.locator("#filtre-texte").press_sequentially("ERREURS")
    assert _shown(page) == {"erreurs-de-saisie"}  # « Des erreurs de saisie… »
    page.fill("#filtre-texte", "")
    page.locator("#filtre-texte").press_sequentially("l'entreprise")
    assert _shown(page) == set()


def test_a_shared_address_opens_the_same_view(page: Any, explorer_url: str) -> None:
    page.goto(explorer_url + "cas/?fonction=conseiller-au-service-a-la-clientele&canal=courriel")
    assert _shown(page) == {"repondre-par-courriel"}
    assert page.locator("#filtre-fonction").input_value() == "conseiller-au-service-a-la-clientele"
    assert page.locator("#filtre-canal").input_value() == "courriel"
    assert _status(page) == "1 cas sur 4 correspond à ces filtres."
    assert page.locator("details.explorateur-plus").get_attribute("open") is not None
    page.goto(explorer_url + "cas/?texte=saisie")
    assert page.locator("#filtre-texte").input_value() == "saisie"
    assert _shown(page) == {"erreurs-de-saisie"}


def test_an_unknown_value_in_an_old_address_is_said_and_ignored(
    page: Any, explorer_url: str
) -> None:
    page.goto(explorer_url + "cas/?theme=theme-disparu&niveau=collectif")
    assert _shown(page) == {"repondre-par-courriel", "erreurs-de-saisie"}
    assert "Filtre inconnu ignoré : « theme-disparu »" in _status(page)
    _wait_for_address(page, "?niveau=collectif")


def test_filters_work_from_the_keyboard(page: Any, explorer_url: str) -> None:
    page.goto(explorer_url + "cas/")
    page.focus("#filtre-texte")
    page.keyboard.type("vente")
    assert _shown(page) == {"vente-au-premier-appel"}
    page.keyboard.press("Enter")  # no submission: the page stays, the filter stays
    assert _shown(page) == {"vente-au-premier-appel"}
    page.keyboard.press("Tab")  # to « Filtrer par thème… », already open on a wide screen
    page.keyboard.press("Tab")  # to the theme select
    assert page.evaluate("document.activeElement.id") == "filtre-theme"
    page.keyboard.press("End")
    assert page.locator("#filtre-theme").input_value() == "pression"
    assert _shown(page) == {"vente-au-premier-appel"}
    page.focus("#filtre-effacer")
    page.keyboard.press("Enter")
    assert _shown(page) == ALL_CASES
    assert page.evaluate("document.activeElement.id") == "filtre-texte"


def test_on_a_phone_the_choices_fold_away_until_used(page: Any, explorer_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(explorer_url + "cas/")
    assert page.locator("#filtre-texte").is_visible()
    assert not page.locator("#filtre-theme").is_visible()
    page.locator("details.explorateur-plus > summary").click()
    page.select_option("#filtre-theme", "pression")
    assert "(1 actif)" in page.locator("details.explorateur-plus > summary").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scroll


def test_explorer_has_no_accessibility_violation_while_filtering(
    page: Any, explorer_url: str
) -> None:
    page.goto(explorer_url + "cas/?theme=cadence&texte=dossier")
    assert _shown(page) == {"erreurs-de-saisie"}
    assert axe_violations(page) == []
    assert page.locator("#explorateur-compte").get_attribute("role") == "status"


def test_explorer_starts_after_an_instant_navigation(
    tmp_path: Path, chromium: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With Material's ``navigation.instant`` (off today), the explorer still starts."""
    root = explorer_project(tmp_path)
    config = root / "mkdocs.yml"
    features = "  features:\n"
    assert features in config.read_text("utf-8")
    config.write_text(
        config.read_text("utf-8").replace(features, features + "    - navigation.instant\n"),
        "utf-8",
    )
    with socket.socket() as probe:  # instant loading only follows links under site_url
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("DILEMMES_SITE_URL", f"http://127.0.0.1:{port}/")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    with serve_directory(root / "site", port) as url:
        page = chromium.new_page()
        page.goto(url)
        page.evaluate("window.pasRecharge = true")
        page.locator(".md-nav__link", has_text="Les cas").first.click()
        page.wait_for_selector("#explorateur:not([hidden])")
        assert page.evaluate("window.pasRecharge") is True  # the same document: instant
        page.select_option("#filtre-theme", "pression")
        assert _shown(page) == {"vente-au-premier-appel", "piege-html"}
        _wait_for_address(page, "?theme=pression")
        page.close()


def test_a_long_list_is_filtered_in_place_and_in_order(tmp_path: Path, chromium: Any) -> None:
    """Past 50 changes the list is taken out of the page while it changes, then put back."""
    root = explorer_project(tmp_path)
    base = (root / "cases" / "erreurs-de-saisie.yaml").read_text("utf-8")
    for number in range(120):
        code = "".join("abcdefghijklmnopqrstuvwxyz"[number // 26**k % 26] for k in (1, 0))
        (root / "cases" / f"copie-{code}.yaml").write_text(
            base.replace("id: erreurs-de-saisie", f"id: copie-{code}").replace(
                "titre: Des erreurs de saisie", f"titre: Copie {code} des erreurs de saisie"
            ),
            "utf-8",
        )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    with serve_directory(root / "site") as url:
        page = chromium.new_page()
        page.goto(url + "cas/")
        links = "li.explorateur-cas > strong > a"
        href_list = "links => links.map(a => a.getAttribute('href'))"
        before = page.eval_on_selector_all(links, href_list)
        assert len(before) == 124
        page.select_option("#filtre-theme", "pression")
        assert _shown(page) == {"vente-au-premier-appel", "piege-html"}
        page.select_option("#filtre-theme", "")
        assert len(_shown(page)) == 124
        # The list is back where it was, after the form, its cases in the same order.
        assert (
            page.evaluate(
                "document.querySelector('li.explorateur-cas').parentElement.previousElementSibling.id"
            )
            == "explorateur"
        )
        assert page.eval_on_selector_all(links, href_list) == before
        page.close()
