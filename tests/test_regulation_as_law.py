"""Issue 19: an administrative regulation cited as a law (…法 for …条例) is found, for every regulation
titled 条例 whose words name no law; regulations and laws cited right stay quiet."""

from __future__ import annotations

import pytest

from zhguard import Checker
from zhguard.lexicon.parse import build_lexicon

PREFIX = "中华人民共和国"


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def _as_law(regulation: str) -> str:
    return regulation.removeprefix(PREFIX).removesuffix("条例") + "法"


def test_every_regulation_cited_as_a_law_is_found_with_its_title(checker):
    table = checker.compiled.laws
    officials = sorted({official for official, _ in table.regulations.values()})
    cited = [official for official in officials if _as_law(official) not in table.known]
    assert len(cited) > 400
    missed = [official for official in cited
              if [(f.code, f.suggestion) for f in checker.check(f"依照《{_as_law(official)}》执行。")]
              != [("ZG612", official.removeprefix(PREFIX))]]
    assert missed == []


def test_the_state_name_is_kept_in_the_fix_only_where_it_was_written(checker):
    [finding] = checker.check("依照《中华人民共和国政府信息公开法》公开。")
    assert finding.suggestion == "中华人民共和国政府信息公开条例"
    [finding] = checker.check("依照《政府信息公开法》公开。")
    assert finding.suggestion == "政府信息公开条例"


@pytest.mark.parametrize("text", [
    "依照《中华人民共和国政府信息公开条例》和《物业管理条例》办理。",  # regulations cited right
    "依照《法律援助法》办理。",  # a law that replaced a regulation of the same words (法律援助条例)
    "根据《国防交通条例》和《中华人民共和国国防交通法》。",  # a regulation and a law of the same words
    "《国务院关于修改和废止部分行政法规的决定》《城市供水管理办法》",  # no title ending in 法 alone
])
def test_regulations_and_laws_cited_right_are_quiet(checker, text):
    assert [f.code for f in checker.check(text) if f.code == "ZG612"] == []


def test_a_title_of_a_regulation_and_of_a_law_both_offered_where_the_state_name_joins_them(checker):
    [finding] = checker.check("《中华人民共和国国防交通条例》")
    assert finding.suggestions == ("中华人民共和国国防交通法", "国防交通条例")


def test_a_regulations_file_holds_only_titles_ending_in_regulation():
    files = [("SOURCES.tsv", b"# zhguard: kind=sources columns=id,title,publisher,url_or_document,published,"
                             b"retrieved,note\ns\tt\tp\tu\t\t2026-12-05\t\n"),
             ("r.tsv", "# zhguard: kind=regulations columns=title,short,source,note\n物业管理办法\t\ts\t\n"
                       .encode())]
    with pytest.raises(Exception, match="does not end in 条例"):
        build_lexicon(files)
