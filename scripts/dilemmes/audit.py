"""Audit: read every built page and refuse anything active that the theme did not put there.

The renderers already escape contributor text; this is the independent second check,
run after every build. A page fails on: a script that is neither one of Material's own
inline scripts nor a file of the site, an event-handler attribute, a ``javascript:``,
``vbscript:`` or ``data:`` URL, a tag outside the content allowlist inside the article, a
``<title>`` that holds markup, or a skeleton broken by a stray closing tag.

Tags are read with one regular expression (C speed) rather than an HTML parser: the
audit runs on every build, and at 5,000 pages a Python parser would add a third to the
build time (3 ms a page measured with ``html.parser``). The slow expression for event
handlers runs only on a page where a plain search finds what each of its matches holds,
the scan for addresses looks only at tags with a ":" or an "&", and the files that
``<script src>`` names are resolved once per audit (``SiteFiles``): 0.75 ms of processor
a page of 27 KB (Material) instead of 1.4 ms, measured on the same machine.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem

# One tag: name, then attributes with quoted or bare values. Raw ">" never appears
# inside our attribute values (they are escaped) but quotes are honoured anyway.
# The repeats are possessive (a third faster) and match exactly what greedy ones would:
# no choice, undone, leads to another match. A name cut shorter would leave one of its
# own characters next, which starts neither an attribute (whitespace), nor a value ("="),
# nor the end of the tag (whitespace, "/", ">"). A bare value may hold a "/", but then
# the whole value is followed by the same ">" (``b=c/>``). An attribute followed by "="
# has to take its value; fewer attributes would leave the end of the tag facing a name.
_TAG = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*+)((?:\s+[^\s=>/\"']++(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|"
    r"[^\s\"'=<>`]++))?)*+)\s*/?>"
)
_ATTR = re.compile(r"([^\s=>/\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")
_RAW_TEXT = re.compile(r"<(script|style)\b[^>]*>(.*?)</\1\s*>", re.S | re.I)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_URL_ATTR = re.compile(
    r"(?:^|\s)(href|src|action|formaction|xlink:href|poster|data|srcset|background|cite|ping|content)"
    r"\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+)",
    re.I,
)
# An event-handler attribute inside a tag, quotes honoured so that a ">" in a quoted
# value cannot hide it.
_EVENT = re.compile(
    r"<[a-zA-Z][^\s>/]*(?:\s+[^\s=>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*?"
    r"\s+([oO][nN][a-zA-Z]+)\s*="
)
# What every match of _EVENT contains: whitespace, then "on…=". Found by its literal "on"
# at C speed; on a page without it (almost every page) _EVENT, slow, is not run.
_EVENT_HINT = re.compile(r"[oO][nN][a-zA-Z]+\s*=")  # HTML's names ignore case
_SPACE = re.compile(r"\s")
_ARTICLE = re.compile(r"<(/?)article\b")
# One pass counts the four: a match starts at "<" and holds no other "<", so it is the
# same as four passes.
_LANDMARK = re.compile(r"<(header|main|article|footer)\b")
_BLOCK = re.compile(r"<(/?)(div|section|nav|ul|ol|dl|table|p)\b")
_OPENING = re.compile(r"<([a-zA-Z][a-zA-Z0-9:-]*)")
_NEVER = frozenset({"iframe", "object", "embed", "base", "frame", "frameset", "applet"})
_BAD_SCHEME = re.compile(r"^(javascript|vbscript|data|file):")
_CONTROL = re.compile(r"[\x00- ]")  # what browsers ignore inside a scheme
_BASE_URL = re.compile(r'new URL\("[^"]*",location\)')

# Material 9.8's inline scripts (base.html), their relative base URL blanked; the audit
# names any other inline script. After upgrading Material, check the new scripts and
# update these hashes (the finding prints the start of each unknown script's hash).
THEME_SCRIPTS = frozenset(
    {
        "7eb3684fdacd2881f67b9428983273a29d8774d8bc82622af9b65a8ec1032a90",  # __md_scope, __md_get
        "0eb10c249dbdb0beef225a10ce5cbe55418cc4a7014cc208f8e7d6ed8f00906e",  # palette
        "ffcc0f7735fdab434d257c80e65cec2e88d716991e69757185b7e450e41a5b2f",  # tabbed anchors
    }
)

# What the article of a page may hold: our templates, markdown-it-py and the Markdown
# extensions of mkdocs.yml, and Material's icons. Anything else is a finding.
_CONTENT_WORDS = """
a abbr article aside b blockquote br caption code col colgroup dd del details dfn div dl
dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd label legend li
mark nav ol p path pre q s section small span strong sub summary sup table tbody td
tfoot th thead time tr u ul svg g title circle rect fieldset form input select option
button output search
"""
CONTENT_TAGS = frozenset(_CONTENT_WORDS.split())


@dataclass(frozen=True)
class Tag:
    closing: bool
    name: str
    attrs: dict[str, str]
    start: int


def script_hash(body: str) -> str:
    """The hash an inline script is known by, independent of the page's depth."""
    return hashlib.sha256(_BASE_URL.sub('new URL("",location)', body.strip()).encode()).hexdigest()


