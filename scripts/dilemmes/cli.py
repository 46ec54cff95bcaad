"""The command line: thin calls into the core, problems on stderr, an exit code.

``dilemmes check`` is ``make check``, ``dilemmes new`` is ``make new``; ``dilemmes audit``
audits a built site; ``dilemmes schema`` prints the JSON Schema of a vignette.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import scaffold
from .audit import audit_site
from .bulk_read import collector_paused, read_cases_in_processes
from .problems import format_github, format_problems
from .project import gather, study_ids, theme_titles
from .schema import schema_json


def check(root: Path, annotations: bool = False) -> int:
    """Validate every case and registry; print every problem; 0 when clean.

    With ``annotations``, each problem is also printed on stdout as a GitHub Actions
    workflow command, so that it shows on the changed line of a pull request.
    Many vignettes are read on every core (``bulk_read``).
    """
    with collector_paused():
        gathered = gather(root, include_drafts=True, read_cases=read_cases_in_processes)
    if gathered.problems:
        if annotations:
            sys.stdout.write(format_github(gathered.problems))
            sys.stdout.flush()
        sys.stderr.write(format_problems(gathered.problems))
        count = len(gathered.problems)
        files = len({p.path for p in gathered.problems})
        sys.stderr.write(f"{count} problème(s) dans {files} fichier(s).\n")
        return 1
    cases = len(gathered.corpus.cases)
    print(
        f"{cases} cas valides ({len(gathered.drafts)} brouillon(s)), "
        f"{len(gathered.corpus.themes)} thèmes, {len(gathered.corpus.pistes)} pistes, "
        f"{len(gathered.corpus.parcours)} parcours : "
        "aucun problème."
    )
    return 0


def audit(site: Path) -> int:
    """Audit a built site; print every finding; 0 when clean."""
    problems = audit_site(site)
    if problems:
        sys.stderr.write(format_problems(problems))
        return 1
    print(f"{site} : aucun élément actif inattendu.")
    return 0


def new(root: Path, title: str, themes: str, interactive: bool) -> int:
    """Write ``cases/<id>.yaml`` from the template; never replace an existing file."""
    known = theme_titles(root)

    def exists(path: str) -> bool:
        return (root / path).exists()

    def say(text: str) -> None:
        print(text, flush=True)

    try:
        if not title.strip() and interactive:
            title = scaffold.ask_title(input, say, exists)
        if not title.strip():
            return _refuse(
                'donnez un titre : make new TITRE="Le titre du cas" THEMES="un-theme autre-theme"'
            )
        chosen, problems = scaffold.parse_themes(themes, known)
        if not themes.strip() and interactive:
            chosen = scaffold.ask_themes(input, say, known)
    except (EOFError, KeyboardInterrupt):
        sys.stderr.write("\n")
        return _refuse("abandon : aucun fichier créé")
    if problems:
        return _refuse(*problems)
    case, problems = scaffold.prepare(title, chosen, known, study_ids(root), exists)
    if case is None:
        return _refuse(*problems)
    try:
        # "x": create, or fail if the file appeared meanwhile; never truncate a file.
        with open(root / case.path, "x", encoding="utf-8", newline="\n") as file:
            file.write(case.text)
    except FileExistsError:
        return _refuse(f"{case.path} existe déjà ; il n'est jamais remplacé")
    say(
        f"Vignette créée : {case.path} (statut : brouillon).\n"
        f"Remplacez chaque « À REMPLIR », puis lancez « make check » et « make serve »."
    )
    return 0


def _refuse(*messages: str) -> int:
    sys.stderr.write("".join(f"make new : {message}\n" for message in messages))
    return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dilemmes", description="Dilemmes au travail")
    parser.add_argument(
        "--racine",
        type=Path,
        default=Path("."),
        help="dossier du projet (par défaut : le dossier courant)",
    )
    commands = parser.add_subparsers(dest="commande", required=True)
    check_parser = commands.add_parser("check", help="valider les vignettes et les registres")
    check_parser.add_argument(
        "--format",
        choices=("texte", "github"),
        default="github" if os.environ.get("GITHUB_ACTIONS") == "true" else "texte",
        help="« github » ajoute des annotations GitHub Actions (par défaut dans GitHub "
        "Actions) aux lignes « fichier:ligne: message »",
    )
    new_parser = commands.add_parser("new", help="créer une vignette à partir du modèle")
    new_parser.add_argument("--titre", default="", help="le titre du cas")
    new_parser.add_argument(
        "--themes", default="", help="identifiants de thèmes, séparés par des espaces"
    )
    commands.add_parser("schema", help="afficher le schéma JSON d'une vignette")
    audit_command = commands.add_parser("audit", help="auditer un site construit")
    audit_command.add_argument("site", type=Path, nargs="?", default=Path("site"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.commande == "check":
        return check(args.racine, annotations=args.format == "github")
    if args.commande == "new":
        return new(args.racine, args.titre, args.themes, sys.stdin.isatty())
    if args.commande == "audit":
        return audit(args.site)
    if args.commande == "schema":
        sys.stdout.write(schema_json())
        return 0
    return 2  # pragma: no cover - argparse refuses unknown commands


if __name__ == "__main__":
    sys.exit(main())
