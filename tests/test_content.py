"""The shipped content: every case and registry passes the check, and the site builds."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO, read_html
from dilemmes.project import gather


def test_shipped_cases_pass_check() -> None:
    gathered = gather(REPO, include_drafts=True)
    assert [str(p) for p in gathered.problems] == []
    assert len(gathered.corpus.cases) >= 1


def test_shipped_site_builds_strict(shipped_site: Path) -> None:
    for case in gather(REPO).corpus.cases.values():
        page = read_html(shipped_site / "cas" / case.id / "index.html")
        assert page.select_one("h1") is not None


# The seed content's promises (issue « Seed content »), checked on the shipped files.
SHIPPED = gather(REPO).corpus
LEVELS = {"individuel", "collectif", "organisationnel"}


def test_seed_content_has_enough_cases_per_theme_and_guidance() -> None:
    assert len(SHIPPED.cases) >= 14
    assert set(SHIPPED.themes) == {
        "pression-a-la-vente",
        "cadence-et-erreurs",
        "objectifs-a-la-hausse",
        "qualite-du-service",
        "marges-de-manoeuvre",
        "sens-du-travail",
    }
    for theme in SHIPPED.themes:
        assert len(SHIPPED.cases_by_theme.get(theme, ())) >= 2, theme
        assert SHIPPED.pistes_by_theme.get(theme), theme
    assert len(SHIPPED.pistes) >= 6
    assert "reconnaitre-les-efforts" in SHIPPED.pistes
    assert {piste.niveau for piste in SHIPPED.pistes.values()} == LEVELS
    for piste in SHIPPED.pistes:
        assert len(SHIPPED.cases_by_piste.get(piste, ())) >= 2, piste


def test_each_vignette_follows_the_seed_rules() -> None:
    with_notes = 0
    for case in SHIPPED.cases.values():
        words = len(case.recit.split())
        assert 150 <= words <= 350, (case.id, words)
        assert 2 <= len(case.questions) <= 4, case.id
        assert SHIPPED.related.get(case.id), case.id
        assert (case.etude, case.source_type) == ("crievat-2022", "composite"), case.id
        with_notes += bool(case.animation)
    assert with_notes * 2 >= len(SHIPPED.cases)


def test_every_case_is_three_clicks_from_home(shipped_site: Path) -> None:
    site = shipped_site
    depth = {"": 0}
    frontier = [""]
    while frontier:
        page = frontier.pop(0)
        if depth[page] == 3:
            continue
        html = read_html(site / page / "index.html")
        for anchor in html.select("a[href]"):
            href = anchor["href"].split("#")[0]
            if not href or href.startswith(("http", "mailto")):
                continue
            target = (Path("/", page) / href).resolve().relative_to("/").as_posix()
            target = "" if target == "." else target.removesuffix("index.html").rstrip("/")
            if target not in depth and (site / target / "index.html").is_file():
                depth[target] = depth[page] + 1
                frontier.append(target)
    for case in SHIPPED.cases:
        assert depth.get(f"cas/{case}", 99) <= 3, case
