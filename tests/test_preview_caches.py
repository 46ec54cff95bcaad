"""``make serve``: unchanged vignettes are not read again, unchanged pages not redone."""

from __future__ import annotations

import os
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from conftest import copy_project
from dilemmes.audit import audit_site
from dilemmes.case_cache import CaseCache
from dilemmes.page_memo import PageMemo
from dilemmes.pages import build_pages, case_uri
from dilemmes.project import CaseRead, gather, read_case
from dilemmes.search_documents import TrainerNotes
from dilemmes.search_index import Analysed, score
from dilemmes.search_site import CaseAnalyses, PageAnalyses, analyse_cases

# Built files are dated an hour ahead: MkDocs then takes hand-written pages for unchanged
# (``File.is_modified``), and a file written by the next build is dated now.
AHEAD = time.time() + 3600


def _counting() -> tuple[CaseCache, list[str]]:
    read: list[str] = []

    def reader(path: str, data: bytes) -> CaseRead:
        read.append(path)
        return read_case(path, data)

    return CaseCache(reader), read


def test_only_changed_vignettes_are_read_again(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    cache, read = _counting()
    first = gather(root, include_drafts=True, case_reader=cache)
    assert len(read) == 4 and cache.parsed == 4

    read.clear()
    again = gather(root, include_drafts=True, case_reader=cache)
    assert read == []
    assert again.corpus == first.corpus and again.problems == first.problems

    case = root / "cases" / "erreurs-de-saisie.yaml"
    case.write_text(case.read_text("utf-8").replace("en fin de journée", "le vendredi"), "utf-8")
    changed = gather(root, include_drafts=True, case_reader=cache)
    assert read == ["cases/erreurs-de-saisie.yaml"]
    assert changed.corpus.cases["erreurs-de-saisie"].titre == "Des erreurs de saisie le vendredi"
    assert changed == gather(root, include_drafts=True)  # the same as without the cache


def test_a_deleted_vignette_is_forgotten(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    cache, read = _counting()
    gather(root, case_reader=cache)
    (root / "cases" / "piege-html.yaml").unlink()
    gathered = gather(root, case_reader=cache)
    cache.keep_only(gathered.checked)
    (root / "cases" / "piege-html.yaml").write_text("id: [", "utf-8")
    read.clear()
    assert gather(root, case_reader=cache).problems  # read again, not taken from the cache
    assert read == ["cases/piege-html.yaml"]


def _dirty_build(root: Path, site: Path) -> None:
    """One rebuild of ``mkdocs serve --dirty``: the plugin instance lives on between them."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    build(config, dirty=True)


def _pages_written_since(site: Path) -> set[str]:
    return {
        path.relative_to(site).as_posix()
        for path in site.rglob("index.html")
        if path.stat().st_mtime < AHEAD - 60
    }


def test_dirty_rebuild_writes_only_the_pages_that_changed(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    site = tmp_path / "site"
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        _check_dirty_rebuilds(root, site, config)
    finally:  # MkDocs keeps the plugin instance for the whole process: leave it as a build
        config.plugins.on_startup(command="build", dirty=False)


def _check_dirty_rebuilds(root: Path, site: Path, config: MkDocsConfig) -> None:
    build(config, dirty=True)
    every_page = {path.relative_to(site).as_posix() for path in site.rglob("index.html")}
    assert "cas/erreurs-de-saisie/index.html" in every_page
    for path in site.rglob("*"):
        os.utime(path, (AHEAD, AHEAD))

    case = root / "cases" / "erreurs-de-saisie.yaml"
    text = case.read_text("utf-8")
    assert "recit: |" in text
    case.write_text(text.replace("recit: |\n", "recit: |\n  Un lundi.\n\n", 1), "utf-8")
    _dirty_build(root, site)
    written = _pages_written_since(site)
    # The case page, and only pages that show the récit (a training kit prints it too).
    assert "cas/erreurs-de-saisie/index.html" in written
    assert all("Un lundi." in (site / page).read_text("utf-8") for page in written)
    assert len(written) < len(every_page) / 4

    for path in site.rglob("*"):
        os.utime(path, (AHEAD, AHEAD))
    case.write_text(text.replace("titre: Des erreurs", "titre: Encore des erreurs"), "utf-8")
    _dirty_build(root, site)
    written = _pages_written_since(site)
    assert all("Encore des erreurs" in (site / page).read_text("utf-8") for page in written)
    # The title shows on the case, the list of cases, its theme and the case that links to it.
    assert {
        "cas/erreurs-de-saisie/index.html",
        "cas/index.html",
        "themes/cadence/index.html",
        "cas/vente-au-premier-appel/index.html",
    } <= written
    assert "cas/piege-html/index.html" not in written
    assert len(written) < len(every_page) / 2

    case.unlink()
    _dirty_build(root, site)
    assert not (site / "cas" / "erreurs-de-saisie" / "index.html").exists()


def test_unchanged_case_pages_are_not_rendered_again(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    cases, memo = CaseCache(), PageMemo()

    def pages() -> dict[str, str | bytes]:
        corpus = gather(root, include_drafts=True, case_reader=cases).corpus
        built = build_pages(corpus, memo.builders())
        plain = build_pages(gather(root, include_drafts=True).corpus)
        assert {uri: p.content for uri, p in built.items()} == {
            uri: p.content for uri, p in plain.items()
        }
        return {uri: p.content for uri, p in built.items()}

    first = pages()
    assert memo.rendered == 4 and memo.render_trainer.rendered == 4
    assert pages() == first and memo.rendered == 4 and memo.render_trainer.rendered == 4

    case = root / "cases" / "erreurs-de-saisie.yaml"
    case.write_text(case.read_text("utf-8").replace("en fin de journée", "le vendredi"), "utf-8")
    after = pages()
    # The renamed case and the case that lists it among related cases; one trainer view.
    assert memo.rendered == 6 and memo.render_trainer.rendered == 5
    changed = {uri for uri in first if first[uri] != after[uri]}
    assert {"cas/erreurs-de-saisie.md", "cas/vente-au-premier-appel.md"} <= changed


def test_a_dirty_build_audits_only_the_pages_it_wrote(tmp_path: Path) -> None:
    hostile = "<html><head><title>t</title></head><body><img src=x onerror=alert(1)></body></html>"
    for name in ("ancienne", "nouvelle"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(hostile, "utf-8")
    os.utime(tmp_path / "ancienne" / "index.html", (1_000_000_000, 1_000_000_000))
    everything = {p.path for p in audit_site(tmp_path)}
    assert everything == {"site/ancienne/index.html", "site/nouvelle/index.html"}
    recent = {p.path for p in audit_site(tmp_path, since=time.time() - 60)}
    assert recent == {"site/nouvelle/index.html"}


def test_unchanged_cases_are_not_analysed_again_for_search(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    cases, analyses = CaseCache(), CaseAnalyses()

    def parts() -> list[Analysed]:
        corpus = gather(root, include_drafts=True, case_reader=cases).corpus
        urls = {case_uri(case_id): f"cas/{case_id}/" for case_id in corpus.cases}
        kept = analyses(corpus, urls)
        # The same index as analysing every case again.
        fresh = analyse_cases(corpus, urls)
        assert score(kept).postings == score(fresh).postings
        assert score(kept).documents == score(fresh).documents
        return kept

    first = parts()
    again = parts()
    assert all(a is b for a, b in zip(first, again, strict=True))

    case = root / "cases" / "erreurs-de-saisie.yaml"
    case.write_text(case.read_text("utf-8").replace("en fin de journée", "le vendredi"), "utf-8")
    after = parts()
    redone = [part.documents[0].location for part in after if not any(part is p for p in first)]
    assert redone == ["cas/erreurs-de-saisie/"]


def test_other_pages_are_read_again_for_search_only_when_they_change(tmp_path: Path) -> None:
    corpus = gather(copy_project(tmp_path), include_drafts=True).corpus
    notes = TrainerNotes(corpus)
    material = [{"location": "a-propos/", "title": "À propos", "text": "Un"}]
    kept = PageAnalyses()
    first = kept(material, set(), set(), notes)
    assert [d.location for d in first.documents] == ["a-propos/"]
    assert kept(material, set(), set(), notes) is first
    changed = [{**material[0], "text": "Deux"}]
    assert kept(changed, set(), set(), notes) is not first
    assert kept(changed, set(), set(), notes).documents[0].text == "Deux"
