"""The canonical names of one category of the compiled lexicon (every body, every leader), built once per
lexicon: the judge and the detectors ask whether a surface written right is one of them."""

from __future__ import annotations

from zhguard.finding import Category
from zhguard.lexicon.compile import CompiledLexicon
from zhguard.lexicon.held import built_once

_BUILT: dict[int, tuple[CompiledLexicon, dict[Category, frozenset[str]]]] = {}


def canonical_names(compiled: CompiledLexicon, category: Category) -> frozenset[str]:
    by_category = built_once(_BUILT, compiled, lambda _: {})
    names = by_category.get(category)
    if names is None:
        names = by_category[category] = frozenset(e.canonical for e in compiled.lexicon.entries
                                                  if e.category is category)
    return names
