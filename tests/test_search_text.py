"""The words of the search: the Python rules, and the browser's copy of them, agree."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO
from dilemmes.search_text import LIGATURES, WORD, fold, stem, terms

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


def _fold_one_by_one(text: str) -> str:
    """``fold`` as first written, character by character: the definition to keep."""
    decomposed = unicodedata.normalize("NFD", text.lower().translate(LIGATURES))
    return "".join(ch for ch in decomposed if unicodedata.category(ch)[0] != "M")


_WORD_ONE_BY_ONE = re.compile(WORD.pattern.replace("[^\\W_]+|", "[^\\W_]|").rstrip("+)") + ")+")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40) | st.sampled_from(SAMPLES))
def test_fold_and_words_keep_their_definition(text: str) -> None:
    assert fold(text) == _fold_one_by_one(text)
    assert WORD.findall(text) == _WORD_ONE_BY_ONE.findall(text)


def test_every_combining_mark_is_removed() -> None:
    marks = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c))[0] == "M"]
    assert fold("".join(marks)) == ""
