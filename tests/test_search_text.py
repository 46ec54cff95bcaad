"""The words of the search: the Python rules, and the browser's copy of them, agree."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import REPO
from dilemmes.search_text import fold, stem, terms

ENGINE = REPO / "overrides" / "assets" / "javascripts" / "recherche.js"

SAMPLES = [
    "Clientèle âgée, CLIENTÈLE, clientele",
    "Marges de manœuvre ; MANŒUVRES ; manoeuvre ; Æquo",
    "l'entreprise, l’entreprise, d’un, jusqu'à, qu'elle, lorsqu’il",
    "Employées, employé, conseillères, professionnelles, anciennes, travaux, bureaux",
    "Vente-croisée au comptoir : 2 000 $ en 2022 ?",
    "e\u0301te\u0301 de\u0301compose\u0301 (NFD)",
    "Straße, İstanbul, ﬁn, Ǆ, ª, ½",
    "a b c x y z",
]


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("clientele", "clientèle"),
        ("CLIENTELE", "Clientèle"),
        ("manoeuvre", "manœuvre"),
        ("manœuvres", "manœuvre"),
        ("degats", "dégât"),
        ("employees", "employé"),
        ("conseillere", "conseillers"),
        ("professionnelles", "professionnel"),
        ("anciennes", "ancien"),
    ],
)
def test_spellings_meet_in_one_term(typed: str, written: str) -> None:
    assert terms(typed) == terms(written)


def test_elisions_and_apostrophes_split_words() -> None:
    assert terms("l'entreprise") == ["entreprise"]
    assert terms("l’entreprise d’assurance") == ["entreprise", "assurance"]
    assert terms("jusqu'à lorsqu’elle") == ["elle"]


def test_stemming_only_removes_letters() -> None:
    """A word typed halfway stays a prefix of the stem of the whole word, or its stem."""
    for word in ("professionnelles", "employees", "conseilleres", "anciennes", "bureaux"):
        whole = stem(fold(word))
        assert word.startswith(whole)


@pytest.mark.browser
def test_browser_cuts_words_as_python_does(chromium: Any) -> None:
    page = chromium.new_page()
    page.set_content("<html><body></body></html>")
    page.add_script_tag(path=str(ENGINE))
    for text in SAMPLES:
        in_browser = page.evaluate("t => window.__rechercheOutils.terms(t)", text)
        assert in_browser == terms(text), text
    page.close()
