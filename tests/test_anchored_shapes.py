"""Long terms carry no look-alike variants in the automaton (they were a third of its nodes, unpickled
on every warm start: issue 21); a look-alike in any place, the first and the last included, is found
from the term's intact other half (detect/nearmiss.py).  Checked over the whole class: every such
formulation and body, its first and its last character."""

from __future__ import annotations

import random

from zhguard.finding import Category
from zhguard.lexicon.compile import _anchored

NEUTRAL = "会议指出，{}。"
CLASS = (Category.POLITICAL_TERM, Category.INSTITUTION)


def test_no_look_alike_of_a_long_term_is_an_automaton_surface(checker):
    compiled = checker.compiled
    anchored = [e.canonical for e in compiled.lexicon.entries if _anchored(e) and e.category in CLASS]
    surfaces = set(map(compiled.patterns.surface, range(len(compiled.patterns))))
    generated = [term[:i] + other + term[i + 1:] for term in anchored for i in (0, len(term) - 1)
                 for other in compiled.shapes.get(term[i], "")]
    assert generated
    assert not [form for form in generated if form in surfaces and form not in anchored]


def test_a_look_alike_at_either_end_of_a_long_term_is_found(checker):
    compiled = checker.compiled
    entries = compiled.lexicon.entries
    near = {entry for anchors in compiled.anchors.values() for entry, _ in anchors}
    terms = [entries[i].canonical for i in sorted(near)
             if entries[i].category in CLASS and _anchored(entries[i])]
    rng = random.Random(7)
    cases = [(term, term[:i] + rng.choice(compiled.shapes[term[i]]) + term[i + 1:])
             for term in terms for i in (0, len(term) - 1) if compiled.shapes.get(term[i])]
    missed = [written for term, written in cases
              if not any(term in f.suggestions for f in checker.check(NEUTRAL.format(written)))]
    assert len(cases) > 800
    # measured 1.6% missed (a body's grammatical last character: 应急管理都; a wording's: 正风肃坚)
    assert len(missed) / len(cases) < 0.03, missed[:20]
