"""Citing a case: author-date and BibTeX, with the site, the address, the date and the study."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from conftest import FIXTURES, built_site_url, fixture_publication, read_html
from dilemmes import formation
from dilemmes.project import gather
from dilemmes.render import date_fr

CORPUS = replace(gather(FIXTURES / "projet").corpus, publication=fixture_publication())


def test_citation_of_a_dated_case() -> None:
    citation = formation.citation(CORPUS.cases["vente-au-premier-appel"], CORPUS, date_fr)
    assert citation.text == (
        "Dilemmes au travail. (2026, 27 novembre). Conclure la vente dès le premier appel "
        "[vignette composite, d'après l'étude « Une étude fictive pour les tests » "
        "(Équipe de test, Une période fictive)]. "
        "https://exemple.org/dilemmes/cas/vente-au-premier-appel/"
    )
    assert citation.bibtex == (
        "@misc{dilemmes-vente-au-premier-appel,\n"
        "  author       = {{Dilemmes au travail}},\n"
        "  title        = {Conclure la vente dès le premier appel},\n"
        "  year         = {2026},\n"
        "  date         = {2026-11-27},\n"
        "  url          = {https://exemple.org/dilemmes/cas/vente-au-premier-appel/},\n"
        "  howpublished = {\\url{https://exemple.org/dilemmes/cas/vente-au-premier-appel/}},\n"
        "  note         = {Vignette composite, d'après l'étude « Une étude fictive pour les "
        "tests » (Équipe de test, Une période fictive)},\n"
        "  language     = {french},\n"
        "}"
    )


def test_citation_without_a_date_says_so_and_escapes_latex() -> None:
    citation = formation.citation(CORPUS.cases["piege-html"], CORPUS, date_fr)
    assert citation.before_title == "Dilemmes au travail. (s. d.). "
    assert "  year" not in citation.bibtex and "  date" not in citation.bibtex
    assert (
        "  title        = {<b>Gras</b> \\& </title><script>alert('titre')</script>},"
        in citation.bibtex
    )
    special = replace(CORPUS.cases["piege-html"], titre="50 % de {tout} & #1 $ _ ^ ~ \\")
    assert "{50 \\% de \\{tout\\} \\& \\#1 \\$ \\_ \\^{} \\~{} \\textbackslash{}}" in (
        formation.citation(special, CORPUS, date_fr).bibtex
    )


def test_case_page_shows_both_references_escaped(fixture_site: Path) -> None:
    url = built_site_url() + "cas/vente-au-premier-appel/"
    html = read_html(fixture_site / "cas" / "vente-au-premier-appel" / "index.html")
    block = html.select_one("article .cas-citation")
    assert block is not None
    reference = block.select_one("#reference-auteur-date")
    assert reference is not None
    text = " ".join(reference.get_text().split())
    assert text.startswith("Dilemmes au travail. (s. d.). Conclure la vente dès le premier appel")
    assert reference.select_one("i").get_text() == "Conclure la vente dès le premier appel"
    assert "Une étude fictive pour les tests" in text and text.endswith(url)
    bibtex = block.select_one(".cas-bibtex code")
    assert bibtex is not None and bibtex.get_text().startswith(
        "@misc{dilemmes-vente-au-premier-appel,"
    )
    assert f"url          = {{{url}}}" in bibtex.get_text()
    # The hostile title is text in both references.
    hostile = read_html(fixture_site / "cas" / "piege-html" / "index.html")
    cited = hostile.select_one(".cas-bibtex")
    assert cited is not None and cited.select("script, b") == []
    assert "<script>alert('titre')</script>" in cited.get_text()