def _tags(text: str) -> Iterator[Tag]:
    for match in _TAG.finditer(text):
        attrs = {}
        for name, value in _ATTR.findall(match.group(3)):
            if value[:1] in "\"'":
                value = value[1:-1]
            attrs[name.lower()] = html.unescape(value)
        yield Tag(bool(match.group(1)), match.group(2).lower(), attrs, match.start())


def _blank_raw_text(text: str, raw: list[re.Match[str]] | None = None) -> str:
    """Script and style bodies hidden, lengths kept, so offsets stay true.

    ``raw`` is ``_RAW_TEXT.finditer(text)`` when the caller already has it.
    """
    if raw is None:
        raw = list(_RAW_TEXT.finditer(text))
    pieces: list[str] = []
    end = 0
    for match in raw:
        # Only the body: the same characters in the opening tag (« onload » beside a body
        # « a ») must stay for the other checks.
        pieces += (text[end : match.start(2)], " " * (match.end(2) - match.start(2)))
        end = match.end(2)
    pieces.append(text[end:])
    return "".join(pieces)


def _may_have_event(blanked: str) -> bool:
    """False only when _EVENT cannot match: no "on…=" just after whitespace.

    An "on…=" found here cannot hide another: it holds letters, then whitespace only
    before its "=", so the "on" of another one cannot lie inside it.
    """
    for match in _EVENT_HINT.finditer(blanked):
        if match.start() and _SPACE.match(blanked, match.start() - 1):
            return True
    return False


def _is_bad_url(value: str) -> bool:
    cleaned = _CONTROL.sub("", value).lower()
    if _BAD_SCHEME.match(cleaned):
        return True
    return any(_BAD_SCHEME.match(part.strip()) for part in cleaned.split(",")[1:])


