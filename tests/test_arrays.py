"""numpy's translation of a long text (arrays.translated) is str.translate's, character for character."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zhguard.arrays import translated

# Han characters with readings, punctuation, ASCII, a character past the sound table's end (U+FB00 on),
# an astral ideograph and a lone surrogate (a file read with surrogateescape)
ALPHABET = "习近平社会主义核心价值观重庆，。 a1\ufb01\uff01\U00020000\udc80"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=300))
def test_the_sound_keys_of_any_text_are_translates(checker, text):
    table = checker.compiled.sound.to_folded
    assert translated(text, table) == text.translate(table)


def test_a_long_text_is_heard_as_a_page_is(checker):
    sound = checker.compiled.sound
    text = "深入学习习近平新时代中国特色社会主义思想，重庆市民。\U00020000" * 400
    assert len(text) > 8_000 and sound.hear(text) == text.translate(sound.to_folded)
