"""The whole fixture site, built with ``mkdocs build --strict`` and read as HTML."""

from __future__ import annotations

from pathlib import Path

from conftest import read_html
from search_data import search_records


def _links(site: Path, page: str) -> set[str]:
    """Resolved site paths of the links inside a page's article."""
    html = read_html(site / page / "index.html")
    article = html.select_one("article")
    assert article is not None
    base = Path(page)
    links = set()
    for anchor in article.select("a[href]"):
        href = anchor["href"].split("#")[0]
        if href and not href.startswith(("http", "mailto")):
            links.add((base / href).as_posix().replace("/./", "/").rstrip("/"))
    return {_normalise(link) for link in links}


def _normalise(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def test_every_published_case_has_its_address(fixture_site: Path) -> None:
    for case_id in ("vente-au-premier-appel", "erreurs-de-saisie", "piege-html"):
        assert (fixture_site / "cas" / case_id / "index.html").is_file()


def test_drafts_are_not_published(fixture_site: Path) -> None:
    assert not (fixture_site / "cas" / "brouillon-en-cours").exists()
    assert "brouillon" not in (fixture_site / "cas" / "index.html").read_text("utf-8").lower()


def test_case_theme_and_guidance_link_both_ways(fixture_site: Path) -> None:
    case = _links(fixture_site, "cas/vente-au-premier-appel")
    assert {"themes/pression", "themes/cadence", "pistes/reconnaitre-les-efforts"} <= case
    assert "cas/vente-au-premier-appel" in _links(fixture_site, "themes/pression")
    assert "cas/vente-au-premier-appel" in _links(fixture_site, "pistes/reconnaitre-les-efforts")
    assert "pistes/reconnaitre-les-efforts" in _links(fixture_site, "themes/pression")


def test_related_cases_link_in_both_directions(fixture_site: Path) -> None:
    # Only vente-au-premier-appel names the other one in cas_lies.
    assert "cas/erreurs-de-saisie" in _links(fixture_site, "cas/vente-au-premier-appel")
    assert "cas/vente-au-premier-appel" in _links(fixture_site, "cas/erreurs-de-saisie")


def test_case_page_shows_every_part(fixture_site: Path) -> None:
    html = read_html(fixture_site / "cas" / "vente-au-premier-appel" / "index.html")
    article = html.select_one("article")
    assert article is not None
    text = article.get_text(" ", strip=True)
    assert (
        html.select_one("h1")
        .get_text(strip=True)
        .startswith("Conclure la vente dès le premier appel")
    )
    for expected in (
        "la cliente souhaite comparer",
        "Centre d'appels",
        "Récit",
        "Faut-il insister pour conclure la vente pendant l'appel ?",
        "Option 1 : Insister pour conclure maintenant",
        "Option 2 : Laisser à la cliente le temps de réfléchir",
        "Questions pour la discussion",
        "Reconnaître les efforts",
        "Considérer les efforts du personnel",
        "Vignette composite",
        "Une étude fictive pour les tests",
        "20 novembre 2026",
    ):
        assert expected in text
    assert [li["id"] for li in article.select("ol.cas-questions li")] == [
        "question-1",
        "question-2",
    ]
    assert len(article.select(".cas-options .cas-option")) == 2
    # Trainer notes are not on the employee page.
    assert "tour de table" not in html.decode()


def test_case_index_lists_published_cases_with_summary_and_themes(fixture_site: Path) -> None:
    links = _links(fixture_site, "cas")
    assert {"cas/vente-au-premier-appel", "cas/erreurs-de-saisie", "cas/piege-html"} <= links
    text = " ".join(
        read_html(fixture_site / "cas" / "index.html").select_one("article").get_text(" ").split()
    )
    assert "Le nombre de dossiers attendu par jour laisse peu de temps" in text
    assert "Thèmes : Cadence et erreurs" in text


def test_edit_link_opens_the_yaml_file(fixture_site: Path) -> None:
    html = read_html(fixture_site / "cas" / "erreurs-de-saisie" / "index.html")
    edit = html.select_one("a[rel=edit]")
    assert edit is not None
    assert edit["href"].endswith("/edit/main/cases/erreurs-de-saisie.yaml")
    theme = read_html(fixture_site / "themes" / "pression" / "index.html")
    assert theme.select_one("a[rel=edit]")["href"].endswith("/edit/main/docs/themes/pression.md")


def test_alias_leads_to_the_case(fixture_site: Path) -> None:
    html = read_html(fixture_site / "cas" / "ancienne-vente" / "index.html")
    refresh = html.select_one("meta[http-equiv=refresh]")
    assert refresh is not None and refresh["content"] == "0; url=../vente-au-premier-appel/"
    target = fixture_site / "cas" / "ancienne-vente" / "../vente-au-premier-appel/index.html"
    assert target.resolve().is_file()


def test_hostile_text_is_shown_not_run(fixture_site: Path) -> None:
    page = (fixture_site / "cas" / "piege-html" / "index.html").read_text("utf-8")
    html = read_html(fixture_site / "cas" / "piege-html" / "index.html")
    article = html.select_one("article")
    assert article is not None
    # The only image is the QR code of the case's own address, made by the build.
    assert article.select("script, iframe, img:not(.cas-qr), svg[onload], u") == []
    assert [img["src"] for img in article.select("img.cas-qr")] == ["qr.svg"]
    assert not any(attr.startswith("on") for tag in article.find_all(True) for attr in tag.attrs)
    text = article.get_text(" ")
    assert "<script>alert('recit')</script>" in text
    assert "{{ 7*7 }}" in text and "49" not in text
    # The <title> shows the text; it does not close early.
    title = html.select_one("title")
    assert title is not None
    assert title.get_text() == (
        "<b>Gras</b> & </title><script>alert('titre')</script> - Dilemmes au travail"
    )
    assert "alert('titre')</script>" not in page.replace("&lt;/script&gt;", "")
    # The header repeats the title as text too.
    topic = html.select(".md-header__topic .md-ellipsis")[-1]
    assert topic.select("b, script") == []
    assert topic.get_text(strip=True) == "<b>Gras</b> & </title><script>alert('titre')</script>"


def test_hostile_title_is_plain_text_in_search_data_and_escaped_in_lists(
    fixture_site: Path,
) -> None:
    # The search data holds plain text; the browser escapes it where it shows it
    # (test_search_browser.py::test_hostile_title_is_shown_as_text_in_results).
    records = search_records(fixture_site)
    titles = [record[1] for record in records if record[0] == "cas/piege-html/"]
    assert titles == ["<b>Gras</b> & </title><script>alert('titre')</script>"]
    listing = read_html(fixture_site / "cas" / "index.html").select_one("article")
    assert listing.select("b, script") == []


def test_site_is_french_and_asks_no_outside_host(fixture_site: Path) -> None:
    page = (fixture_site / "index.html").read_text("utf-8")
    assert '<html lang="fr"' in page
    assert "fonts.googleapis.com" not in page and "fonts.gstatic.com" not in page
    assert '<meta name="description"' in page
