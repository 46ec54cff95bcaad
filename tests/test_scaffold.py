"""``make new``: the id a title gives, the scaffold it writes, and what it refuses."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, copy_project
from dilemmes import cli, fields
from dilemmes.scaffold import case_id

BIN = Path(sys.executable).parent


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Conclure la vente dès le premier appel", "conclure-la-vente-des-le-premier-appel"),
        ("L'erreur d'un collègue", "l-erreur-d-un-collegue"),
        ("Œuvrer « vite » : l’objectif ?", "oeuvrer-vite-l-objectif"),
        ("  ÉTÉ 2022 — cœur   et   âme  ", "ete-2022-coeur-et-ame"),
        ("Ça déraille…", "ca-deraille"),
        ("« ?! »", ""),
        ("", ""),
    ],
)
def test_case_id_from_title(title: str, expected: str) -> None:
    assert case_id(title) == expected


def test_long_title_gives_an_id_cut_at_a_word() -> None:
    title = "Une situation " + "vraiment " * 20 + "longue"
    identifier = case_id(title)
    assert len(identifier) <= fields.SLUG_MAX
    assert fields.SLUG.fullmatch(identifier)
    assert title.lower().replace(" ", "-").startswith(identifier)
    assert identifier.endswith("vraiment")


def _make_new(root: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    """The real ``make new`` of the repository, run in ``root`` with this test's Python."""
    # STAMP= : the venv is this test's own; BIN= : its Python runs the command.
    make = ["make", "--no-print-directory", "-f", str(REPO / "Makefile"), "-C", str(root)]
    assignments = [f"{name}={value}" for name, value in variables.items()]
    return subprocess.run(
        [*make, "new", "STAMP=", f"BIN={BIN}", *assignments],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


def _check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dilemmes", "check"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


TITLE = "L'appel « urgent » : 100 % $HOME"
FILLED = {
    "resume": "Un client rappelle pour une réclamation en retard.",
    "secteur": "Assurance de dommages",
    "fonction": "Agente d'indemnisation",
    "canal": "Téléphone",
    "question": "Faut-il traiter ce dossier avant les autres ?",
    "choix": "Traiter le dossier tout de suite",
    "etude": "etude-test",
    "type": "composite",
    "revise_le": "2026-11-20",
}


def _fill(text: str) -> str:
    """Replace every placeholder as a researcher would, key by key."""

    def one(line: str) -> str:
        keyed = re.fullmatch(r"(\s*(?:- )?)(\w+): " + fields.PLACEHOLDER, line)
        if keyed:
            return f"{keyed[1]}{keyed[2]}: {FILLED[keyed[2]]}"
        if re.fullmatch(r"\s*- " + fields.PLACEHOLDER, line):
            return line.replace(fields.PLACEHOLDER, "Qui décide de l'ordre des dossiers ?")
        return line.replace(fields.PLACEHOLDER, "L'agente a **vingt** dossiers en attente.")

    return "\n".join(one(line) for line in text.split("\n"))


def test_make_new_writes_a_draft_that_passes_check_once_filled(tmp_path: Path) -> None:
    root = copy_project(tmp_path)

    result = _make_new(root, TITRE=TITLE, THEMES="pression cadence")

    assert result.returncode == 0, result.stderr
    path = root / "cases" / "l-appel-urgent-100-home.yaml"
    assert "Vignette créée : cases/l-appel-urgent-100-home.yaml" in result.stdout
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/vignette.schema.json\n")
    assert "\nstatut: brouillon\n" in text
    assert '\ntitre: "L\'appel « urgent » : 100 % $HOME"\n' in text
    assert "\nthemes: [pression, cadence]\n" in text
    assert text.count(fields.PLACEHOLDER) >= 10

    path.write_text(_fill(text), encoding="utf-8")
    checked = _check(root)

    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith("5 cas valides (2 brouillon(s))")


def test_unfilled_scaffold_lists_each_blank_clearly(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    assert _make_new(root, TITRE="Un cas à écrire", THEMES="pression").returncode == 0
    text = (root / "cases" / "un-cas-a-ecrire.yaml").read_text(encoding="utf-8")

    checked = _check(root)

    assert checked.returncode == 1
    assert "Traceback" not in checked.stderr
    lines = checked.stderr.splitlines()
    blanks = [line for line in lines if line.startswith("cases/un-cas-a-ecrire.yaml:")]
    values = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    assert len(blanks) == sum(fields.PLACEHOLDER in line for line in values) == 14
    assert all(" est encore à remplir : " in line for line in blanks)
    assert (
        "cases/un-cas-a-ecrire.yaml:75: « anonymisation.revise_le » est encore à remplir : "
        "date de la revue d'anonymisation (AAAA-MM-JJ)" in blanks
    )
    assert lines[-1] == "14 problème(s) dans 1 fichier(s)."


def test_make_new_never_overwrites_a_file(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    existing = root / "cases" / "erreurs-de-saisie.yaml"
    before = existing.read_bytes()

    result = _make_new(root, TITRE="Erreurs de saisie !", THEMES="cadence")

    assert result.returncode != 0
    assert existing.read_bytes() == before
    assert (
        "make new : cases/erreurs-de-saisie.yaml existe déjà ; il n'est jamais remplacé : "
        "choisissez un autre titre, ou modifiez ce fichier" in result.stderr
    )


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        (
            {"TITRE": "Un nouveau cas", "THEMES": "presion"},
            "make new : thème inconnu « presion » ; vouliez-vous dire « pression » ? ; "
            "thèmes connus : cadence, pression",
        ),
        (
            {"TITRE": "« … »", "THEMES": "cadence"},
            "make new : le titre « « … » » ne donne aucun identifiant : il doit contenir au "
            "moins une lettre ou un chiffre",
        ),
        (
            {"TITRE": "", "THEMES": "cadence"},
            'make new : donnez un titre : make new TITRE="Le titre du cas" '
            'THEMES="un-theme autre-theme"',
        ),
        (
            {"TITRE": "Un nouveau cas", "THEMES": ""},
            "make new : donnez au moins un thème ; thèmes connus : cadence, pression",
        ),
        (
            {"TITRE": "x" * 121, "THEMES": "cadence"},
            "make new : le titre compte 121 caractères ; 120 au plus",
        ),
    ],
    ids=["theme-inconnu", "titre-sans-identifiant", "sans-titre", "sans-theme", "titre-long"],
)
def test_make_new_refuses_with_a_clear_message(
    variables: dict[str, str], message: str, tmp_path: Path
) -> None:
    root = copy_project(tmp_path)
    before = sorted(p.name for p in (root / "cases").iterdir())

    result = _make_new(root, **variables)

    assert result.returncode != 0
    assert message in result.stderr.splitlines()
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (root / "cases").iterdir()) == before


