"""Generated pages as data: former addresses lead to the case in both kinds of site."""

from __future__ import annotations

from dataclasses import replace

from conftest import FIXTURES
from dilemmes.model import Publication
from dilemmes.pages import build_pages
from dilemmes.project import gather


def _redirect_target(html: str) -> str:
    return html.split('http-equiv="refresh" content="0; url=')[1].split('"')[0]


def test_alias_pages_lead_to_directory_or_file_addresses() -> None:
    corpus = gather(FIXTURES / "projet").corpus
    online = build_pages(corpus)
    offline = build_pages(replace(corpus, publication=Publication(directory_urls=False)))
    alias = "cas/ancienne-vente/index.html"
    trainer = "cas/ancienne-vente/animation/index.html"
    assert _redirect_target(str(online[alias].content)) == "../vente-au-premier-appel/"
    assert _redirect_target(str(offline[alias].content)) == "../vente-au-premier-appel.html"
    assert _redirect_target(str(offline[trainer].content)) == (
        "../../vente-au-premier-appel/animation.html"
    )
