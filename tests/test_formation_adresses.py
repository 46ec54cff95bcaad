"""Published addresses never break: the registry ``adresses.txt``, ``make check`` and the build.

The registry only grows. When the shipped site publishes an address that the registry
lacks, ``test_every_published_address_is_registered`` fails and names it; to add it:
``DILEMMES_METTRE_A_JOUR=1 .venv/bin/python -m pytest tests/test_formation_adresses.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import REPO, copy_project, mkdocs_build, read_html
from dilemmes import addresses, cli

UPDATE = os.environ.get("DILEMMES_METTRE_A_JOUR") == "1"
FEEDS = ("/nouveautes/flux.xml",)


def _check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = cli.main(["--racine", str(root), "check"])
    err = capsys.readouterr().err
    return code, [line for line in err.splitlines() if not line.endswith("fichier(s).")]


def _rename(root: Path, old_id: str, new_id: str, extra: str = "") -> None:
    """What a researcher does: rename the file and the id, and update the links to it."""
    old = root / "cases" / f"{old_id}.yaml"
    old.rename(root / "cases" / f"{new_id}.yaml")
    for case in (root / "cases").rglob("*.yaml"):
        case.write_text(case.read_text("utf-8").replace(old_id, new_id), encoding="utf-8")
    with (root / "cases" / f"{new_id}.yaml").open("a", encoding="utf-8") as new:
        new.write(extra)


FIXTURE_ADDRESSES = (
    "/cas/vente-au-premier-appel/",
    "/cas/piege-html/",
    "/cas/erreurs-de-saisie/",
    "/cas/erreurs-de-saisie/animation/",
)


def _registry(root: Path, *lines: str) -> None:
    (root / addresses.REGISTRY).write_text(
        addresses.REGISTRY_HEADER + "".join(f"{line}\n" for line in lines), encoding="utf-8"
    )


HEADER_LINES = addresses.REGISTRY_HEADER.count("\n")


# The shipped registry and the shipped site.


def test_every_registered_address_is_served_by_the_shipped_site(shipped_site: Path) -> None:
    entries, problems = addresses.parse_registry(
        addresses.REGISTRY, (REPO / addresses.REGISTRY).read_text("utf-8")
    )
    assert problems == []
    assert len(entries) > 20
    exists = addresses.site_has(shipped_site)
    missing = [entry.address for entry in entries if not exists(entry.address)]
    assert missing == [], f"adresses publiées introuvables dans le site : {missing}"


def test_every_published_address_is_registered(shipped_site: Path) -> None:
    registry = REPO / addresses.REGISTRY
    text = registry.read_text("utf-8")
    entries, _ = addresses.parse_registry(addresses.REGISTRY, text)
    # Pages, the feed, and the open data files that scripts read.
    data = [
        "/" + path.relative_to(shipped_site).as_posix()
        for path in (shipped_site / "donnees").rglob("*")
        if path.is_file() and path.name != "index.html"
    ]
    published = addresses.site_addresses(shipped_site, (*FEEDS, *data))
    missing = sorted(set(published) - {entry.address for entry in entries})
    if UPDATE and missing:
        registry.write_text(addresses.with_addresses(text, missing), encoding="utf-8")
        return
    assert missing == [], (
        "le site publie des adresses absentes de adresses.txt ; ajoutez-les (elles ne "
        "devront plus jamais casser) : DILEMMES_METTRE_A_JOUR=1 .venv/bin/python -m pytest "
        f"tests/test_formation_adresses.py\n{chr(10).join(missing)}"
    )


def test_registry_lists_each_case_and_its_trainer_view() -> None:
    text = (REPO / addresses.REGISTRY).read_text("utf-8")
    listed = {entry.address for entry in addresses.parse_registry("x", text)[0]}
    for case in (REPO / "cases").glob("[!_]*.yaml"):
        assert f"/cas/{case.stem}/" in listed
        assert f"/cas/{case.stem}/animation/" in listed
    assert {"/", "/cas/", "/nouveautes/", "/nouveautes/flux.xml"} <= listed


# What a researcher sees after renaming a case.


def test_renamed_case_without_alias_is_named_with_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path)
    _registry(root, *FIXTURE_ADDRESSES)
    _rename(root, "erreurs-de-saisie", "erreurs-en-fin-de-journee")

    code, lines = _check(root, capsys)

    line = HEADER_LINES + 3
    message = (
        "ne mène plus à aucun cas ; si le cas a été renommé, ajoutez « erreurs-de-saisie » à "
        "la liste « alias » de sa vignette, par exemple « alias: [erreurs-de-saisie] » "
        "(pas encore dans adresses.txt, donc peut-être le nouveau nom : "
        "cases/erreurs-en-fin-de-journee.yaml) ; "
        "s'il a été retiré volontairement, retirez cette ligne"
    )
    assert code == 1
    assert lines == [
        f"adresses.txt:{line}: l'adresse publiée /cas/erreurs-de-saisie/ {message}",
        f"adresses.txt:{line + 1}: l'adresse publiée /cas/erreurs-de-saisie/animation/ {message}",
    ]
    # The build refuses the same problem.
    result = mkdocs_build(root)
    assert result.returncode == 1
    assert f"adresses.txt:{line}: l'adresse publiée /cas/erreurs-de-saisie/" in result.stderr


def test_alias_keeps_both_former_addresses_working(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path)
    _registry(root, *FIXTURE_ADDRESSES)
    _rename(root, "erreurs-de-saisie", "erreurs-en-fin-de-journee", "alias: [erreurs-de-saisie]\n")

    assert _check(root, capsys) == (0, [])
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    for former, target in (
        ("cas/erreurs-de-saisie", "../erreurs-en-fin-de-journee/"),
        ("cas/erreurs-de-saisie/animation", "../../erreurs-en-fin-de-journee/animation/"),
    ):
        refresh = read_html(site / former / "index.html").select_one("meta[http-equiv=refresh]")
        assert refresh is not None and refresh["content"] == f"0; url={target}"
        assert (site / former / target / "index.html").resolve().is_file()


def test_case_back_to_draft_and_removed_theme_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path)
    _registry(root, "/cas/brouillon-en-cours/", "/themes/cadence/", "/pistes/en-parler-en-equipe/")
    (root / "docs" / "pistes" / "en-parler-en-equipe.md").unlink()
    case = root / "cases" / "erreurs-de-saisie.yaml"
    case.write_text(
        case.read_text("utf-8").replace(", en-parler-en-equipe]", "]"), encoding="utf-8"
    )

    code, lines = _check(root, capsys)

    assert code == 1
    assert lines == [
        f"adresses.txt:{HEADER_LINES + 1}: l'adresse publiée /cas/brouillon-en-cours/ ne mène "
        "plus nulle part : le cas « brouillon-en-cours » est redevenu un brouillon ; remettez "
        "« statut: publie » ou, si le retrait est voulu, retirez cette ligne",
        f"adresses.txt:{HEADER_LINES + 3}: l'adresse publiée /pistes/en-parler-en-equipe/ ne "
        "mène plus nulle part : docs/pistes/en-parler-en-equipe.md n'existe plus ; remettez la "
        "page (elle peut renvoyer vers une autre) ou, si le retrait est voulu, retirez cette "
        "ligne",
    ]


def test_registry_format_problems() -> None:
    text = "# commentaire\n/cas/un/\n\ncas/sans-barre/\n/cas/un/  # encore\n/Majuscules/\n"
    entries, problems = addresses.parse_registry("adresses.txt", text)
    assert [(e.line, e.address) for e in entries] == [(2, "/cas/un/")]
    assert [str(p) for p in problems] == [
        "adresses.txt:4: « cas/sans-barre/ » n'est pas une adresse du site ; écrivez le chemin "
        "depuis la racine, en minuscules, par exemple « /cas/vente-des-le-premier-appel/ »",
        "adresses.txt:5: « /cas/un/ » figure déjà à la ligne 2 ; gardez une seule ligne",
        "adresses.txt:6: « /Majuscules/ » n'est pas une adresse du site ; écrivez le chemin "
        "depuis la racine, en minuscules, par exemple « /cas/vente-des-le-premier-appel/ »",
    ]


def test_build_fails_when_a_listed_page_is_gone(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    _registry(root, "/a-propos/", "/une-page-disparue/", "/nouveautes/flux.xml")

    result = mkdocs_build(root)

    assert result.returncode == 1
    assert (
        f"adresses.txt:{HEADER_LINES + 2}: l'adresse publiée /une-page-disparue/ n'existe pas "
        "dans le site construit ; une adresse publiée doit toujours mener quelque part "
        "(une page ou une redirection)"
    ) in result.stderr
    assert "/a-propos/ n'existe" not in result.stderr
    assert "flux.xml n'existe" not in result.stderr


def test_registry_update_keeps_lines_and_adds_only_missing() -> None:
    text = "# en-tête\n/cas/b/  # gardée\n"
    updated = addresses.with_addresses(text, ["/cas/b/", "/cas/c/", "/cas/a/"])
    assert updated == "# en-tête\n/cas/b/  # gardée\n/cas/a/\n/cas/c/\n"
    assert addresses.with_addresses("", ["/"]).startswith(addresses.REGISTRY_HEADER)
