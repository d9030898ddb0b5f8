"""The canonical names of one category of the compiled lexicon (every body, every leader), built once per
lexicon: the judge and the detectors ask whether a surface written right is one of them."""

from __future__ import annotations

from zhguard.finding import Category
from zhguard.lexicon.compile import CompiledLexicon

# id(lexicon) → (the lexicon, category → names); the lexicon is held so its id is never reused meanwhile
_BUILT: dict[int, tuple[CompiledLexicon, dict[Category, frozenset[str]]]] = {}


def canonical_names(compiled: CompiledLexicon, category: Category) -> frozenset[str]:
    held = _BUILT.get(id(compiled))
    if held is None or held[0] is not compiled:
        held = _BUILT[id(compiled)] = (compiled, {})
    names = held[1].get(category)
    if names is None:
        names = held[1][category] = frozenset(e.canonical for e in compiled.lexicon.entries
                                             if e.category is category)
    return names
