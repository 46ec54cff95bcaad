"""Vignettes read once per content: ``make serve`` parses only the files that changed.

``mkdocs serve`` gathers the whole project again after every save. The plugin keeps one
``CaseCache`` for the whole preview; ``gather`` asks it for each vignette, and it returns the
result of the last ``read_case`` of that path when the file's bytes are the same. Comparing
bytes rather than modification times costs one read of each file (milliseconds for
thousands) and never misses a change made within the same second.
"""

from __future__ import annotations

from collections.abc import Collection

from .project import CaseRead, CaseReader, read_case


class CaseCache:
    """A ``CaseReader`` that remembers, per path, the last bytes read and their result."""

    def __init__(self, read: CaseReader = read_case) -> None:
        self._read = read
        self._entries: dict[str, tuple[bytes, CaseRead]] = {}
        self.parsed = 0  # how many files were actually read, for tests and logs

    def __call__(self, path: str, data: bytes) -> CaseRead:
        cached = self._entries.get(path)
        if cached is not None and cached[0] == data:
            return cached[1]
        result = self._read(path, data)
        self.parsed += 1
        self._entries[path] = (data, result)
        return result

    def __len__(self) -> int:
        return len(self._entries)

    def keep_only(self, paths: Collection[str]) -> None:
        """Forget files that are gone (a vignette deleted or renamed during the preview)."""
        for path in self._entries.keys() - set(paths):
            del self._entries[path]
