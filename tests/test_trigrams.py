"""The two counts of a document's three-character strings (detect/trigrams.py) give one answer, and the
consistency rule (ZG917) finds the same slips whichever counted."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import shared_path
from zhguard import arrays
from zhguard.detect.trigrams import ArrayTrigrams, StringTrigrams

# Han characters (grammatical ones among them: 的, 和, 在), punctuation, ASCII, an astral ideograph and a
# lone surrogate (a file read with surrogateescape): everything a trigram may or may not span.
ALPHABET = "示范区长三角一体化的和在是建设发展，。、 a1\U00020000\udc80"


def _same(text: str, rng: random.Random) -> None:
    by_string, by_array = StringTrigrams(text), ArrayTrigrams(text)
    for least in (1, 2, 3):
        assert by_string.written(least) == by_array.written(least)
    forms = by_string.written(1)
    asked = forms + ["".join(rng.choice("示范区长三角") for _ in range(3)) for _ in range(20)]
    assert by_string.counts(asked) == by_array.counts(asked)
    pairs = {form[0] + form[2] for form in forms} | {"示区", "长角"}
    assert by_string.once_between(pairs) == by_array.once_between(pairs)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=200), st.integers(0, 1000))
def test_the_string_and_the_array_counts_agree(text, seed):
    _same(text, random.Random(seed))


def test_the_counts_agree_on_a_long_official_text(clean_2026_texts):
    rng = random.Random(19)
    for text in clean_2026_texts[:6]:
        _same(text, rng)


def test_zg917_finds_the_same_slips_whichever_counts(checker, clean_2026_texts, monkeypatch):
    """Each report with one of its own recurring names doubled or swapped once: the findings of ZG917 with
    the Counter and with numpy."""
    rng = random.Random(5)
    texts = []
    for text in clean_2026_texts[:8]:
        forms = [f for f in StringTrigrams(text).written(4) if len(set(f)) == 3]
        at = text.find(rng.choice(forms))
        texts.append(text[:at + 1] + text[at + 2] + text[at + 1] + text[at + 3:])  # two swapped
    def findings(length: int) -> list:
        monkeypatch.setattr(arrays, "ARRAY_MIN_LENGTH", length)
        return [[(f.start, f.end, f.suggestions) for f in checker.check(t) if f.code == "ZG917"] for t in texts]
    by_string, by_array = findings(10**9), findings(0)
    assert by_string == by_array
    assert sum(map(len, by_array)) >= 4  # the swaps are found


@pytest.fixture(scope="module")
def clean_2026_texts():
    folder = shared_path("data", "clean-2026")
    return [path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.txt"))]
