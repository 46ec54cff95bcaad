"""``make bench``: ``python -m dilemmes.bench [--tailles 100,1000,5000] [--essais 3]``.

For each size: generate the project, then ``--essais`` times: ``make site`` on it, our own
work (in MkDocs' process, and in the second process of ``make site``), stock MkDocs on the
same pages written as plain Markdown, ``make check``; measure the search payload in
Chromium; finally time ``make serve`` after a save. Prints the Markdown report and writes it
under the bench folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import sys
import time
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from . import measure, preview, report, search, workspace

REPO = Path(__file__).resolve().parents[3]


def _progress(message: str) -> None:
    print(f"[banc] {message}", file=sys.stderr, flush=True)


def bench_size(work: Path, count: int, runs: int, browser: bool) -> report.SizeResult:
    """Every measure at one size; the project stays in ``work`` for the preview."""
    _progress(f"{count} cas : génération")
    project = workspace.make_project(REPO, work / f"projet-{count}", count)
    plain = work / f"simple-{count}"
    pages = workspace.make_plain(project.root, plain)
    own: list[measure.OwnWork] = []
    site, base, check = [], [], []
    for run in range(runs):
        _progress(f"{count} cas : essai {run + 1}/{runs} (make site, nous, base, make check)")
        site.append(measure.mkdocs_build(project.root))
        own.append(measure.own_work(project.root))
        if own[-1].problems:
            raise measure.BenchError(
                f"{own[-1].problems} problème(s) dans le corpus généré ; "
                f"« python -m dilemmes --racine {project.root} check » les affiche"
            )
        base.append(measure.mkdocs_build(plain))
        check.append(measure.make_check(project.root))
    payload = search.SearchPayload(note="mesure désactivée")
    if browser:
        _progress(f"{count} cas : recherche dans Chromium")
        payload = search.search_payload(project.root / "site")
    return report.SizeResult(
        cases=project.cases,
        generated=project.generated,
        pages=pages,
        gather=[one.gather for one in own],
        render=[one.render for one in own],
        own_cpu=[one.cpu for one in own],
        aside=[one.aside for one in own],
        aside_cpu=[one.aside_cpu for one in own],
        own_peak=max(one.peak_bytes for one in own),
        site=site,
        plain=base,
        check=check,
        site_size=measure.site_size(project.root / "site"),
        plain_size=measure.site_size(plain / "site"),
        search=payload,
    )


def preview_case(root: Path) -> Path:
    """A generated vignette whose title is written plain (the preview appends to it)."""
    for path in sorted((root / "cases").glob("*-[0-9]*.yaml")):
        if re.search(r"^titre: [^\"']", path.read_text("utf-8"), re.M):
            return path
    raise measure.BenchError(f"aucune vignette générée à titre simple dans {root}")


def _machine() -> str:
    cpu = "?"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.M)
        cpu = found.group(1) if found else cpu
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    return f"{os.cpu_count()} cœurs ({cpu}), {report.number(memory)} Gio de mémoire"


def _versions() -> str:
    names = ("mkdocs", "mkdocs-material", "Markdown", "markdown-it-py", "PyYAML", "Jinja2")
    found = ", ".join(f"{name} {metadata.version(name)}" for name in names)
    return f"Python {platform.python_version()}, {found}"


def _load() -> str:
    return " / ".join(report.number(value, 2) for value in os.getloadavg())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dilemmes.bench", description=__doc__)
    add = parser.add_argument
    add("--tailles", default="100,1000,5000", help="nombres de cas, séparés par des virgules")
    add("--essais", type=int, default=3, help="essais de chaque mesure (on garde la médiane)")
    add("--apercu", type=int, default=1000, help="cas pour l'essai de make serve (0 : aucun)")
    add("--dossier", type=Path, default=REPO / ".bench", help="dossier de travail (ignoré)")
    add("--sans-navigateur", action="store_true", help="ni recherche ni aperçu dans Chromium")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    sizes = [int(size) for size in args.tailles.split(",") if size.strip()]
    work: Path = args.dossier
    work.mkdir(parents=True, exist_ok=True)
    started, load_before = time.perf_counter(), _load()
    result = report.Report()
    try:
        for count in sizes:
            result.sizes.append(bench_size(work, count, args.essais, not args.sans_navigateur))
        if args.apercu and not args.sans_navigateur:
            root = work / f"projet-{args.apercu}"
            if args.apercu not in sizes:
                workspace.make_project(REPO, root, args.apercu)
            case = preview_case(root)
            _progress(f"{args.apercu} cas : make serve, {args.essais} enregistrements")
            result.preview = preview.measure_preview(root, case, args.essais)
            _progress(f"{args.apercu} cas : make serve sans --dirty, pour comparer")
            result.preview_full = preview.measure_preview(root, case, 1, serve=preview.SERVE_FULL)
            result.preview_cases = args.apercu
    except measure.BenchError as error:
        print(f"make bench : {error}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    result.header = [
        f"- Mesuré le {dt.datetime.now():%Y-%m-%d à %H:%M} sur {_machine()}.",
        f"- {_versions()}.",
        f"- {args.essais} essais par mesure, `make site` et la base en alternance ; charge "
        f"moyenne de la machine (1, 5, 15 min) au début : {load_before}, "
        f"à la fin : {_load()}.",
        f"- Durée du banc : {int(elapsed // 60)} min {int(elapsed % 60)} s.",
    ]
    text = report.document(result)
    print(text)
    (work / "resultats").mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y-%m-%d-%H%M")
    for target in (work / "resultats" / f"{stamp}.md", work / "dernier.md"):
        target.write_text(text, "utf-8")
    _progress(f"tableau écrit dans {work / 'dernier.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
