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


# The faster twin (ahocorasick_rs) a process builds once it has scanned FAST_AFTER characters.

def _case_texts() -> list[str]:
    import tomllib
    from pathlib import Path

    folder = Path(__file__).parent / "cases"
    texts = [case["text"] for path in sorted(folder.glob("ZG*.toml"))
             for kind in ("fail", "pass") for case in tomllib.loads(path.read_text("utf-8")).get(kind, [])]
    sample = Path(__file__).parent.parent / "examples" / "sample.txt"
    return [*texts, sample.read_text("utf-8")]


def test_the_twin_finds_the_same_matches_in_the_same_order(monkeypatch):
    from zhguard import Checker

    compiled = Checker().compiled
    automata = [(compiled.automaton, str), (compiled.list_items.automaton, str),
                (compiled.heard_keys.automaton, compiled.sound.hear)]
    texts = [*_case_texts(), "\uffff习近平\uffff总书记"]  # U+FFFF: the dead ends' own character
    slow = [[list(fanout.scan(built, view(text))) for built, view in automata] for text in texts]
    monkeypatch.setattr(fanout, "FAST_AFTER", 0)
    monkeypatch.setattr(fanout, "_TWINS", fanout._Twins())
    fast = [[list(fanout.scan(built, view(text))) for built, view in automata] for text in texts]
    assert fanout._TWINS._built  # the twins were built and used
    assert fast == slow


def test_a_checker_says_the_same_on_either_scanner(monkeypatch):
    from zhguard import Checker

    texts, checker = _case_texts(), Checker()
    slow = [checker.check(text) for text in texts]
    monkeypatch.setattr(fanout, "FAST_AFTER", 0)
    monkeypatch.setattr(fanout, "_TWINS", fanout._Twins())
    assert [checker.check(text) for text in texts] == slow


def test_a_process_keeps_pyahocorasick_until_it_has_scanned_fast_after_characters(monkeypatch):
    monkeypatch.setattr(fanout, "FAST_AFTER", 100)
    monkeypatch.setattr(fanout, "_TWINS", fanout._Twins())
    built = _plain(["习近平"])
    assert fanout._TWINS.twin(built, 60) is None and not fanout._TWINS._built
    assert fanout._TWINS.twin(built, 60) is not None and fanout._TWINS.twin(built, 1)[1] == [0]


def test_the_twin_leaves_a_text_with_a_lone_surrogate_to_pyahocorasick(monkeypatch):
    # a file read with surrogateescape keeps undecodable bytes as lone surrogates, which UTF-8 (the twin's
    # encoding) cannot hold
    built = _plain(["习近平", "平"])
    text = "\udcff习近平\udcff"
    slow = list(fanout.scan(built, text))
    monkeypatch.setattr(fanout, "FAST_AFTER", 0)
    monkeypatch.setattr(fanout, "_TWINS", fanout._Twins())
    assert list(fanout.scan(built, text)) == slow == [(3, 0), (3, 1)]


def test_a_translate_tables_list_twin_translates_as_the_table(monkeypatch):
    """Past FAST_AFTER, hear() translates with the table's list twin: the same keys for Han, kept
    punctuation, Latin, a character past the table's end (an astral one) and a lone surrogate."""
    from zhguard import Checker
    from zhguard.lexicon import fanout

    sound = Checker().compiled.sound
    text = "坚持以人民为中心，2026年GDP增长5.2%；鍪鏊𠀀\ufb01\udc80。"
    slow = sound.hear(text)
    monkeypatch.setattr(fanout._TWINS, "scanned", fanout.FAST_AFTER)
    assert fanout.fast_table(sound.to_folded) == list(sound.to_folded)
    assert sound.hear(text) == slow == text.translate(sound.to_folded)
    assert sound.hear(text) != text  # the Han characters became keys
