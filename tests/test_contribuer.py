"""The contribution guide documents every key of the format and every problem code.

Codes are found in the package source by AST, where problems are made: the ``code``
argument of ``Problem(...)``, of ``self.problem(line, code, ...)`` and of markup's
``Finding(line, code, ...)``. A code passed through a variable must come from a place this
test knows how to read; a new such place fails here until it is added.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO, copy_project
from dilemmes import fields, load, references
from dilemmes.problems import CODES

PACKAGE = REPO / "scripts" / "dilemmes"
GUIDE = REPO / "docs" / "contribuer.md"

# Where a problem is made → index of its ``code`` argument. Wrappers (``self.problem``,
# ``_problem``, …) are found from their bodies and added.
_MAKERS = {"Problem": 2}
_FINDING_MODULES = {"markup.py"}  # personal_data.Finding carries a kind, not a code


def _called(call: ast.Call) -> str | None:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)


def _code_argument(call: ast.Call, module: str, makers: dict[str, int]) -> ast.expr | None:
    name = _called(call)
    index = 1 if name == "Finding" and module in _FINDING_MODULES else makers.get(str(name))
    if index is None:
        return None
    for keyword in call.keywords:
        if keyword.arg == "code":
            return keyword.value
    return call.args[index] if len(call.args) > index else None


def _functions() -> list[tuple[str, ast.FunctionDef]]:
    return [
        (path.name, node)
        for path in sorted(PACKAGE.glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef)
    ]


def _wrapper_index(function: ast.FunctionDef, argument: ast.expr | None) -> int | None:
    """The call index of ``function``'s parameter that it forwards as a code, if any."""
    names = [arg.arg for arg in function.args.args]
    if not isinstance(argument, ast.Name) or argument.id not in names:
        return None
    index = names.index(argument.id)
    return index - 1 if names and names[0] == "self" else index


def _makers() -> dict[str, int]:
    makers = dict(_MAKERS)
    changed = True
    while changed:  # a wrapper of a wrapper is a wrapper
        changed = False
        for module, function in _functions():
            for call in ast.walk(function):
                if not isinstance(call, ast.Call):
                    continue
                index = _wrapper_index(function, _code_argument(call, module, makers))
                if index is not None and function.name not in makers:
                    makers[function.name] = index
                    changed = True
                elif index is not None:
                    assert makers[function.name] == index, f"{module}:{function.name}"
    return makers


def codes_in_source() -> tuple[set[str], set[str]]:
    """Literal codes, and the places (``module:function``) that pass a code by variable."""
    makers = _makers()
    literal: set[str] = set()
    dynamic: set[str] = set()
    for module, function in _functions():
        for call in ast.walk(function):
            if not isinstance(call, ast.Call):
                continue
            argument = _code_argument(call, module, makers)
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                literal.add(argument.value)
            elif argument is not None and _wrapper_index(function, argument) is None:
                dynamic.add(f"{module}:{function.name}")
    return literal, dynamic


def test_wrappers_are_found() -> None:
    makers = _makers()
    assert makers["problem"] == 1  # self.problem(line, code, message)
    assert makers["_problem"] == 2  # parcours._problem(checked, line, code, message)


# The places that pass a code by variable, and where their codes come from.
DYNAMIC_SOURCES = {
    "references.py:unknown": lambda: {code for code, _, _ in references._WHAT.values()},
}


def test_every_code_used_in_the_package_is_registered() -> None:
    literal, dynamic = codes_in_source()
    assert dynamic <= set(DYNAMIC_SOURCES), (
        f"code de problème passé par une variable dans {sorted(dynamic - set(DYNAMIC_SOURCES))} "
        ": ajoutez sa provenance à DYNAMIC_SOURCES"
    )
    used = literal | {code for place in dynamic for code in DYNAMIC_SOURCES[place]()}
    assert used - set(CODES) == set(), "codes absents de problems.CODES"
    assert len(used) >= 40  # the AST walk does find the codes


def test_every_registered_code_is_used() -> None:
    literal, dynamic = codes_in_source()
    used = literal | {code for place in dynamic for code in DYNAMIC_SOURCES[place]()}
    assert set(CODES) - used == set(), "codes inutilisés dans problems.CODES"


def test_codes_are_short_kebab_case_with_a_french_description() -> None:
    for code, description in CODES.items():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", code), code
        assert 10 <= len(description) <= 100, code


def _guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def test_guide_has_a_section_for_each_problem_code() -> None:
    headings = set(re.findall(r"^#### `([a-z-]+)`$", _guide(), flags=re.M))
    assert set(CODES) - headings == set(), "codes sans section dans docs/contribuer.md"
    assert headings - set(CODES) == set(), "sections de codes qui n'existent plus"


def _dotted_keys(field: fields.Field, prefix: str = "") -> list[str]:
    keys = []
    for child in field.fields:
        name = f"{prefix}{child.key}"
        keys.append(name)
        keys += _dotted_keys(child, f"{name}.")
        if child.item is not None:
            keys += _dotted_keys(child.item, f"{name}.")
    return keys


def test_guide_documents_every_key_of_the_format() -> None:
    keys = _dotted_keys(fields.VIGNETTE)
    assert "dilemme.options.choix" in keys and "anonymisation.accepter" in keys
    missing = [key for key in keys if f"`{key}`" not in _guide()]
    assert missing == [], "clés absentes de docs/contribuer.md"


def test_guide_states_the_limits_of_a_file() -> None:
    guide = _guide()
    size = f"{load.MAX_FILE_BYTES:,}".replace(",", "[  \u202f]")
    assert re.search(f"{size} octets", guide), "taille maximale d'un fichier"
    assert f"{load.MAX_DEPTH} niveaux" in guide, "imbrication maximale"
    for field in fields.VIGNETTE.fields:
        if field.max_length and field.kind != "identifiant":
            assert re.search(rf"`{field.key}`.*{field.max_length} caractères", guide), field.key


def _real_lines(tmp_path: Path) -> set[str]:
    """Every line that make check prints for the problem fixtures, and for two setups
    that a fixture file in cases/ cannot produce (a registry page, a missing registry)."""
    lines = set()
    for expected in FIXTURES.glob("problemes*/*.attendu"):
        lines |= set(expected.read_text(encoding="utf-8").splitlines())
    root = copy_project(tmp_path)
    (root / "docs" / "themes" / "sans-en-tete.md").write_text("Un thème.\n", encoding="utf-8")
    (root / "cases" / "_sources.yaml").unlink()
    result = subprocess.run(
        [sys.executable, "-m", "dilemmes", "check"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return lines | set(result.stderr.splitlines())


_EXAMPLE = re.compile(r"^(?:cases|docs)/[^:\s]+:\d+: .+$", re.M)


def test_examples_in_the_guide_are_real_messages(tmp_path: Path) -> None:
    """Each ``fichier:ligne: message`` of the guide is what make check prints."""
    examples = _EXAMPLE.findall(_guide())
    assert len(examples) >= 30
    real = _real_lines(tmp_path)
    assert [line for line in examples if line not in real] == []


def test_readme_links_the_guide() -> None:
    assert "(docs/contribuer.md)" in (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("target", ["make new", "make check", "make serve"])
def test_guide_walks_through_the_commands(target: str) -> None:
    assert f"`{target}`" in _guide()
