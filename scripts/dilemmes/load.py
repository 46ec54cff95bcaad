"""Load: strict YAML to located nodes, or problems; never a traceback, nothing runs.

libyaml's C parser gives events with line marks; we compose them ourselves so that
anchors, aliases, explicit tags, duplicate keys and deep nesting become problems
instead of being expanded, constructed or silently overwritten
(``yaml.safe_load`` keeps the last of two duplicate keys and is 16 times slower:
see PERFORMANCE.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem
from .yaml_messages import describe_yaml_error

MAX_FILE_BYTES = 100_000
MAX_DEPTH = 12

_COMMENT = re.compile(r"\s+#")
_BOUNDARIES = frozenset(
    {yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentStartEvent, yaml.DocumentEndEvent}
)
_STARTS = frozenset({yaml.MappingStartEvent, yaml.SequenceStartEvent})

# Characters that have no place in a vignette: C0/C1 controls (but tab, line feed and
# carriage return), bidirectional overrides that reorder what a reviewer sees
# ("Trojan Source", CVE-2021-42574), zero-width characters that hide inside words, and
# the Unicode line separators that YAML 1.1 reads as line breaks.
_FORBIDDEN_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064"
    "\u2066-\u2069\ufeff]"
)


@dataclass(frozen=True)
class Scalar:
    """A scalar as written: its text, the type YAML 1.1 would give it, and where it is."""

    text: str
    tag: str  # "str", "bool", "int", "float", "null", "timestamp"
    line: int
    plain: bool
    trailing_comment: str | None = None
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Seq:
    items: tuple[Node, ...]
    line: int


@dataclass(frozen=True)
class Entry:
    key: str
    key_line: int
    value: Node


@dataclass(frozen=True)
class Map:
    entries: dict[str, Entry]
    line: int


Node = Scalar | Seq | Map


@dataclass
class Loaded:
    """The result of loading one file: a root node (or None) and its problems."""

    path: str
    root: Node | None
    problems: list[Problem] = field(default_factory=list)
    source: str = ""


def decode(path: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """Bytes to text: UTF-8 (a BOM is fine), not UTF-16, no hidden characters."""
    if len(data) > MAX_FILE_BYTES:
        return None, [
            Problem(
                path,
                1,
                "fichier-trop-gros",
                f"fichier de {len(data):,} octets ; une vignette tient en moins de "
                f"{MAX_FILE_BYTES:,} octets : raccourcissez-la ou scindez-la en deux cas".replace(
                    ",", "\u202f"
                ),
            )
        ]
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(data) > 1 and b"\x00" in data[:4]):
        return None, [
            Problem(
                path,
                1,
                "encodage",
                "fichier en UTF-16 ; réenregistrez-le en UTF-8 (sans BOM de préférence)",
            )
        ]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                path,
                line,
                "encodage",
                f"octet {data[error.start]:#04x} invalide en UTF-8 ; réenregistrez le "
                "fichier en UTF-8 (dans l'éditeur : Enregistrer sous… > Encodage UTF-8)",
            )
        ]
    return text, _hidden_characters(path, text)


def _hidden_characters(path: str, text: str) -> list[Problem]:
    problems = []
    for match in _FORBIDDEN_CHARS.finditer(text):
        char = match.group()
        line = text.count("\n", 0, match.start()) + 1
        problems.append(
            Problem(
                path,
                line,
                "caractere-invisible",
                f"caractère invisible ou de contrôle U+{ord(char):04X} ; supprimez-le "
                "(il peut masquer ou réordonner le texte affiché)",
            )
        )
    return problems


def load_yaml(path: str, data: bytes) -> Loaded:
    """Load one YAML file strictly; problems instead of exceptions."""
    text, problems = decode(path, data)
    if text is None or problems:
        return Loaded(path, None, problems, text or "")
    lines = text.splitlines()
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in lines):
        return Loaded(
            path,
            None,
            [
                Problem(
                    path, 1, "fichier-vide", "fichier vide ; une vignette commence par « id: … »"
                )
            ],
            text,
        )
    composer = _Composer(path, text, lines)
    root = composer.compose()
    return Loaded(path, root, composer.problems, text)


@dataclass
class _Frame:
    """A mapping or sequence being built: its items and, for a mapping, the pending key."""

    is_map: bool
    line: int
    entries: dict[str, Entry] = field(default_factory=dict)
    items: list[Node] = field(default_factory=list)
    key: tuple[str, int] | None = None  # text and line of a key still waiting for its value

    def node(self) -> Node:
        return Map(self.entries, self.line) if self.is_map else Seq(tuple(self.items), self.line)


def _line(mark: Any) -> int:
    return int(mark.line) + 1 if mark is not None else 1


# YAML 1.1 implicit types of a plain scalar, by its first character, as
# ``yaml.resolver.Resolver.resolve`` finds them (it has no path resolvers): looked up here
# directly, this costs a third of the call for each of the thousands of values of a corpus.
_IMPLICIT: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    first: tuple((str(tag).rsplit(":", 1)[-1], regexp) for tag, regexp in resolvers)
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}


def _plain_tag(value: str) -> str:
    for tag, regexp in _IMPLICIT.get(value[:1], ()):
        if regexp.match(value):
            return tag
    return "str"


class _Composer:
    """Builds nodes from libyaml events, refusing what a vignette never needs."""

    def __init__(self, path: str, text: str, lines: list[str]) -> None:
        self.path = path
        self.text = text
        self.lines = lines  # ``text.splitlines()``
        self.problems: list[Problem] = []

    def problem(self, line: int, code: str, message: str) -> None:
        self.problems.append(Problem(self.path, line, code, message))

    def compose(self) -> Node | None:
        loader = yaml.CSafeLoader(self.text)
        try:
            return self._compose_stream(loader)
        except yaml.YAMLError as error:
            line, message = describe_yaml_error(error, self.lines)
            self.problems = [Problem(self.path, line, "yaml-syntaxe", message)]
            return None
        finally:
            loader.dispose()

    def _compose_stream(self, loader: yaml.CSafeLoader) -> Node | None:
        root: Node | None = None
        documents = 0
        stack: list[_Frame] = []
        get_event = loader.get_event
        # One C call per event (``get_event`` gives None at the end) and one type test for
        # the common cases: this loop runs for every key and value of every vignette. A key
        # is kept as its text and line only: its type and comment never matter.
        while True:
            event: Any = get_event()
            if event is None:
                break
            kind = type(event)
            if kind is yaml.ScalarEvent and event.anchor is None and event.tag is None:
                if stack:
                    frame = stack[-1]
                    if frame.is_map and frame.key is None:
                        frame.key = (event.value, event.start_mark.line + 1)
                        continue
                node: Node = self._scalar(event)  # the common case, acceptable as it is
            elif kind in _BOUNDARIES:
                if kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        self.problem(
                            _line(event.start_mark),
                            "plusieurs-documents",
                            "un seul document par fichier : retirez le « --- » et "
                            "ce qui suit, ou faites-en un autre fichier",
                        )
                        return None
                continue
            elif not self._acceptable(event, len(stack)):
                return None
            elif kind in _STARTS:
                stack.append(_Frame(kind is yaml.MappingStartEvent, event.start_mark.line + 1))
                continue
            else:  # the end of a mapping or a sequence
                node = stack.pop().node()
            if not stack:
                root = node
            elif not self._attach(stack[-1], node):
                return None
        return root

    def _acceptable(self, event: Any, depth: int) -> bool:
        """Anchors, aliases, explicit tags and deep nesting stop the file here."""
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            self.problem(
                _line(event.start_mark),
                "ancre-interdite",
                "ancres (&) et alias (*) YAML interdits : écrivez le texte en "
                "entier à chaque endroit",
            )
            return False
        tag = getattr(event, "tag", None)
        if tag is not None:
            self.problem(
                _line(event.start_mark),
                "etiquette-interdite",
                f"étiquette YAML « {tag} » interdite : retirez-la (aucun type "
                "particulier n'est permis dans une vignette)",
            )
            return False
        if (
            isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent))
            and depth >= MAX_DEPTH
        ):
            self.problem(
                _line(event.start_mark),
                "imbrication-trop-profonde",
                f"plus de {MAX_DEPTH} niveaux imbriqués ; une vignette en compte au plus quatre",
            )
            return False
        return True

    def _attach(self, frame: _Frame, node: Node) -> bool:
        if not frame.is_map:
            frame.items.append(node)
            return True
        if frame.key is None:
            if not isinstance(node, Scalar):
                self.problem(
                    node.line,
                    "yaml-syntaxe",
                    "une clé doit être un simple mot (par exemple « titre: »)",
                )
                return False
            frame.key = (node.text, node.line)
            return True
        (key, line), frame.key = frame.key, None
        if key in frame.entries:
            first = frame.entries[key].key_line
            self.problem(
                line,
                "cle-dupliquee",
                f"clé « {key} » en double (déjà à la ligne {first}) ; gardez une seule des deux",
            )
            self.problem(
                first,
                "cle-dupliquee",
                f"clé « {key} » en double (encore à la ligne {line}) ; gardez une seule des deux",
            )
        else:
            frame.entries[key] = Entry(key, line, node)
        return True

    def _scalar(self, event: Any) -> Scalar:
        plain = event.style in (None, "")
        start, end = event.start_mark, event.end_mark
        tag = "str"
        comment = None
        if plain:
            tag = _plain_tag(event.value)
            if start.line == end.line and start.line < len(self.lines):
                rest = self.lines[start.line][end.column :]
                if "#" in rest and _COMMENT.match(rest):
                    comment = rest.strip()
        return Scalar(event.value, tag, start.line + 1, plain, comment, start.index, end.index)


__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "Entry",
    "Loaded",
    "Map",
    "Node",
    "Scalar",
    "Seq",
    "decode",
    "load_yaml",
]
