"""Site-wide checks on a built ``site/``: links and anchors, the Nu HTML Checker, axe-core.

The link check reads every HTML file once: each ``href``/``src`` (and the address of a
``refresh`` redirect) that stays inside the site must name a file that exists, and its
``#fragment`` an ``id`` (or ``<a name>``) of that file. Outside addresses are not fetched
(the machines that run the tests have no network).
"""

from __future__ import annotations

import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

REPO = Path(__file__).resolve().parents[1]
NODE_MODULES = REPO / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LINK_ATTRIBUTES = {"a": "href", "link": "href", "area": "href", "script": "src", "img": "src"}
_REFRESH = re.compile(r"^\s*\d+\s*;\s*url=(.+)$", re.IGNORECASE)
# Material's own template: ``autocomplete`` on its checkbox toggles (BROWSER.md).
VNU_IGNORED = ".*autocomplete.*"


class _Page(HTMLParser):
    """The anchors a page offers and the links it makes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchors: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.anchors.add(values["id"])
        if tag == "a" and "name" in values:
            self.anchors.add(values["name"])
        wanted = LINK_ATTRIBUTES.get(tag)
        if wanted and wanted in values:
            self.links.append(values[wanted])
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            match = _REFRESH.match(values.get("content", ""))
            if match:
                self.links.append(match.group(1).strip())


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def site_url_of(site: Path) -> str:
    """The ``site_url`` the site was built for: the first address of its sitemap."""
    match = re.search(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text("utf-8"))
    assert match, "sitemap.xml sans adresse"
    return match.group(1).rsplit("/", 1)[0] + "/"  # « …/index.html » when built for files


def broken_links(site: Path) -> list[str]:
    """``page: link`` for each internal link or anchor that leads nowhere, sorted.

    Internal: relative links, and absolute ones under ``site_url`` (the 404 page and the
    canonical links use those).
    """
    base = site_url_of(site)
    pages = {path.relative_to(site).as_posix(): _parse(path) for path in site.rglob("*.html")}
    problems = []
    for source, page in pages.items():
        for link in page.links:
            problem = _check(site, pages, base, source, link)
            if problem:
                problems.append(f"{source}: {link} ({problem})")
    return sorted(problems)


def _check(site: Path, pages: dict[str, _Page], base: str, source: str, link: str) -> str | None:
    if urlsplit(link).scheme in ("mailto", "tel", "javascript", "data"):
        return None
    address = urljoin(base + source, link)
    target = urlsplit(address)
    if not address.startswith(base):
        host = urlsplit(base)
        same_host = (target.scheme, target.netloc) == (host.scheme, host.netloc)
        return "hors du site" if same_host else None  # another host: not fetched
    path = unquote(target.path[len(urlsplit(base).path) :])
    if path == "" or path.endswith("/") or (site / path).is_dir():
        path = path.rstrip("/") + "/index.html" if path.strip("/") else "index.html"
    if not (site / path).is_file():
        return "fichier absent"
    fragment = unquote(target.fragment)
    if fragment and path.endswith(".html") and fragment not in pages[path].anchors:
        return f"ancre « {fragment} » absente de {path}"
    return None


def vnu_errors(*sites: Path) -> list[str]:
    """Nu HTML Checker errors in every HTML file, less Material's own ``autocomplete`` ones."""
    assert VNU.is_file(), "vnu.jar manque : « make test » installe les outils npm (npm ci)"
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--skip-non-html",
            "--format",
            "json",
            "--filterpattern",
            VNU_IGNORED,
            *map(str, sites),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{m.get('url', '?')}:{m.get('lastLine', '?')}: {m.get('message', '')}" for m in messages
    ]


def axe_violations(page: Any) -> list[str]:
    """axe-core on the page as loaded: ``rule: target`` for each violation."""
    assert AXE.is_file(), "axe-core manque : « make test » installe les outils npm (npm ci)"
    page.add_script_tag(path=str(AXE))
    report = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        f"{violation['id']}: {node['target']}"
        for violation in report
        for node in violation["nodes"]
    ]
