"""Automata with common characters first at the root find exactly what plain ones find."""

from __future__ import annotations

import random

import ahocorasick

from zhguard.lexicon import fanout


def _plain(words: list[str]) -> ahocorasick.Automaton:
    built = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for index, word in enumerate(words):
        built.add_word(word, index)
    built.make_automaton()
    return built


def test_the_lead_changes_no_match_even_where_the_text_holds_u_ffff():
    rng = random.Random(7)
    alphabet = "习近平社会主义中国特色政府\uffffab，。"
    words = sorted({"".join(rng.choice(alphabet[:12]) for _ in range(rng.randint(1, 4))) for _ in range(300)})
    lead = fanout.lead("的一是在不了有和人这中大为上个国我以要他")
    led, plain = fanout.automaton(words, lead), _plain(words)
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        assert sorted(fanout.scan(led, text)) == sorted(plain.iter(text))


def test_an_empty_automaton_scans_to_nothing():
    assert list(fanout.scan(fanout.automaton([], ["的"]), "的的的")) == []


def test_the_lead_is_common_punctuation_then_the_given_characters():
    lead = fanout.lead(["的", "，", "一"])
    assert lead.index("，") < lead.index("的") < lead.index("一") and len(lead) == len(set(lead))
