"""The command line: thin calls into the core, problems on stderr, an exit code.

``dilemmes check`` is ``make check``; other commands join it here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .audit import audit_site
from .problems import format_problems
from .project import gather


def check(root: Path) -> int:
    """Validate every case and registry; print every problem; 0 when clean."""
    gathered = gather(root, include_drafts=True)
    if gathered.problems:
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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dilemmes", description="Dilemmes au travail")
    parser.add_argument(
        "--racine",
        type=Path,
        default=Path("."),
        help="dossier du projet (par défaut : le dossier courant)",
    )
    commands = parser.add_subparsers(dest="commande", required=True)
    commands.add_parser("check", help="valider les vignettes et les registres")
    audit_command = commands.add_parser("audit", help="auditer un site construit")
    audit_command.add_argument("site", type=Path, nargs="?", default=Path("site"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.commande == "check":
        return check(args.racine)
    if args.commande == "audit":
        return audit(args.site)
    return 2  # pragma: no cover - argparse refuses unknown commands


if __name__ == "__main__":
    sys.exit(main())
