"""What a trainer does in the browser: link to a question, copy a link or a reference,
open the trainer view, print. Headless Chromium on the fixture site.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from conftest import built_site_url

CASE = "cas/vente-au-premier-appel/"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def page(chromium: Any, fixture_url: str) -> Iterator[Any]:
    chromium.grant_permissions(["clipboard-read", "clipboard-write"], origin=fixture_url[:-1])
    tab = chromium.new_page()
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    tab.close()
    assert errors == []


def _clipboard(page: Any) -> str:
    return str(page.evaluate("navigator.clipboard.readText()"))


@pytest.mark.browser
def test_link_to_a_question_opens_the_page_there(page: Any, fixture_url: str) -> None:
    page.goto(fixture_url + CASE + "#question-2")
    assert page.evaluate("document.querySelector(':target').id") == "question-2"
    target = page.locator("#question-2")
    assert target.is_visible()
    assert "Qui décide du rythme des appels ?" in target.inner_text()


@pytest.mark.browser
def test_question_link_is_visible_on_a_phone_and_copies_the_full_address(
    page: Any, fixture_url: str
) -> None:
    page.set_viewport_size(PHONE)
    page.goto(fixture_url + CASE)
    icon = page.get_by_role("link", name="Lien vers la question 2", exact=True)
    box = icon.bounding_box()
    assert box is not None and box["width"] >= 20 and box["height"] >= 20
    assert icon.evaluate("e => getComputedStyle(e).opacity") == "1"
    button = page.get_by_role("button", name="Copier le lien vers la question 2", exact=True)
    assert button.inner_text() == "Copier le lien"
    button.click()
    assert _clipboard(page) == built_site_url() + CASE + "#question-2"
    assert button.inner_text() == "Lien copié"
    page.wait_for_function("document.querySelector('.cas-statut').textContent === 'Lien copié'")
    # Options too.
    page.get_by_role("button", name="Copier le lien vers l'option 1", exact=True).click()
    assert _clipboard(page) == built_site_url() + CASE + "#option-1"


@pytest.mark.browser
def test_copy_both_references(page: Any, fixture_url: str) -> None:
    page.goto(fixture_url + CASE)
    page.get_by_role("button", name="Copier la référence en style auteur-date").click()
    reference = _clipboard(page)
    assert reference.startswith("Dilemmes au travail. (s. d.). Conclure la vente dès le premier")
    assert reference.endswith(built_site_url() + CASE)
    page.get_by_role("button", name="Copier la référence BibTeX").click()
    bibtex = _clipboard(page)
    assert bibtex.startswith("@misc{dilemmes-vente-au-premier-appel,\n")
    assert bibtex.endswith("}")


@pytest.mark.browser
def test_open_the_trainer_view_and_come_back(page: Any, fixture_url: str) -> None:
    page.goto(fixture_url + CASE)
    page.get_by_role("link", name="version pour l'animation", exact=True).click()
    page.wait_for_url(fixture_url + CASE + "animation/")
    assert page.locator("h1").inner_text().startswith("Animer : Conclure la vente")
    assert page.get_by_text("Commencez par un tour de table.").is_visible()
    assert page.locator(".cas-partage img.cas-qr").is_visible()
    # The trainer copies the group page's address, the one to share.
    page.get_by_role(
        "button", name="Copier le lien vers la question 1 (version pour le groupe)"
    ).click()
    assert _clipboard(page) == built_site_url() + CASE + "#question-1"
    page.get_by_role("link", name="version pour le groupe", exact=True).click()
    page.wait_for_url(fixture_url + CASE)
    assert page.get_by_text("Commencez par un tour de table.").count() == 0


@pytest.mark.browser
def test_print_button_prints(page: Any, fixture_url: str) -> None:
    for address, label in (
        (CASE, "Imprimer la fiche"),
        (CASE + "animation/", "Imprimer la fiche d'animation"),
    ):
        page.goto(fixture_url + address)
        page.evaluate("window.print = () => { window.imprime = true; }")
        page.get_by_role("button", name=label, exact=True).click()
        assert page.evaluate("window.imprime") is True


@pytest.mark.browser
def test_news_page_and_group_page_hide_print_only_parts(page: Any, fixture_url: str) -> None:
    page.goto(fixture_url + "nouveautes/")
    assert page.locator("h1").inner_text().startswith("Nouveautés")
    page.goto(fixture_url + CASE)
    # The QR block is for paper; on screen the address is in the address bar.
    assert not page.locator(".cas-imprime-seulement").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".cas-imprime-seulement").is_visible()
    assert not page.locator(".cas-citation").is_visible()
    assert not page.locator(".md-header").is_visible()
    page.emulate_media(media="screen")