def test_themes_may_be_numbers_or_titles_with_commas(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path)
    code = cli.main(
        ["--racine", str(root), "new", "--titre", "Deux thèmes", "--themes", "Pression, 1"]
    )
    assert code == 0, capsys.readouterr().err
    text = (root / "cases" / "deux-themes.yaml").read_text(encoding="utf-8")
    assert "\nthemes: [pression, cadence]\n" in text


class _Terminal:
    """``python -m dilemmes new`` on a pseudo-terminal, as a person types in it."""

    def __init__(self, root: Path) -> None:
        self.master, slave = pty.openpty()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "dilemmes", "new"],
            cwd=root,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env={**os.environ, "TERM": "dumb"},
        )
        os.close(slave)
        self.screen = ""

    def wait_for(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.screen:
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"« {text} » n'apparaît pas ; écran :\n{self.screen}"
            ready, _, _ = select.select([self.master], [], [], remaining)
            if ready:
                try:
                    self.screen += os.read(self.master, 4096).decode("utf-8", "replace")
                except OSError:  # the program ended: nothing more will come
                    assert text in self.screen, self.screen

    def type(self, line: str) -> None:
        os.write(self.master, f"{line}\n".encode())

    def close(self) -> int:
        code = self.process.wait(timeout=30)
        os.close(self.master)
        return code


def test_make_new_asks_in_a_terminal(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    terminal = _Terminal(root)
    try:
        terminal.wait_for("Titre du cas (120 caractères au plus) : ")
        terminal.type("Erreurs de saisie")
        terminal.wait_for("cases/erreurs-de-saisie.yaml existe déjà ; choisissez un autre titre")
        terminal.type("Une question de cadence")
        terminal.wait_for("Identifiant : une-question-de-cadence")
        terminal.wait_for("  1. cadence : ")
        terminal.wait_for("  2. pression : ")
        terminal.wait_for("Thèmes du cas (numéros ou identifiants, séparés par des espaces) : ")
        terminal.type("presion")
        terminal.wait_for("vouliez-vous dire « pression » ?")
        terminal.type("1 pression")
        terminal.wait_for("Vignette créée : cases/une-question-de-cadence.yaml")
    finally:
        code = terminal.close()
    assert code == 0
    text = (root / "cases" / "une-question-de-cadence.yaml").read_text(encoding="utf-8")
    assert "\nthemes: [cadence, pression]\n" in text
