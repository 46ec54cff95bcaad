"""What changed: dates from git, the « Nouveautés » page and its Atom feed.

The parser is tested on git's own output; the whole chain (git, plugin, pages, feed) on
a copy of the fixture project made into a git repository with commits at fixed dates.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import built_site_url, copy_project, mkdocs_build, read_html
from dilemmes.history import COMMIT_MARK, parse_git_log, read_git_history

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = built_site_url()


def _git(root: Path, *args: str, when: str = "2026-01-05T09:00:00-05:00") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Équipe de test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Équipe de test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def _history_project(tmp_path: Path) -> Path:
    """The fixture project with three commits: all cases, one edit, one rename."""
    root = copy_project(tmp_path)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "Cas de départ", when="2026-01-05T09:00:00-05:00")
    case = root / "cases" / "vente-au-premier-appel.yaml"
    case.write_text(
        case.read_text("utf-8").replace("Qui décide du rythme", "Qui fixe le rythme"), "utf-8"
    )
    _git(root, "commit", "-qam", "Reformule une question", when="2026-11-27T16:30:00-05:00")
    _git(root, "mv", "cases/piege-html.yaml", "cases/piege-html-renomme.yaml")
    renamed = root / "cases" / "piege-html-renomme.yaml"
    renamed.write_text(
        renamed.read_text("utf-8").replace("id: piege-html", "id: piege-html-renomme")
        + "alias: [piege-html]\n",
        "utf-8",
    )
    path = root / "cases" / "_parcours" / "piege-parcours.yaml"
    path.write_text(path.read_text("utf-8").replace("cas: piege-html", "cas: piege-html-renomme"))
    _git(root, "commit", "-qam", "Renomme un cas", when="2026-06-10T11:00:00-04:00")
    return root


def test_parse_follows_renames_and_drops_deleted_files() -> None:
    log = (
        f"{COMMIT_MARK}2026-11-27T16:30:00-05:00\n\nM\tcases/a.yaml\nR087\tcases/b.yaml\tcases/c.yaml\n"
        f"{COMMIT_MARK}2026-06-01T10:00:00-04:00\n\nD\tcases/gone.yaml\n"
        f"{COMMIT_MARK}2026-03-02T10:00:00-05:00\n\nM\tcases/b.yaml\nA\tcases/gone.yaml\n"
        f"{COMMIT_MARK}2026-01-05T09:00:00-05:00\n\nA\tcases/a.yaml\nA\tcases/b.yaml\n"
    )
    history = parse_git_log(log)
    assert set(history) == {"cases/a.yaml", "cases/c.yaml"}
    a, c = history["cases/a.yaml"], history["cases/c.yaml"]
    assert (a.created.date(), a.changed.date()) == (dt.date(2026, 1, 5), dt.date(2026, 11, 27))
    # c.yaml is b.yaml renamed: it keeps b's creation date.
    assert (c.created.date(), c.changed.date()) == (dt.date(2026, 1, 5), dt.date(2026, 11, 27))
    assert not a.is_new


def test_parse_ignores_noise() -> None:
    assert parse_git_log("") == {}
    assert parse_git_log(f"{COMMIT_MARK}pas une date\nM\tcases/a.yaml\n") == {}


def test_read_git_history_outside_a_repository_is_empty(tmp_path: Path) -> None:
    assert read_git_history(tmp_path) == {}


def test_read_git_history_runs_git_once_for_the_whole_folder(tmp_path: Path) -> None:
    root = _history_project(tmp_path)
    history = read_git_history(root)
    assert {
        "cases/_sources.yaml",
        "cases/brouillon-en-cours.yaml",
        "cases/erreurs-de-saisie.yaml",
        "cases/piege-html-renomme.yaml",
        "cases/vente-au-premier-appel.yaml",
    } <= set(history)
    assert "cases/piege-html.yaml" not in history
    vente = history["cases/vente-au-premier-appel.yaml"]
    assert vente.created.isoformat() == "2026-01-05T09:00:00-05:00"
    assert vente.changed.isoformat() == "2026-11-27T16:30:00-05:00"
    renamed = history["cases/piege-html-renomme.yaml"]
    assert renamed.created.isoformat() == "2026-01-05T09:00:00-05:00"
    assert renamed.changed.isoformat() == "2026-06-10T11:00:00-04:00"
    assert history["cases/erreurs-de-saisie.yaml"].is_new


def test_site_shows_dates_news_and_a_valid_feed(tmp_path: Path) -> None:
    root = _history_project(tmp_path)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"

    # Each case says when it was added and last changed.
    case = read_html(site / "cas" / "vente-au-premier-appel" / "index.html")
    dates = case.select_one(".cas-dates")
    assert dates is not None
    assert " ".join(dates.get_text().split()) == (
        "Ajouté au site le 5 janvier 2026 ; dernière modification le 27 novembre 2026."
    )
    assert [t["datetime"] for t in dates.select("time")] == ["2026-01-05", "2026-11-27"]
    fresh = read_html(site / "cas" / "erreurs-de-saisie" / "index.html").select_one(".cas-dates")
    assert fresh is not None and fresh.get_text().strip() == "Ajouté au site le 5 janvier 2026."

    # « Nouveautés » lists the newest change first, and is in the sidebar.
    news = read_html(site / "nouveautes" / "index.html")
    article = news.select_one("article")
    assert article is not None
    items = [" ".join(li.get_text().split()) for li in article.select("li")]
    assert items[0].startswith(
        "27 novembre 2026 · Cas modifié : Conclure la vente dès le premier appel"
    )
    assert items[1].startswith("10 juin 2026 · Cas modifié :")
    assert any(i.startswith("5 janvier 2026 · Nouveau cas : Des erreurs de saisie") for i in items)
    assert "brouillon" not in article.get_text().lower()
    assert news.select_one('nav a[href="./"], nav a[href="../nouveautes/"]') is not None
    feed_link = article.select_one('a[href="flux.xml"]')
    assert feed_link is not None

    # The feed is Atom, and every entry leads to a page of the site.
    feed = ET.parse(site / "nouveautes" / "flux.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}updated") == "2026-11-27T16:30:00-05:00"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 3
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert titles[0] == "Cas modifié : Conclure la vente dès le premier appel"
    for entry in entries:
        link = entry.find(f"{ATOM}link")
        assert link is not None
        href = link.get("href", "")
        assert href.startswith(SITE_URL)
        assert (site / href.removeprefix(SITE_URL) / "index.html").is_file(), href
        assert entry.findtext(f"{ATOM}id") == href
        assert entry.findtext(f"{ATOM}summary")
    # The hostile title travels as text, escaped by the XML writer.
    raw = (site / "nouveautes" / "flux.xml").read_text("utf-8")
    assert "&lt;/title&gt;&lt;script&gt;" in raw


def test_without_git_the_pages_say_the_dates_are_unknown(fixture_site: Path) -> None:
    case = read_html(fixture_site / "cas" / "vente-au-premier-appel" / "index.html")
    dates = case.select_one(".cas-dates")
    assert dates is not None and "inconnues" in dates.get_text()
    news = read_html(fixture_site / "nouveautes" / "index.html").select_one("article")
    assert news is not None
    assert "L'historique des changements n'est pas disponible" in news.get_text()
    feed = ET.parse(fixture_site / "nouveautes" / "flux.xml").getroot()
    assert feed.findall(f"{ATOM}entry") == []


def test_a_shallow_clone_gives_no_dates_rather_than_wrong_ones(tmp_path: Path) -> None:
    root = _history_project(tmp_path / "source")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{root}", str(clone)],
        check=True,
        capture_output=True,
    )
    assert read_git_history(clone) == {}
    full = tmp_path / "complet"
    subprocess.run(["git", "clone", "-q", str(root), str(full)], check=True, capture_output=True)
    assert read_git_history(full) == read_git_history(root)


@pytest.mark.skipif(os.geteuid() != 0, reason="changer le propriétaire du dépôt demande root")
def test_a_checkout_owned_by_another_user_still_gives_dates(tmp_path: Path) -> None:
    # CI's container: the checkout belongs to the runner's user, git runs as root.
    root = _history_project(tmp_path)
    expected = read_git_history(root)
    assert len(expected) >= 5
    subprocess.run(["chown", "-R", "nobody", str(root)], check=True)
    refused = subprocess.run(["git", "log", "-1"], cwd=root, capture_output=True, text=True)
    assert "dubious ownership" in refused.stderr
    assert read_git_history(root) == expected
