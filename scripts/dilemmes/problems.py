"""Problems are data: a located, coded, French message about one input file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, printed as ``path:line: message``.

    ``code`` is a short kebab-case word documented in the contribution guide; the
    message says what was found, what is expected and how to fix it.
    """

    path: str
    line: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def format_problems(problems: Iterable[Problem]) -> str:
    """All problems, sorted by file then line, one per line."""
    return "".join(f"{problem}\n" for problem in sorted(set(problems)))
