"""Results kept between the rebuilds of a long-running `serve`, each tied to the file it came from.

Owns one thing: a result is reused while its file's size and modification
time are unchanged (or, when the watcher names the files that changed, while
its file is not among them). A plain build passes no memo; what it may reuse
comes from the build cache (cache.py), keyed by content.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, NamedTuple


class Remembered(NamedTuple):
    """A value and what it was made from: the file's stamp, the inputs themselves, or the object (per_object)."""

    made_from: object
    value: object


def stamp(file: Path) -> tuple:
    """What tells a changed file from an unchanged one: (size, modification time in ns), or None if gone."""
    try:
        status = file.stat()
    except OSError:
        return None
    return (status.st_size, status.st_mtime_ns)


class Memo:
    """Computed values keyed by (what, file), valid while the file's stamp is the same."""

    def __init__(self) -> None:
        self._kept: dict = {}
        #: the files the watcher saw change since the last rebuild; the others are taken as unchanged without
        #: looking at them (thousands of posts: no stat each). None: look at every file.
        self.changed: set | None = None
        #: how many values were reused and recomputed since the last reset, for the rebuild report
        self.hits = 0
        self.misses = 0

    def get(self, what: str, file: Path, compute: Callable[[], object]) -> object:
        name = str(file)
        key = (what, name)
        kept = self._kept.get(key)
        if kept is not None and self.changed is not None and name not in self.changed:
            self.hits += 1
            return kept.value
        current = stamp(file)
        if kept is not None and kept.made_from == current and current is not None:
            self.hits += 1
            return kept.value
        self.misses += 1
        value = compute()
        self._kept[key] = Remembered(current, value)
        return value

    def get_each(self, what: str, files: list, compute: Callable[[Path], object]) -> list:
        """[get(what, file, lambda: compute(file)) for file in files], in one loop (thousands of news posts)."""
        found, kept, trusted, reused = [], self._kept, self.changed, 0
        for file in files:
            name = str(file)
            value = kept.get((what, name))
            if value is not None and trusted is not None and name not in trusted:
                found.append(value.value)
                reused += 1
            else:
                found.append(self.get(what, file, lambda: compute(file)))  # noqa: B023 - called at once
        self.hits += reused
        return found

    def get_many(self, what: str, files: tuple, compute: Callable[[], object]) -> object:
        """Like get(), for a value made from several files: valid while none of them changed."""
        key = (what, *map(str, files))
        current = tuple(None if self.changed is not None and k not in self.changed and key in self._kept else stamp(f)
                        for k, f in zip(key[1:], files))
        kept = self._kept.get(key)
        if kept is not None and all(now is None or now == then for now, then in zip(current, kept.made_from)):
            self.hits += 1
            return kept.value
        self.misses += 1
        value = compute()
        self._kept[key] = Remembered(tuple(stamp(f) for f in files), value)
        return value

    def reuse(self, what: str, inputs: tuple, compute: Callable[[], object]) -> object:
        """compute(), or its last value if it was made from the same inputs (the very objects, or equal ones)."""
        kept = self._kept.get(what)
        if kept is not None and len(kept.made_from) == len(inputs) and all(
                a is b or a == b for a, b in zip(kept.made_from, inputs)):
            self.hits += 1
            return kept.value
        self.misses += 1
        value = compute()
        self._kept[what] = Remembered(inputs, value)
        return value

    def remember(self, key: tuple, compute: Callable[[], object]) -> object:
        """compute() once per key (a key names everything the value is made from)."""
        if key not in self._kept:
            self.misses += 1
            self._kept[key] = Remembered(None, compute())
        else:
            self.hits += 1
        return self._kept[key].value


def per_object(kept: dict, objects, make: Callable[[object], object]) -> list:
    """[make(o) for o in objects], reusing what `kept` holds for the very same objects (serve keeps unchanged posts
    and lines as the same objects between rebuilds); forgets objects that are gone once they outnumber the live."""
    found = []
    for obj in objects:
        part = kept.get(id(obj))
        if part is None or part.made_from is not obj:
            part = kept[id(obj)] = Remembered(obj, make(obj))
        found.append(part.value)
    if len(kept) > 2 * len(found):
        alive = {id(obj) for obj in objects}
        for key in [key for key in kept if key not in alive]:
            del kept[key]
    return found


class NoMemo:
    """For a plain build: always compute."""

    hits = misses = 0

    def get(self, what: str, file: Path, compute: Callable[[], object]) -> object:
        return compute()

    def get_many(self, what: str, files: tuple, compute: Callable[[], object]) -> object:
        return compute()

    def get_each(self, what: str, files: list, compute: Callable[[Path], object]) -> list:
        return [compute(file) for file in files]

    def reuse(self, what: str, inputs: tuple, compute: Callable[[], object]) -> object:
        return compute()

    def remember(self, key: tuple, compute: Callable[[], object]) -> object:
        return compute()


#: The memo of a plain build.
NO_MEMO = NoMemo()
