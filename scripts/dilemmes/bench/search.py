"""What a visitor downloads before the first search result, measured in Chromium.

The built site is served on loopback; a fresh browser opens the home page, types a query
and waits for the first result. Every file the browser fetched for search (its address
names search, lunr, pagefind or recherche) is counted at its size on disk and gzip-compressed
as a static host would send it. The selectors are Material's; a search that replaces
Material's box says where its box and results are in ``SELECTORS``.
"""

from __future__ import annotations

import functools
import http.server
import re
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Error, Page, sync_playwright

from .measure import gzip_size

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
QUERY = "dossier"
# Then queries whose words need other pieces of the index: the time of each answer.
QUERIES = ("client", "erreur de saisie", "objectif", "reconnaissance des efforts", "courriel")
SEARCH_FILE = re.compile(r"search|lunr|pagefind|recherche", re.I)
# (the search input, a result): the first input found on the page is used.
SELECTORS = (
    ("input.md-search__input", ".md-search-result__item"),
    ("input[type=search]", "[data-resultat], .pagefind-ui__result"),
)


@dataclass
class SearchPayload:
    """Bytes fetched for search before the first result, and how long it took."""

    raw_bytes: int = 0
    gzip_bytes: int = 0
    seconds: float = 0.0
    answers: list[float] = field(default_factory=list)  # seconds, last key to last result
    files: list[str] = field(default_factory=list)
    note: str = ""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


@contextmanager
def served(site: Path) -> Iterator[str]:
    """``site`` on a free loopback port."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _local(site: Path, url: str) -> Path | None:
    path = unquote(urlsplit(url).path).lstrip("/")
    target = site / path
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def search_payload(site: Path, query: str = QUERY, timeout: float = 180.0) -> SearchPayload:
    """Open the home page in a fresh Chromium, search ``query``, count what search fetched."""
    fetched: list[str] = []
    with served(site) as base, tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=FLAGS
        )
        try:
            page = context.new_page()
            page.on("request", lambda request: fetched.append(request.url))
            started = time.perf_counter()
            page.goto(base, wait_until="domcontentloaded")
            found = _type_and_wait(page, query, timeout)
            seconds = time.perf_counter() - started
            before_first = len(fetched)  # the payload: what came before the first result
            answers = _answers(page) if found else []
        except Error as error:
            return SearchPayload(note=f"échec dans Chromium : {str(error).splitlines()[0]}")
        finally:
            context.close()
    if not found:
        return SearchPayload(note="aucun champ de recherche reconnu (voir SELECTORS)")
    payload = SearchPayload(seconds=seconds, answers=answers)
    for url in dict.fromkeys(fetched[:before_first]):
        local = _local(site, url)
        if local is not None and SEARCH_FILE.search(url):
            payload.files.append(local.relative_to(site).as_posix())
            payload.raw_bytes += local.stat().st_size
            payload.gzip_bytes += gzip_size(local)
    return payload


# When the last key went up, and when the line above the results last changed (the answer
# is shown asynchronously, pieces of the index being fetched as needed).
_WATCH = """() => {
  window.__banc = { key: 0, change: 0 };
  const now = () => performance.now();
  document.addEventListener('keyup', () => { window.__banc.key = now(); }, true);
  new MutationObserver(() => { window.__banc.change = now(); }).observe(
    document.querySelector('.md-search-result__meta'),
    { childList: true, characterData: true, subtree: true });
}"""
_SETTLED = """() => window.__banc.change > window.__banc.key
  && performance.now() - window.__banc.change > 300"""


def _answers(page: Page) -> list[float]:
    """Seconds from the last key of each of ``QUERIES`` to its results, in Material's box."""
    if page.locator(".md-search-result__meta").count() == 0:
        return []
    page.evaluate(_WATCH)
    box = page.locator("input.md-search__input").first
    answers = []
    for query in QUERIES:
        box.fill("")
        page.wait_for_timeout(300)
        box.press_sequentially(query, delay=20)
        page.wait_for_function(_SETTLED, timeout=30_000)
        timing = page.evaluate("() => window.__banc.change - window.__banc.key")
        answers.append(float(timing) / 1000)
    return answers


def _type_and_wait(page: Page, query: str, timeout: float) -> bool:
    """Type ``query`` in the first search box found; True once a result shows."""
    for box, result in SELECTORS:
        if page.locator(box).count() == 0:
            continue
        page.locator(box).first.click()
        page.locator(box).first.press_sequentially(query)
        page.locator(result).first.wait_for(timeout=timeout * 1000)
        return True
    return False
