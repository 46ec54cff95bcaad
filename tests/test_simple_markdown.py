"""The parser-free path renders exactly what markdown-it-py renders, or steps aside."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dilemmes import markup, simple_markdown
from dilemmes.bench import workspace
from dilemmes.project import gather

_INSPECTOR = markup._INSPECTOR
REPO = Path(__file__).resolve().parents[1]

# Pieces that matter to CommonMark next to ordinary French prose.
PIECES = [
    "la cliente",
    "É",
    "œ",
    "2",
    "10",
    " ",
    "  ",
    "\n",
    "\n\n",
    "- ",
    "* ",
    "+ ",
    "**",
    "*",
    "_",
    "#",
    "# ",
    "1. ",
    "1) ",
    "\u00a0",
    "\u202f",
    ",",
    ".",
    "!",
    "?",
    ")",
    "(",
    "[",
    "]",
    "<",
    ">",
    "&",
    "&amp;",
    '"',
    "'",
    "\\",
    "`",
    "=",
    "---",
    "===",
    "~",
    "|",
    ":",
    "\t",
    "\r",
    "    ",
    "[a](b)",
    "<http://x>",
    "a\n- b",
    "- a\n\n- b",
    "**a**",
    " **b** ",
    "**c**,",
    "**Fin.**",
    "**d!**,",
    "**e?**\n",
]


def _reference(text: str) -> str:
    tokens = markup._RENDERER.parse(text)
    return str(markup._RENDERER.renderer.render(tokens, markup._RENDERER.options, {})).strip()


def _reference_inline(text: str) -> str:
    return str(markup._RENDERER.renderInline(text)).strip()


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_same_html_as_markdown_it(text: str) -> None:
    simple = simple_markdown.to_html(text)
    if simple is not None:
        assert simple == _reference(text)
    inline = simple_markdown.to_inline_html(text)
    if inline is not None:
        assert inline == _reference_inline(text)
    if not simple_markdown.may_hold_heading_or_link(text):
        assert not [t for t in _INSPECTOR.parse(text) if t.type in ("heading_open", "link_open")]
        assert not [
            child
            for token in _INSPECTOR.parse(text)
            for child in token.children or ()
            if child.type == "link_open"
        ]


@pytest.mark.parametrize(
    "text",
    [
        "Un paragraphe.\nSur deux lignes.\n\nUn autre, avec **du gras**, et « guillemets ».",
        "- **Clientèle** : rassurée.\n- **Équipe** : l'attente augmente.",
        "Avant la liste.\n\n- un\n- deux\n\nAprès la liste.",
        "Un paragraphe.\n\n### Ce qui se passe ensuite\n\nLa suite, avec **du gras**.",
        "\u00a0Espace insécable autour\u00a0",
        'Des "guillemets" & des <chevrons>',
    ],
)
def test_common_shapes(text: str) -> None:
    simple = simple_markdown.to_html(text)
    if "&" in text:
        assert simple is None  # an entity might follow: markdown-it decides
    else:
        assert simple == _reference(text)


@pytest.mark.parametrize(
    "text",
    ["## Titre", "Texte\n===", "> a\n> ---", "[lien](javascript:alert(1))", "<javascript:x>"],
)
def test_headings_and_links_go_to_markdown_it(text: str) -> None:
    assert simple_markdown.to_html(text) is None
    assert simple_markdown.may_hold_heading_or_link(text)
    assert markup.inspect(text)


def test_a_loose_list_goes_to_markdown_it() -> None:
    assert simple_markdown.to_html("- a\n\n- b") is None


def test_vignette_texts_take_the_fast_path_with_the_same_html(tmp_path: Path) -> None:
    """Every Markdown text of the repository's cases and of generated ones renders the same."""
    project = workspace.make_project(REPO, tmp_path / "projet", 80)
    texts: list[str] = []
    for root in (REPO, project.root):
        for case in gather(root).corpus.cases.values():
            texts += [case.recit, case.animation, *(o.consequences for o in case.options)]
            texts += case.questions
    simple = 0
    for text in filter(None, texts):
        html = simple_markdown.to_html(text)
        if html is not None:
            simple += 1
            assert html == _reference(text)
    assert simple >= len(texts) * 0.8
