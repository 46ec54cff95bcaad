"""Material's search box driven as a person uses it: typed key by key, results read back.

BROWSER.md: ``press_sequentially`` sends the key events that start a search (``fill``
does not). The search answers asynchronously; ``search`` waits until the result line
has changed after the last key and then stayed still.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

WATCH = """() => {
  if (window.__rechercheVue) return;
  window.__rechercheVue = { key: 0, change: 0 };
  const now = () => performance.now();
  document.addEventListener('keyup', () => { window.__rechercheVue.key = now(); }, true);
  const meta = document.querySelector('.md-search-result__meta');
  new MutationObserver(() => { window.__rechercheVue.change = now(); })
    .observe(meta, { childList: true, characterData: true, subtree: true });
}"""
SETTLED = """() => {
  const v = window.__rechercheVue;
  return v.change > v.key && performance.now() - v.change > 250;
}"""
RESULTS = """() => Array.from(document.querySelectorAll('.md-search-result__item')).map(item => {
  const link = item.querySelector('a');
  const article = link.querySelector('article');
  const teaser = article.cloneNode(true);
  teaser.querySelectorAll('h1, nav, .md-search-result__terms').forEach(el => el.remove());
  return {
    href: link.getAttribute('href'),
    title: article.querySelector('h1').textContent,
    teaser: teaser.textContent.trim(),
    tags: Array.from(article.querySelectorAll('.md-tag')).map(tag => tag.textContent),
  };
})"""


@dataclass(frozen=True)
class Result:
    """One result as shown: the page's address, its title and the text under it."""

    href: str
    title: str
    teaser: str
    tags: list[str]

    @property
    def path(self) -> str:
        """The address without host, query and fragment: ``cas/x/``."""
        address = self.href.split("?")[0].split("#")[0]
        return address.split("/", 3)[3] if "://" in address else address


def open_search(page: Any) -> Any:
    """The search input, focused (the header field on a wide screen)."""
    page.evaluate(WATCH)
    box = page.locator(".md-search__input")
    box.click()
    return box


def search(page: Any, query: str) -> list[Result]:
    """Type ``query`` into Material's search box and return the results it shows."""
    box = open_search(page)
    box.fill("")
    box.press_sequentially(query, delay=15)
    page.wait_for_function(SETTLED, timeout=10_000)
    # Material shows ten results, then four more each time the list is scrolled to its end.
    line = result_line(page)
    total = int(line.split()[0]) if line[0].isdigit() else 0
    items = page.locator(".md-search-result__item")
    for _ in range(total):
        if items.count() >= total:
            break
        page.locator(".md-search__scrollwrap").evaluate("el => { el.scrollTop = 0; }")
        page.locator(".md-search__scrollwrap").evaluate("el => { el.scrollTop = el.scrollHeight; }")
        page.wait_for_timeout(50)
    results = [Result(**item) for item in page.evaluate(RESULTS)]
    assert len(results) == total, f"{line} : {len(results)} résultats affichés"
    return results


def result_line(page: Any) -> str:
    """The line above the results: « 3 documents trouvés », « Aucun document trouvé »."""
    return str(page.locator(".md-search-result__meta").inner_text())
