"""Plain Markdown without a parser: paragraphs, simple lists, bold and level-3 headings.

Most vignette text is paragraphs of prose, a list of consequences, a few words in bold and
perhaps a « ### » heading. Parsing such text with markdown-it-py took most of our own build
time (docs/performance.md). This module recognises that subset conservatively and returns
exactly the HTML markdown-it-py gives; anything else (a heading of level 1 or 2, a link, a
backslash, an indented line…) returns ``None`` and goes to markdown-it-py.
``tests/test_simple_markdown.py`` compares both on generated texts.
"""

from __future__ import annotations

import re

from markdown_it.common.utils import escapeHtml, mdTrim

# Characters that may start an inline construct other than bold (escape, code, emphasis
# with "_", link, autolink, entity) or that markdown-it normalises (CR, NUL, tabs, VT, FF).
_INLINE_SPECIAL = re.compile(r"[\\`_\[\]<&\r\0\t\x0b\x0c]")
# A line that markdown-it could read as something else than paragraph text: indented,
# heading, quote, list, rule, setext underline, fence, HTML, reference, ordered list. A line
# may start with bold (« **Clientèle** : »): that is neither a list nor a rule.
_BLOCK_START = re.compile(r"(?!\*\*[^\W_])[ #>\-*+_=`~<\[|\\]|\d{1,9}[.)]")
_ITEM = re.compile(r"- (?=\S)")
# A heading of level 3 to 6 (those our pages keep as they are), with plain text.
_HEADING = re.compile(r"(#{3,6}) ([^\s#](?:[^#]*[^\s#])?)")
# ``**word …**`` opened after a space or a line start and closed before a space, a line end
# or simple punctuation, with letters or digits inside each delimiter (or a sentence ending
# in « . », « ! », « ? » closed before a space or a line end): then CommonMark's flanking
# rules make the first delimiter an opener only and the second a closer only.
_BOLD = re.compile(
    r"(?<![^ \n])\*\*(?:([^\W_](?:[^*\n]*[^\W_])?)\*\*(?![^ \n,.;:!?)])"
    r"|([^\W_][^*\n]*[.!?])\*\*(?![^ \n]))"
)
_TRAILING_SPACE = re.compile(r" $", re.M)


def _inline(text: str) -> str | None:
    """Inline text with bold only, or None when anything else might be markup."""
    if "*" not in text:
        return escapeHtml(text)
    parts: list[str] = []
    position = 0
    for match in _BOLD.finditer(text):
        parts.append(escapeHtml(text[position : match.start()]))
        parts.append(f"<strong>{escapeHtml(match.group(1) or match.group(2))}</strong>")
        position = match.end()
    parts.append(escapeHtml(text[position:]))
    html = "".join(parts)
    return None if "*" in html else html


def _blocks(text: str) -> list[list[str]] | None:
    """Lines grouped by blank lines, a heading alone in its block (it ends a paragraph or a
    list); None when a line might be something else than paragraph, list or heading text."""
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if not line:
            if blocks[-1]:
                blocks.append([])
            continue
        if _HEADING.fullmatch(line):
            blocks += [[line], []]
            continue
        content = line[2:] if _ITEM.match(line) else line
        if _BLOCK_START.match(content):
            return None
        blocks[-1].append(line)
    return [block for block in blocks if block]


def _list(block: list[str]) -> str | None:
    items = []
    for line in block:
        inline = _inline(mdTrim(line[2:]))
        if inline is None:
            return None
        items.append(f"<li>{inline}</li>\n")
    return "<ul>\n" + "".join(items) + "</ul>\n"


def to_html(text: str) -> str | None:
    """``text`` as markdown-it-py renders it (stripped), or None outside the simple subset."""
    if _INLINE_SPECIAL.search(text) or _TRAILING_SPACE.search(text):
        return None
    blocks = _blocks(text)
    if blocks is None:
        return None
    html = []
    previous_was_list = False
    for block in blocks:
        heading = _HEADING.fullmatch(block[0])
        if heading:
            inline = _inline(heading.group(2))
            if inline is None:
                return None
            level = len(heading.group(1))
            html.append(f"<h{level}>{inline}</h{level}>\n")
            previous_was_list = False
            continue
        is_list = [bool(_ITEM.match(line)) for line in block]
        if all(is_list):
            if previous_was_list:  # two lists apart: one loose list for CommonMark
                return None
            rendered = _list(block)
        elif any(is_list):  # a list ending a paragraph, or text continuing an item
            return None
        else:
            inline = _inline(mdTrim("\n".join(block)))
            rendered = None if inline is None else f"<p>{inline}</p>\n"
        if rendered is None:
            return None
        html.append(rendered)
        previous_was_list = all(is_list)
    return "".join(html).strip()


def to_inline_html(text: str) -> str | None:
    """One line of inline Markdown as markdown-it-py renders it (stripped), or None."""
    if "\n" in text or _INLINE_SPECIAL.search(text):
        return None
    html = _inline(text)
    return None if html is None else html.strip()


# Every heading needs a « # » or a line that ends with « = » or « - » (the underline);
# every link needs a « [ » or a « < »; a CR may end lines that markdown-it splits. One
# character class leads, so that the engine jumps from one of these characters to the next
# (an alternation in front would make it try a match at every position of the text).
_HEADING_OR_LINK = re.compile(r"[#\[<\r=-](?:(?<=[#\[<\r])|[ \t]*$)", re.M)


def may_hold_heading_or_link(text: str) -> bool:
    """False when ``text`` surely holds neither a heading nor a link (a cheap search)."""
    return _HEADING_OR_LINK.search(text) is not None