class _PageAudit:
    def __init__(self, path: str, text: str, files: SiteFiles | None, page: str) -> None:
        self.path = path
        self.text = text
        self.files = files
        self.page = page
        self.problems: list[Problem] = []

    def line(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def problem(self, offset: int, code: str, message: str) -> None:
        self.problems.append(Problem(self.path, self.line(offset), code, message))

    def run(self) -> list[Problem]:
        raw = list(_RAW_TEXT.finditer(self.text))
        self._scripts(raw)
        blanked = _blank_raw_text(self.text, raw)
        article = self._article_span(blanked)
        self._event_handlers(blanked)
        self._urls(blanked)
        self._tag_names(blanked, article)
        self._title()
        self._skeleton(blanked, article)
        return self.problems

    def _scripts(self, raw: list[re.Match[str]]) -> None:
        for match in raw:
            name, body = match.group(1).lower(), match.group(2)
            opening = self.text[match.start() : match.start(2)]
            attrs = next(_tags(opening)).attrs
            if name == "style":
                self.problem(match.start(), "audit-script", "élément <style> inattendu")
            elif "src" in attrs:
                self._script_source(match.start(), attrs["src"])
            elif attrs.get("type") == "application/json" and attrs.get("id") == "__config":
                continue
            elif script_hash(body) not in THEME_SCRIPTS:
                self.problem(
                    match.start(),
                    "audit-script",
                    f"script en ligne inconnu du thème (empreinte {script_hash(body)[:12]})",
                )

    def _script_source(self, offset: int, src: str) -> None:
        if re.match(r"^[a-z][a-z0-9+.-]*:|^//", src.strip().lower()):
            self.problem(offset, "audit-script", f"script chargé d'ailleurs : {src[:80]}")
        elif self.files is not None and not self.files.has(self.page, src):
            self.problem(offset, "audit-script", f"script absent du site : {src[:80]}")

    def _event_handlers(self, blanked: str) -> None:
        if not _may_have_event(blanked):
            return
        for match in _EVENT.finditer(blanked):
            tag = next(_tags(blanked[match.start() :]))
            self.problem(
                match.start(),
                "audit-evenement",
                f"attribut d'événement « {match.group(1).lower()} » sur <{tag.name}>",
            )

    def _urls(self, blanked: str) -> None:
        # Only inside tags: text such as « href=javascript:0 » in a paragraph is text.
        for tag in _TAG.finditer(blanked):
            attrs = tag.group(3)
            if ":" not in attrs and "&" not in attrs and tag.group(2).lower() != "meta":
                # No scheme, even entity-encoded; a refresh to "//host" is in a <meta>.
                continue
            for match in _URL_ATTR.finditer(attrs):
                self._url(tag.start(), match.group(1).lower(), match.group(2))

    def _url(self, offset: int, name: str, raw: str) -> None:
        value = html.unescape(raw[1:-1] if raw[:1] in "\"'" else raw)
        if _is_bad_url(value):
            self.problem(offset, "audit-url", f"adresse « {value[:40]} » ({name})")
        if name == "content" and "url=" in value.lower():
            target = value.lower().partition("url=")[2].strip()
            if re.match(r"^[a-z][a-z0-9+.-]*:|^//", target):
                self.problem(offset, "audit-url", f"redirection vers « {target[:40]} »")

    def _tag_names(self, blanked: str, article: tuple[int, int] | None) -> None:
        for match in _OPENING.finditer(blanked):
            name = match.group(1).lower()
            inside = article is not None and article[0] < match.start() < article[1]
            if (inside and name not in CONTENT_TAGS) or name in _NEVER:
                where = " dans le contenu de la page" if inside else ""
                self.problem(match.start(), "audit-balise", f"balise <{name}> inattendue{where}")

    def _article_span(self, blanked: str) -> tuple[int, int] | None:
        start = blanked.find('<article class="md-content__inner')
        if start < 0:
            return None
        depth, position = 0, start
        for match in _ARTICLE.finditer(blanked[start:]):
            depth += -1 if match.group(1) else 1
            if depth == 0:
                position = start + match.start()
                break
        return start, position

    def _title(self) -> None:
        titles = _TITLE.findall(self.text)
        if len(titles) != 1:
            self.problem(0, "audit-titre", f"{len(titles)} éléments <title> au lieu d'un")
        elif "<" in titles[0]:
            self.problem(
                self.text.find("<title>"),
                "audit-titre",
                "balise dans <title> : le titre doit être du texte échappé",
            )

    def _skeleton(self, blanked: str, article: tuple[int, int] | None) -> None:
        if "md-main" not in blanked:
            return  # not a Material page (a redirect left at a former address)
        counts = Counter(_LANDMARK.findall(blanked))
        for tag in ("header", "main", "article", "footer"):
            opened = counts[tag]
            closed = blanked.count(f"</{tag}>")
            if opened != 1 or closed != 1:
                self.problem(
                    0,
                    "audit-squelette",
                    f"{opened} <{tag}> ouvert(s), {closed} fermé(s) : une balise a "
                    "cassé la structure de la page",
                )
        if article is not None:
            self._balanced(blanked, article)

    def _balanced(self, blanked: str, article: tuple[int, int]) -> None:
        """Inside the article, no closing tag may close more than the article opened."""
        depth: dict[str, int] = {}
        for match in _BLOCK.finditer(blanked[article[0] : article[1]]):
            name = match.group(2)
            depth[name] = depth.get(name, 0) + (-1 if match.group(1) else 1)
            if depth[name] < 0:
                self.problem(
                    article[0] + match.start(),
                    "audit-squelette",
                    f"</{name}> ferme un élément ouvert hors du contenu",
                )
                return


class SiteFiles:
    """Whether a ``<script src>`` names a file of the site, answers kept for one audit.

    Every page loads the same few scripts, but each from its own folder; resolving the
    path again on every page (``Path.resolve``: an ``lstat`` per component) cost more than
    the rest of the script check. Here each step of a resolution is remembered: the folder
    of a page, then each name of ``src`` from there, then the answer for the final path.
    The steps are those of ``os.path.realpath``, so the answers are those of resolving
    anew (but a loop of symbolic links is a missing file, where ``Path.resolve`` raised).
    The site must not change while one ``SiteFiles`` is in use: an audit runs after the
    build has written it.
    """

    def __init__(self, site: Path) -> None:
        self.root = site.resolve()
        self._steps: dict[tuple[str, str], str] = {}
        self._folders: dict[str, str] = {}
        self._answers: dict[str, bool] = {}

    def has(self, page: str, src: str) -> bool:
        """Whether ``src``, loaded by ``page``, names a file of the site.

        404.html uses root-relative paths.
        """
        path = src.split("?")[0].split("#")[0]
        if path.startswith("/"):
            key = "\0" + path  # not a resolved path: its own entries
            if key not in self._answers:
                parts = path.strip("/").split("/")
                candidates = [self.root.joinpath(*parts[i:]) for i in range(len(parts))]
                self._answers[key] = any(self._inside(c) for c in candidates)
            return self._answers[key]
        resolved = self._walk(self._folder(str(self.root / Path(page).parent)), path)
        if resolved not in self._answers:
            self._answers[resolved] = self._inside(Path(resolved))
        return self._answers[resolved]

    def _inside(self, candidate: Path) -> bool:
        return candidate.is_file() and self.root in candidate.parents

    def _folder(self, folder: str) -> str:
        """``os.path.realpath(folder)`` for an absolute, ``Path``-normalised folder."""
        real = self._folders.get(folder)
        if real is None:
            parent, name = os.path.split(folder)
            real = folder if not name else self._walk(self._folder(parent), name)
            self._folders[folder] = real
        return real

    def _walk(self, real: str, relative: str) -> str:
        """``os.path.realpath(real + "/" + relative)`` when ``real`` is already resolved."""
        for name in relative.split("/"):
            if not name or name == ".":
                continue
            if name == "..":
                real = os.path.dirname(real)  # realpath: ".." of a resolved path is lexical
                continue
            step = self._steps.get((real, name))
            if step is None:
                joined = os.path.join(real, name)
                step = os.path.realpath(joined) if os.path.islink(joined) else joined
                self._steps[(real, name)] = step
            real = step
        return real


def audit_page(
    path: str,
    text: str,
    site: Path | None = None,
    page: str = "",
    files: SiteFiles | None = None,
) -> list[Problem]:
    """Every finding in one built page; ``path`` names it in messages, ``page`` in ``site``.

    ``files``, shared by the pages of one audit of ``site``, spares resolving the same
    scripts again on every page.
    """
    if files is None and site is not None:
        files = SiteFiles(site)
    return _PageAudit(path, text, files, page).run()


def audit_site(
    site: Path, label: str = "site", since: float | None = None, skip: Collection[str] = ()
) -> list[Problem]:
    """Every finding in every HTML page of a built site (written at ``since`` or later),
    but the pages in ``skip`` (paths relative to ``site``, audited already)."""
    problems: list[Problem] = []
    files = SiteFiles(site)
    for page in sorted(site.rglob("*.html")):
        if since is not None and page.stat().st_mtime < since:
            continue  # ``make serve`` rebuilds only what changed: the rest was audited
        relative = page.relative_to(site).as_posix()
        if relative in skip:
            continue
        text = page.read_text("utf-8")
        problems.extend(audit_page(f"{label}/{relative}", text, site, relative, files))
    return problems
