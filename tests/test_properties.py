"""Property-based tests: whatever a contributor writes, a page or a clean problem line.

Any text in any field of a valid vignette either renders to a page that passes the
audit or gives ``path:line: message`` problems; never a traceback, never a hang.
"""

from __future__ import annotations

import json
import os
import re

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, copy_project, mkdocs_build
from dilemmes import markup
from dilemmes.audit import audit_page, audit_site
from dilemmes.load import load_yaml
from dilemmes.project import gather, read_case
from dilemmes.render import render_case

# ``PROPRIETES=3000 make test`` for a longer hunt.
EXAMPLES = int(os.environ.get("PROPRIETES", "300"))
EXTENSIONS = ["toc", "admonition", "attr_list", "md_in_html", "tables"]
CORPUS = gather(FIXTURES / "projet").corpus
BASE = (FIXTURES / "projet" / "cases" / "erreurs-de-saisie.yaml").read_text("utf-8")
PROBLEM_LINE = re.compile(r"^cases/erreurs-de-saisie\.yaml:\d+: \S.*$")

# Fields whose text a contributor writes, and how they appear in the base file.
FIELDS = {
    "titre": "titre: Des erreurs de saisie en fin de journée",
    "resume": "resume: Le nombre de dossiers attendu par jour laisse peu de temps pour vérifier.",
    "recit": "recit: |\n  L'agent traite des réclamations. En fin de journée, il lui reste des "
    "dossiers.",
    "question": "  question: Vérifier chaque dossier ou atteindre le nombre attendu ?",
    "choix": "    - choix: Vérifier chaque dossier",
    "consequences": "      consequences: Moins d'erreurs ; l'objectif n'est pas atteint.",
    "questions": "  - Que faudrait-il pour que la vérification compte ?",
}
HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt&#58;alert(1))",
        "<svg onload=alert(1)>",
        '{: onclick="alert(1)" }',
        "</div></article></main>",
        "# Titre",
        "```",
        "{{ 7*7 }}",
        "{% raw %}",
        "&lt;script&gt;",
        "[a]: data:text/html,x\n\n[a]",
        '<a href="javascript:x">x</a>',
        "\\",
        "*",
        "_",
        "|",
        "<!--",
        "]]>",
        "\u202e",
        "\x00",
        "\ufeff",
        "&#0;",
        "\n\n---\n",
        ": ",
        " #",
        "- ",
        "'",
        '"',
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=40), HOSTILE), max_size=6).map("".join)


def _vignette(field: str, value: str, quoted: bool) -> str:
    line = FIELDS[field]
    key, _, _ = line.partition(":")
    if field == "recit":
        replacement = "recit: " + json.dumps(value) if quoted else "recit: |\n  " + value
    else:
        replacement = f"{key}: {json.dumps(value) if quoted else value}"
    return BASE.replace(line, replacement, 1)


def _page_html(case_markdown: str) -> str:
    body = case_markdown.split("---\n", 2)[2]
    return markdown.markdown(body, extensions=EXTENSIONS)


def _wrap(content: str) -> str:
    return (
        "<!doctype html><html><head><title>t</title></head><body>"
        '<header class="md-header"></header><main class="md-main">'
        f'<article class="md-content__inner md-typeset">{content}</article>'
        '</main><footer class="md-footer"></footer></body></html>'
    )


def _check(data: bytes) -> None:
    case, checked = read_case("cases/erreurs-de-saisie.yaml", data)
    for problem in checked.problems:
        assert PROBLEM_LINE.match(str(problem)), str(problem)
    if case is None:
        assert checked.problems
        return
    html = _page_html(render_case(case, CORPUS))
    assert audit_page("page.html", _wrap(html)) == []


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(field=st.sampled_from(sorted(FIELDS)), value=TEXT, quoted=st.booleans())
def test_any_text_in_any_field_renders_safely_or_is_a_clean_problem(
    field: str, value: str, quoted: bool
) -> None:
    _check(_vignette(field, value, quoted).encode("utf-8", "surrogatepass"))


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=400))
def test_any_bytes_load_without_exception(data: bytes) -> None:
    loaded = load_yaml("cases/x.yaml", data)
    assert loaded.root is not None or loaded.problems


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60))
def test_plain_text_shows_exactly_as_written(text: str) -> None:
    html = markdown.markdown(f"# {markup.md_text(text)}", extensions=EXTENSIONS)
    rendered = re.sub(r"<[^>]+>", "", html)
    from html import unescape

    assert " ".join(unescape(rendered).split()) == " ".join(text.split())


@pytest.mark.slow
@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(field=st.sampled_from(["titre", "recit", "questions"]), value=TEXT)
def test_real_builds_pass_the_audit(
    tmp_path_factory: pytest.TempPathFactory, field: str, value: str
) -> None:
    root = copy_project(tmp_path_factory.mktemp("prop"))
    text = _vignette(field, value, quoted=True)
    (root / "cases" / "erreurs-de-saisie.yaml").write_text(text, "utf-8", "surrogatepass")
    result = mkdocs_build(root)
    assert "Traceback" not in result.stderr
    if result.returncode == 0:
        assert audit_site(root / "site") == []
    else:
        assert re.search(r"^cases/erreurs-de-saisie\.yaml:\d+: ", result.stderr, re.M)
