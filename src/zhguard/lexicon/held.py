"""Values built once per object (a compiled lexicon, its place table, an automaton) and kept in a module's
store beside it: keyed by the object's id, with the object held too, so the id is never reused while the
value is kept.  The objects are few and live as long as the process's checkers."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

S = TypeVar("S")
V = TypeVar("V")


def built_once(store: dict[int, tuple[S, V]], source: S, build: Callable[[S], V],
               lock: threading.Lock | None = None) -> V:
    """``build(source)``, made on the first call for ``source`` and kept in ``store``.  With ``lock``, the
    build is made under it, so threads never build one twice (an expensive build: fanout's twins)."""
    held = store.get(id(source))
    if held is None or held[0] is not source:
        if lock is not None:
            with lock:
                return built_once(store, source, build)
        held = store[id(source)] = (source, build(source))
    return held[1]
