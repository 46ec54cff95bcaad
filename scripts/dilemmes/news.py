"""What changed: the cases added or changed most recently, as a page and an Atom feed.

Dates come from git (``history``) through ``Corpus.publication``; without them the page
says so and the feed has no entry. The list is the newest ``LIMIT`` cases, not a time
window, so a build never depends on today's date.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from . import formation
from .model import Case, Corpus, Dates

LIMIT = 50
PAGE_URI = "nouveautes.md"
FEED_URI = "nouveautes/flux.xml"
FEED_ADDRESS = "nouveautes/flux.xml"
ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Change:
    case: Case
    dates: Dates

    @property
    def label(self) -> str:
        return "Nouveau cas" if self.dates.is_new else "Cas modifié"


def recent_changes(corpus: Corpus, limit: int = LIMIT) -> list[Change]:
    """The most recently changed cases, newest first; ties by title."""
    history = corpus.publication.history
    changes = [
        Change(case, history[case.path]) for case in corpus.cases.values() if case.path in history
    ]
    changes.sort(key=lambda c: (-c.dates.changed.timestamp(), c.case.titre.casefold()))
    return changes[:limit]


def atom_feed(corpus: Corpus, changes: list[Change]) -> str:
    """An Atom 1.0 feed (RFC 4287) of ``changes``; every text escaped by ElementTree."""
    publication = corpus.publication
    name = publication.site_name or "Dilemmes au travail"
    page_url = formation.absolute_url(publication.site_url, "nouveautes/")
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "fr"})
    _text(feed, "title", f"{name} : nouveautés")
    _text(feed, "subtitle", "Les cas ajoutés ou modifiés récemment.")
    _text(feed, "id", page_url)
    newest = changes[0].dates.changed if changes else dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    _text(feed, "updated", _rfc3339(newest))
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": page_url})
    ET.SubElement(
        feed,
        f"{{{ATOM}}}link",
        {"rel": "self", "href": formation.absolute_url(publication.site_url, FEED_ADDRESS)},
    )
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", name)
    for change in changes:
        url = formation.absolute_url(publication.site_url, formation.case_address(change.case.id))
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "title", f"{change.label} : {change.case.titre}")
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": url})
        _text(entry, "id", url)
        _text(entry, "published", _rfc3339(change.dates.created))
        _text(entry, "updated", _rfc3339(change.dates.changed))
        _text(entry, "summary", change.case.resume)
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = text


def _rfc3339(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.isoformat()
