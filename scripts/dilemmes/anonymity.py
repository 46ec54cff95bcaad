"""The personal-data check of a vignette: every text field, with the line of each finding.

``personal_data.find_personal_data`` finds candidates in one text; this module walks the
texts that validation collected, applies the file's ``anonymisation.accepter`` list and
turns each finding into a ``path:line`` problem.
"""

from __future__ import annotations

from .load import Scalar
from .personal_data import Finding, find_personal_data
from .problems import Problem
from .validate import Checked


def accepted_words(checked: Checked) -> tuple[str, ...]:
    """The file's ``anonymisation.accepter`` entries, if it has valid ones."""
    anonymisation = checked.values.get("anonymisation")
    if isinstance(anonymisation, dict):
        return tuple(str(word) for word in anonymisation.get("accepter", ()))
    return ()


def finding_line(source: str, scalar: Scalar, finding: Finding) -> int:
    """The line of the file where the matched text stands.

    The text of a block or folded scalar is not the source text (indentation, folding),
    so the match is searched in the scalar's own stretch of the file.
    """
    stretch = source[scalar.start : scalar.end]
    offset = stretch.find(finding.text)
    if offset < 0:
        first_word = finding.text.split()[0] if finding.text.split() else finding.text
        offset = stretch.find(first_word)
    if offset < 0:
        return scalar.line
    return source.count("\n", 0, scalar.start + offset) + 1


def personal_data_problems(checked: Checked, source: str) -> list[Problem]:
    """One problem per finding in any text field of the file.

    Training paths have no ``anonymisation.accepter``: for them the hint is only to
    remove the text.
    """
    accepted = accepted_words(checked)
    can_accept = "anonymisation" in checked.values
    problems = []
    for text in checked.texts:
        if text.key.startswith("anonymisation."):
            continue  # the accepted words themselves
        for finding in find_personal_data(text.scalar.text, accepted):
            problems.append(
                Problem(
                    checked.path,
                    finding_line(source, text.scalar, finding),
                    "donnee-personnelle",
                    f"donnée personnelle possible ({finding.label}) dans « {text.key} » : "
                    f"« {finding.text} » ; {finding.reason}"
                    + (
                        " S'il s'agit d'un pseudonyme ou d'un organisme public, ajoutez-le à "
                        "« anonymisation.accepter »."
                        if can_accept
                        else ""
                    ),
                )
            )
    return problems
