"""The word model and its reader of jieba's dict.txt."""

from __future__ import annotations

from zhguard.wordmodel import WordModel, _read_counts, dictionary_path, read_dictionary


def test_read_dictionary_agrees_with_a_line_by_line_read_of_jiebas_file():
    path = dictionary_path()
    counts, tags = read_dictionary(path, tags=True)
    expected = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, count, tag = line.split()
            expected[word] = (int(count), tag)
    assert len(counts) == len(expected) > 300_000
    assert all(counts[w] == c and tags[w] == t for w, (c, t) in expected.items())


def test_a_line_without_its_tag_is_still_read(tmp_path):
    path = tmp_path / "dict.txt"
    path.write_text("社会 1000 n\n注意 800\n不是数字 x n\n", encoding="utf-8")
    counts, tags = read_dictionary(path, tags=True)
    assert counts == {"社会": 1000, "注意": 800}
    assert tags == {"社会": "n", "注意": ""}


def test_the_trie_holds_every_count_and_the_total(tmp_path):
    path = tmp_path / "dict.txt"
    path.write_text("社会 1000 n\n社会主义 50 n\n注意 800 v\n社 3 n\n", encoding="utf-8")
    ids, counts, total = _read_counts(path)
    assert total == 1853
    assert {w: counts[ids[w]] for w in ("社会", "社会主义", "注意", "社")} == {
        "社会": 1000, "社会主义": 50, "注意": 800, "社": 3}
    assert ids.get("会") is None
    model = WordModel(ids, counts, total)
    assert (model.count("社会主义"), model.count("会")) == (50, 0)
