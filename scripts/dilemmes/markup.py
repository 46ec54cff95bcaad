"""Contributor text made safe: CommonMark without raw HTML, and escaped plain text.

Vignette Markdown is rendered here with markdown-it-py (CommonMark, ``html`` off, no
images, only http(s), mailto and relative links) and reaches the page as a finished
HTML block. Python-Markdown, which MkDocs runs on the page afterwards, passes raw HTML
through and takes minutes on 20,000 nested brackets; markdown-it-py escapes the HTML
and stays linear. Plain-text fields are escaped for the Markdown of our templates.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from . import simple_markdown

ALLOWED_SCHEMES = ("http", "https", "mailto")
FIRST_HEADING_LEVEL = 3

_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
# Python-Markdown's ESCAPED_CHARS with our extensions (tables adds "|"); a backslash
# before any other character would stay visible. "&", "<" and ">" become entities.
_MD_ESCAPES = str.maketrans({char: "\\" + char for char in "\\`*_{}[]()#+-.!|"})


def is_allowed_link(url: str) -> bool:
    """True for relative links and http(s)/mailto; false for javascript:, data:, …"""
    cleaned = "".join(ch for ch in url if ch > " ").lower()
    match = _SCHEME.match(cleaned)
    return match is None or match.group(1) in ALLOWED_SCHEMES


def _parser(validate: bool) -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.disable("image")
    # markdown-it-py documents replacing validateLink to set the link policy.
    parser.validateLink = is_allowed_link if validate else (lambda url: True)  # type: ignore[method-assign]
    return parser


_RENDERER = _parser(validate=True)
_INSPECTOR = _parser(validate=False)


@dataclass(frozen=True)
class Finding:
    """Something in a Markdown field that the page will not show as written."""

    offset_line: int  # 0-based line inside the field
    code: str
    detail: str


def inspect(text: str) -> list[Finding]:
    """Headings above level 3 and links whose scheme is not allowed."""
    if not simple_markdown.may_hold_heading_or_link(text):
        return []
    if simple_markdown.to_html(text) is not None:  # headings of level 3 or more, no link
        return []
    findings: list[Finding] = []
    for token in _walk(_INSPECTOR.parse(text)):
        line = token.map[0] if token.map else 0
        if token.type == "heading_open" and int(token.tag[1]) < FIRST_HEADING_LEVEL:
            findings.append(Finding(line, "titre-niveau", token.markup))
        elif token.type == "link_open":
            href = str(token.attrGet("href") or "")
            if not is_allowed_link(href):
                findings.append(Finding(line, "lien-interdit", href))
    return findings


def _walk(tokens: list[Token]) -> list[Token]:
    flat: list[Token] = []
    block_line = 0
    for token in tokens:
        if token.map:
            block_line = token.map[0]
        flat.append(token)
        for child in token.children or ():
            if child.map is None:
                child.map = [block_line, block_line + 1]
            flat.append(child)
    return flat


def to_html(text: str) -> str:
    """Block Markdown to safe HTML; headings never rise above level 3."""
    simple = simple_markdown.to_html(text)
    if simple is not None:
        return simple
    tokens = _RENDERER.parse(text)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = max(int(token.tag[1]), FIRST_HEADING_LEVEL)
            token.tag = f"h{min(level, 6)}"
    return str(_RENDERER.renderer.render(tokens, _RENDERER.options, {})).strip()


def to_inline_html(text: str) -> str:
    """One line of inline Markdown to safe HTML (no paragraph around it)."""
    simple = simple_markdown.to_inline_html(text)
    if simple is not None:
        return simple
    return str(_RENDERER.renderInline(text)).strip()


def md_text(text: str) -> str:
    """Plain text escaped so that Python-Markdown shows it exactly as written."""
    return html.escape(text, quote=False).translate(_MD_ESCAPES)


def html_text(text: str) -> str:
    """Plain text escaped for the content of an HTML element."""
    return html.escape(text, quote=False)


def html_attribute(text: str) -> str:
    """Plain text escaped for an HTML attribute value (quotes included)."""
    return html.escape(text, quote=True)
