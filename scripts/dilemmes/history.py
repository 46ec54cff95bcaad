"""History: when each vignette was added and last changed, read from git in one call.

``parse_git_log`` is pure: the text of one ``git log`` over ``cases/`` becomes
``{path: Dates}``, renames followed so that a renamed case keeps its creation date.
``read_git_history`` is the adapter that runs git; outside a repository, or without git,
it returns an empty history and pages say the date is unknown. One process for the whole
corpus: a ``git log`` per file would cost a process per case (5,000 at the target size).
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable
from pathlib import Path

from .model import Dates

# Each commit starts with this separator and its committer date (strict ISO 8601).
COMMIT_MARK = "\x1e"
GIT_LOG_FORMAT = f"--format={COMMIT_MARK}%cI"


def parse_git_log(text: str) -> dict[str, Dates]:
    """``git log --name-status -M`` output, newest commit first, to dates by current path.

    A rename line ``R100<TAB>old<TAB>new`` hands the older history of ``old`` to ``new``.
    Deleted paths and paths deleted later are dropped: only files that exist now matter.
    """
    canonical: dict[str, str | None] = {}  # path in an older commit -> path today (None: gone)
    changed: dict[str, dt.datetime] = {}
    created: dict[str, dt.datetime] = {}
    for when, entries in _commits(text):
        for status, paths in entries:
            current = canonical.get(paths[-1], paths[-1])
            if status.startswith("D"):
                canonical.setdefault(paths[-1], None)
                continue
            if current is None:
                continue
            changed.setdefault(current, when)
            created[current] = when
            if status.startswith("R") and len(paths) == 2:
                canonical[paths[0]] = current
            canonical.setdefault(paths[-1], current)
    return {path: Dates(created[path], changed[path]) for path in changed}


def _commits(text: str) -> Iterable[tuple[dt.datetime, list[tuple[str, list[str]]]]]:
    for block in text.split(COMMIT_MARK)[1:]:
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        try:
            when = dt.datetime.fromisoformat(lines[0].strip())
        except ValueError:
            continue
        entries = []
        for line in lines[1:]:
            status, _, rest = line.partition("\t")
            if rest:
                entries.append((status.strip(), rest.split("\t")))
        yield when, entries


def read_git_history(root: Path, folder: str = "cases") -> dict[str, Dates]:
    """Dates of every file under ``root/folder``, keyed by its path from ``root``.

    Empty when ``root`` is not in a git repository, when git is missing or when the
    clone is shallow: the site still builds, and pages say the dates are unknown rather
    than showing wrong ones.
    """
    # In CI's container the checkout belongs to another user and git would refuse it
    # (« dubious ownership », actions/checkout#766); the build already runs this
    # repository's code, so trusting it for a read-only log adds no risk.
    trust = ["-c", f"safe.directory={root.resolve()}"]
    log = [*trust, "-c", "core.quotePath=false", "log", GIT_LOG_FORMAT, "--name-status", "-M"]
    # A shallow clone (CI's default depth of 1) would date every case to its last commit:
    # better to say the dates are unknown than to print wrong ones.
    if _git(root, *trust, "rev-parse", "--is-shallow-repository").strip() != "false":
        return {}
    return parse_git_log(_git(root, *log, "--relative", "--", folder))


def _git(root: Path, *args: str) -> str:
    """Standard output of a git command, empty when git or the repository is missing."""
    try:
        result = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, check=False, timeout=120
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout if result.returncode == 0 else ""
