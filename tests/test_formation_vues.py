"""Two views of a case: the group page without trainer notes, the trainer view with them.

Read from the fixture site built with ``mkdocs build --strict``.
"""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, built_site_url, read_html
from dilemmes import formation
from dilemmes.pages import build_pages
from dilemmes.project import gather
from search_data import search_locations

NOTES = "Commencez par un tour de table."
CASES = ("vente-au-premier-appel", "erreurs-de-saisie", "piege-html")


def test_trainer_view_shows_notes_timing_and_debrief(fixture_site: Path) -> None:
    html = read_html(fixture_site / "cas" / "vente-au-premier-appel" / "animation" / "index.html")
    article = html.select_one("article")
    assert article is not None
    text = " ".join(article.get_text(" ").split())
    assert (
        html.select_one("h1")
        .get_text(strip=True)
        .startswith("Animer : Conclure la vente dès le premier appel")
    )
    for expected in (
        "Version pour l'animation",
        "Déroulement suggéré",
        "Lecture du cas",
        "Total 33 min",
        "Une suggestion calculée à partir de la longueur du cas",
        "Ces durées ne viennent pas de l'étude",
        "Notes d'animation",
        NOTES,
        "Faut-il insister pour conclure la vente pendant l'appel ?",
        "Qui décide du rythme des appels ?",
        "Questions de retour",
        "Quelle option a été choisie le plus souvent ?",
        "Reconnaître les efforts",
        "Partager avec le groupe",
    ):
        assert expected in text, expected


def test_both_views_link_to_each_other(fixture_site: Path) -> None:
    group = read_html(fixture_site / "cas" / "vente-au-premier-appel" / "index.html")
    to_trainer = group.select_one("article .cas-vues a")
    assert to_trainer is not None and to_trainer["href"] == "animation/"
    assert to_trainer.get_text() == "version pour l'animation"
    trainer = read_html(
        fixture_site / "cas" / "vente-au-premier-appel" / "animation" / "index.html"
    )
    to_group = trainer.select_one("article .cas-vues a")
    assert to_group is not None and to_group["href"] == "../"
    assert to_group.get_text() == "version pour le groupe"


def test_group_page_never_holds_the_notes(fixture_site: Path) -> None:
    page = (fixture_site / "cas" / "vente-au-premier-appel" / "index.html").read_text("utf-8")
    assert "tour de table" not in page
    assert "Notes d'animation" not in page


def test_trainer_views_are_out_of_search_and_sidebar(fixture_site: Path) -> None:
    data = "\n".join(p.read_text("utf-8") for p in (fixture_site / "search").rglob("*.js"))
    assert "tour de table" not in data
    locations = search_locations(fixture_site)
    assert not [loc for loc in locations if "/animation/" in loc]
    assert "cas/vente-au-premier-appel/" in locations
    for page in ("index.html", "cas/index.html", "cas/vente-au-premier-appel/index.html"):
        sidebar = read_html(fixture_site / page).select(".md-sidebar--primary a[href]")
        assert sidebar and not [a for a in sidebar if "animation" in a["href"]], page


def test_every_case_has_a_trainer_view_even_without_notes(fixture_site: Path) -> None:
    for case_id in CASES:
        assert (fixture_site / "cas" / case_id / "animation" / "index.html").is_file(), case_id
    page = read_html(fixture_site / "cas" / "erreurs-de-saisie" / "animation" / "index.html")
    assert "Ce cas n'a pas encore de notes d'animation." in page.get_text()
    assert not (fixture_site / "cas" / "brouillon-en-cours" / "animation").exists()


def test_questions_and_options_have_visible_copyable_links(fixture_site: Path) -> None:
    url = built_site_url() + "cas/vente-au-premier-appel/"
    html = read_html(fixture_site / "cas" / "vente-au-premier-appel" / "index.html")
    links = html.select("article a.cas-lien")
    assert [(a["href"], a["aria-label"], a["data-adresse"]) for a in links] == [
        ("#option-1", "Lien vers l'option 1", url + "#option-1"),
        ("#option-2", "Lien vers l'option 2", url + "#option-2"),
        ("#question-1", "Lien vers la question 1", url + "#question-1"),
        ("#question-2", "Lien vers la question 2", url + "#question-2"),
    ]
    for anchor in ("option-1", "option-2", "question-1", "question-2"):
        assert html.select_one(f"#{anchor}") is not None
    # In the trainer view a link jumps to the question on this page (it works in the
    # offline archive too); the address it copies is the group page's, the one to share.
    trainer = read_html(
        fixture_site / "cas" / "vente-au-premier-appel" / "animation" / "index.html"
    )
    shared = [(a["href"], a["data-adresse"]) for a in trainer.select("article a.cas-lien")]
    assert shared[2] == ("#question-1", url + "#question-1")


def test_group_page_has_qr_code_and_short_address_for_print(fixture_site: Path) -> None:
    short = formation.short_address(built_site_url() + "cas/vente-au-premier-appel/")
    html = read_html(fixture_site / "cas" / "vente-au-premier-appel" / "index.html")
    block = html.select_one("article .cas-partage.cas-imprime-seulement")
    assert block is not None
    assert short in block.get_text()
    image = block.select_one("img.cas-qr")
    assert image is not None and image["src"] == "qr.svg"
    svg = (fixture_site / "cas" / "vente-au-premier-appel" / "qr.svg").read_text("ascii")
    assert svg.startswith("<svg") and "<path" in svg and "script" not in svg.lower()
    trainer = read_html(
        fixture_site / "cas" / "vente-au-premier-appel" / "animation" / "index.html"
    )
    assert trainer.select_one("article .cas-partage img.cas-qr")["src"] == "../qr.svg"


def test_generated_pages_of_every_fixture_case() -> None:
    # The trainer view of each published case, and a redirect at each former trainer address.
    pages = build_pages(gather(FIXTURES / "projet").corpus)
    for case_id in CASES:
        assert formation.trainer_uri(case_id) in pages
    redirect = pages["cas/ancienne-vente/animation/index.html"].content
    assert 'url=../../vente-au-premier-appel/animation/"' in str(redirect)
    # Without a site address there is no QR code (it needs an absolute address).
    assert not [uri for uri in pages if uri.endswith("qr.svg")]
