"""Real published errors, each in the context it was published in, with its source id.

The source ids are rows of src/zhguard/data/lexicons/SOURCES.tsv.  The fourth
case of the 涪城区 notice (区委书记郑志恒 called 市委书记) is a title binding,
which the exact detector cannot see; it belongs to the facts issue.
"""

from __future__ import annotations

import pytest

CASES = [
    # (source id, published text, found, suggestion)
    ("seed-fucheng-2019", "《涪城区司法局安排部署基层法律服务队伍两会期间工作》坚持中国特色社会注意",
     "中国特色社会注意", "中国特色社会主义"),
    ("seed-fucheng-2019", "《城北街道学习贯彻习平总书记来川视察重要讲话精神暨省、市、区委有关会议精神》",
     "习平总书记", "习近平总书记"),
    ("seed-fucheng-2019", "《以竞促用，提升财政工作合力》深入学习习进平重要讲话", "习进平", "习近平"),
    ("ltn-2025-past-cases", "政治局带头照镜子，习进平直言谋大事", "习进平", "习近平"),
    ("kzg-2025-renmin-jinhu", "国家主席习近乎在釜山同美国总统特朗普举行会晤", "习近乎", "习近平"),
    ("kzg-2011-cntv-diao", "刁近平开始对安哥拉进行正式访问", "刁近平", "习近平"),
    ("hk01-isd-xipingjin", "行政长官表示，国家主席习平近对科研工作作出重要批示", "习平近", "习近平"),
    ("chongyang-2024q1", "深入学习贯彻习近平近新时代中国特色社会主义思想",
     "习近平近新时代中国特色社会主义思想", "习近平新时代中国特色社会主义思想"),
    ("kzg-2023-renmin-omission", "以同志为核心的党中央审时度势", "以同志为核心的党中央",
     "以习近平同志为核心的党中央"),
]


@pytest.mark.parametrize(("source", "text", "found", "suggestion"), CASES, ids=[c[0] for c in CASES])
def test_published_error_is_found_with_the_right_suggestion(checker, source, text, found, suggestion):
    [finding] = checker.check(text)
    assert (finding.found, finding.suggestion) == (found, suggestion)
    assert text[finding.start:finding.end] == found


@pytest.mark.parametrize("text", [
    "这种学习近乎形式主义，必须纠正。",      # 学习 + 近乎 contains 习近乎
    "部队演习近乎实战。",
    "用好学习强国学习平台。",                # contains 习平
    "这一问题引起社会注意。",                # contains 社会注意
])
def test_ordinary_text_around_listed_wrong_forms_is_quiet(checker, text):
    assert checker.check(text) == []


def test_seed_case_4_title_bound_to_the_wrong_person_with_the_district_lexicon():
    """涪城区 2019 notice, annex item 4: 区委书记郑志恒 written 市委书记郑志恒 (an item of 2018-05-09)."""
    import datetime as dt
    from pathlib import Path

    from zhguard import Checker

    district = Path(__file__).resolve().parent.parent / "examples" / "district"
    text = "市人大代表，市委书记郑志恒同志莅临城厢街道南河路社区检查指导社区建设工作。"
    [finding] = Checker(lexicons=[district]).check(text, as_of=dt.date(2018, 5, 9))
    assert (finding.code, finding.found, finding.suggestions) == ("ZG310", "市委书记", ("区委书记",))
    assert Checker(lexicons=[district]).check(text.replace("市委书记", "区委书记"),
                                              as_of=dt.date(2018, 5, 9)) == []


@pytest.mark.parametrize(("text", "as_of", "codes"), [
    ("区环保局开展执法检查。", "2017-05-01", []),          # before the 2018-19 reorganisation
    ("区环保局开展执法检查。", "2026-01-01", ["ZG411"]),
    ("中央军委副主席张又侠出席。", "2025-06-01", []),      # before the investigation was announced
    ("中央军委副主席张又侠出席。", "2026-03-01", ["ZG310"]),
])
def test_facts_depend_on_the_documents_date(checker, text, as_of, codes):
    import datetime as dt

    assert [f.code for f in checker.check(text, as_of=dt.date.fromisoformat(as_of))] == codes


def test_seed_notice_gets_exactly_its_document_number_findings(checker):
    """绵涪信办[2019]2号 mixes [2019], 【2018】 and 〔2018〕62 号: three format findings, no others."""
    from conftest import shared_path

    text = shared_path("seed", "000_afe40f5a12a080d6.txt").read_text(encoding="utf-8")
    numbers = [(f.code, f.found) for f in checker.check(text) if f.code.startswith("ZG72")]
    assert numbers == [("ZG720", "[2019]"), ("ZG721", " "), ("ZG720", "【2018】")]


def test_a_report_quoting_an_error_is_not_itself_reported(checker):
    """The seed notice's annex: 将"习近平"错写成"习进平" quotes the wrong form on purpose."""
    assert checker.check("将“习近平”错写成“习进平”。") == []
    assert [f.code for f in checker.check("以竞促用，学习习进平讲话。")] == ["ZG101"]


def test_safe_format_fixes_leave_the_seed_notice_clean_of_them(checker):
    from conftest import shared_path
    from zhguard import apply_fixes

    text = shared_path("seed", "000_afe40f5a12a080d6.txt").read_text(encoding="utf-8")
    fixed = text
    for _ in range(3):  # overlapping fixes (a space inside ASCII parentheses) need a second pass
        fixed = apply_fixes(fixed, checker.check(fixed))
    remaining = [f.code for f in checker.check(fixed) if f.code in ("ZG720", "ZG721", "ZG730", "ZG731")]
    assert remaining == []
    assert "绵涪信办〔2019〕2号" in fixed and "〔2018〕62号" in fixed


def test_every_term_written_right_in_plain_frames_is_quiet(checker):
    """The class, not a case: every body, formulation, place and leader's name of the lexicon, written
    right in plain frames (a conjunction 和 before or after it included), raises no finding but format
    and typo ones.  Before this test: 碳达峰碳中和|和生态, 喀什地区和|和田地区 were doubled characters."""
    from zhguard.finding import Category

    kinds = (Category.INSTITUTION, Category.POLITICAL_TERM, Category.PLACE, Category.LEADER_NAME)
    terms = [e.canonical for e in checker.compiled.lexicon.entries if e.category in kinds]
    frames = ("会议指出，{}。", "根据{}有关规定", "推进{}和生态文明建设", "地区和{}的代表")
    texts = [frame.format(term) for term in terms for frame in frames]
    texts += ["“" + term + "”" for term in terms if "“" not in term]
    alarms = [(text, found) for text in texts
              if (found := [f.found for f in checker.check(text) if not f.code.startswith(("ZG7", "ZG9"))])]
    assert len(texts) > 5000
    assert not alarms, alarms[:5]
