"""Training paths in the built fixture site: addresses, links, content and escaping."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import read_html
from search_data import search_locations
from test_golden import PAGES
from test_site import _links

PATH = "parcours/atelier-vente"
KIT = "parcours/atelier-vente/trousse"


def _article(site: Path, page: str) -> BeautifulSoup:
    article = read_html(site / page / "index.html").select_one("article")
    assert article is not None
    return article


def _text(site: Path, page: str) -> str:
    return " ".join(_article(site, page).get_text(" ").split())


def test_every_path_page_and_kit_has_a_golden_file() -> None:
    assert {
        "parcours/index.md",
        "parcours/atelier-vente.md",
        "parcours/atelier-vente/trousse.md",
        "parcours/piege-parcours/trousse.md",
    } <= set(PAGES)


def test_index_lists_published_paths_with_their_kits(fixture_site: Path) -> None:
    links = _links(fixture_site, "parcours")
    assert {PATH, KIT, "parcours/piege-parcours", "parcours/piege-parcours/trousse"} <= links
    assert "parcours-format" in links
    text = _text(fixture_site, "parcours")
    assert "40 min · 2 cas · Une équipe de test" in text
    # The draft path is only in the preview.
    assert not (fixture_site / "parcours" / "parcours-en-brouillon").exists()
    assert "brouillon" not in text.lower()


def test_index_is_in_the_navigation(fixture_site: Path) -> None:
    home = read_html(fixture_site / "index.html")
    nav = [a["href"] for a in home.select("nav.md-nav--primary a[href]")]
    assert "parcours/" in nav and "parcours-format/" in nav


def test_path_page_shows_the_plan_and_links_to_cases_and_kit(fixture_site: Path) -> None:
    links = _links(fixture_site, PATH)
    assert {"cas/vente-au-premier-appel", "cas/erreurs-de-saisie", KIT} <= links
    assert {"pistes/reconnaitre-les-efforts", "pistes/en-parler-en-equipe"} <= links
    article = _article(fixture_site, PATH)
    steps = [h.get_text(" ", strip=True).rstrip("#").strip() for h in article.select("h3")]
    assert steps == [
        "1. Accueil",
        "2. Conclure la vente dès le premier appel",
        "3. Des erreurs de saisie en fin de journée",
        "4. Synthèse",
    ]
    assert [h["id"] for h in article.select("h3")] == [f"etape-{n}" for n in range(1, 5)]
    text = _text(fixture_site, PATH)
    for expected in (
        "Public Une équipe de test",
        "Durée 40 min",
        "Discuter d'une vente sous pression .",
        "De 5 à 25 min (20 min)",
        "Faire voter le groupe, puis discuter.",
        "Questions à privilégier : question 2 .",
        "Revenir sur les idées à la prochaine réunion.",
    ):
        assert expected in text
    focus = article.select_one('a[href$="cas/vente-au-premier-appel/#question-2"]')
    assert focus is not None


def test_kit_holds_each_case_in_full_in_order(fixture_site: Path) -> None:
    article = _article(fixture_site, KIT)
    text = _text(fixture_site, KIT)
    order = [
        "Le plan",
        "Étape 1 · Accueil",
        "Présenter la séance.",
        "Étape 2 · Conclure la vente dès le premier appel",
        "Faire voter le groupe",
        "Centre d'appels",
        "Ce que demande la cliente",
        "Faut-il insister pour conclure la vente pendant l'appel ?",
        "Option 1 : Insister pour conclure maintenant",
        "Option 2 : Laisser à la cliente le temps de réfléchir",
        "Quelles marges de manœuvre",
        "Qui décide du rythme des appels ? (à privilégier)",
        "Notes d'animation du cas",
        "Commencez par un tour de table.",
        "Étape 3 · Des erreurs de saisie en fin de journée",
        "L'agent traite des réclamations.",
        "Vérifier chaque dossier ou atteindre le nombre attendu ?",
        "Que faudrait-il pour que la vérification compte ?",
        "Étape 4 · Synthèse",
        "Après la séance",
    ]
    positions = [text.find(part) for part in order]
    assert -1 not in positions, [p for p, i in zip(order, positions, strict=True) if i < 0]
    assert positions == sorted(positions)
    # Each case begins a printed page; anchors stay unique on a page with several cases.
    assert [h["id"] for h in article.select("h2.trousse-cas")] == ["etape-2", "etape-3"]
    ids = Counter(tag["id"] for tag in article.select("[id]"))
    assert [name for name, count in ids.items() if count > 1] == []
    assert article.select(".trousse-question-choisie") == article.select(
        "#vente-au-premier-appel-question-2"
    )
    links = _links(fixture_site, KIT)
    assert {"cas/vente-au-premier-appel", "cas/erreurs-de-saisie", PATH} <= links


def test_kit_is_left_out_of_search_and_sidebars(fixture_site: Path) -> None:
    locations = search_locations(fixture_site)
    assert "parcours/atelier-vente/" in locations
    assert "parcours/atelier-vente/trousse/" not in locations
    page = read_html(fixture_site / KIT / "index.html")
    assert page.select(".md-sidebar--primary[hidden], .md-sidebar--secondary[hidden]")


def test_hostile_path_text_is_shown_not_run(fixture_site: Path) -> None:
    for page in ("parcours/piege-parcours", "parcours/piege-parcours/trousse", "parcours"):
        article = _article(fixture_site, page)
        assert article.select("script, iframe, img, b, i") == [], page
        assert not any(
            attr.startswith("on") for tag in article.find_all(True) for attr in tag.attrs
        ), page
        text = article.get_text(" ")
        assert "<script>alert('public')</script> | une | table" in text, page
        assert "49" not in text, page
    article = _article(fixture_site, "parcours/piege-parcours")
    assert "<i>Accueil</i> | pipe ]] [x](y) { #id .classe }" in article.get_text(" ")
    assert article.select_one("h3#etape-1") is not None
    title = read_html(fixture_site / "parcours" / "piege-parcours" / "index.html").select_one(
        "title"
    )
    assert title is not None
    assert title.get_text().startswith("<b>Parcours</b> & </title><script>")
