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


def test_the_one_call_per_start_split_is_the_span_by_span_split():
    """``_best`` (the trie's prefixes at each start, extra words looked for at each place) must score and
    split every window exactly as the span-by-span search does: ties, unknown characters, Latin and
    digits, an extra word that is a dictionary word, one that is not, one longer than MAX_WORD."""
    from zhguard.wordmodel import MAX_WORD, load_word_model

    model = load_word_model()
    prose = ("坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届历次全会精神，"
             "统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设，2026年地区生产总值增长5.2%，"
             "城乡居民人均可支配收入稳步提高，淮南蚌埠阜阳亳州宿州毫州，鍪鏊𠀀Ωabc。")
    windows = {prose[i:i + size] for size in (1, 2, 3, 5, 8, 13) for i in range(len(prose) - size + 1)}
    assert len(windows) > 500
    extras = ({}, {"社会主义": -3.0}, {"蚌埠阜": -9.5, "州": -2.0}, {"中国特色社会主义思想": -1.0},
              {"x" * (MAX_WORD + 1): -1.0})
    for window in windows:
        for extra in extras:
            assert model._best(window, extra) == model._best_span_by_span(window, extra), (window, extra)
