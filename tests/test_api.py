"""The public API on real inputs: offsets, purity, threads, pickling, fixes, user lexicons."""

from __future__ import annotations

import pickle
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

import zhguard
from conftest import write_lexicon
from zhguard import Applicability, Category, Kind, Severity, apply_fixes, check

SEED_TEXT = ("城北街道学习贯彻习平总书记来川视察重要讲话精神。区财政局以竞促用，学习习进平讲话；"
             "坚持中国特色社会注意。")


def test_finding_fields_for_a_listed_wrong_form():
    [finding] = check("深入学习习进平总书记重要讲话")
    assert (finding.start, finding.end, finding.found) == (4, 7, "习进平")
    assert finding.suggestions == ("习近平",)
    assert finding.code == "ZG101"
    assert finding.category is Category.LEADER_NAME and finding.kind is Kind.KNOWN_WRONG
    assert finding.severity is Severity.ERROR and finding.applicability is Applicability.SAFE
    assert 0.9 <= finding.confidence <= 1.0
    assert "习近平" in finding.message and "习进平" in finding.message
    assert finding.origin.startswith("terms/leader_name.tsv:")


@pytest.mark.parametrize("prefix", ["", "𠀀𠀁", "a\r\nb\rc\n", "\u0301\u200b", "\x00"])
def test_offsets_are_code_points_into_the_callers_text(prefix):
    text = prefix + "学习习进平讲话" + prefix
    findings = check(text)
    assert [text[f.start:f.end] for f in findings] == [f.found for f in findings] == ["习进平"]


def test_check_rejects_bytes_and_never_mutates():
    with pytest.raises(TypeError):
        check("习进平".encode())
    text = SEED_TEXT
    assert check(text) == check(text) and text == SEED_TEXT


def test_empty_and_clean_text_give_nothing():
    assert check("") == []
    assert check("坚持以习近平新时代中国特色社会主义思想为指导。") == []


def test_one_checker_from_eight_threads_gives_the_single_thread_findings(checker):
    texts = [SEED_TEXT * n for n in range(1, 33)]
    expected = [checker.check(t) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(checker.check, texts)) == expected


def test_checker_pickles_for_worker_processes(checker):
    clone = pickle.loads(pickle.dumps(checker))
    assert clone.check(SEED_TEXT) == checker.check(SEED_TEXT)


def test_apply_fixes_changes_only_safe_spans_and_is_idempotent():
    fixed = apply_fixes(SEED_TEXT, check(SEED_TEXT))
    assert fixed == ("城北街道学习贯彻习近平总书记来川视察重要讲话精神。区财政局以竞促用，学习习近平讲话；"
                     "坚持中国特色社会主义。")
    assert check(fixed) == []
    assert apply_fixes(fixed, check(fixed)) == fixed


def test_apply_fixes_refuses_findings_of_another_text():
    findings = check("学习习进平讲话")
    with pytest.raises(ValueError, match="expects '习进平'"):
        apply_fixes("学习习近平讲话", findings)


def test_select_ignore_and_min_confidence(tmp_path):
    from zhguard import Checker, Config

    assert [f.code for f in Checker(Config(select=("ZG2",))).check(SEED_TEXT)] == ["ZG201"]
    assert [f.code for f in Checker(Config(ignore=("ZG1",))).check(SEED_TEXT)] == ["ZG201"]
    assert Checker(Config(min_confidence=0.99)).check(SEED_TEXT) == []


def test_a_user_lexicon_adds_local_people(tmp_path):
    from zhguard import Checker

    write_lexicon(
        tmp_path, "local\t区领导名单\t某区人民政府\thttps://example.gov.cn/leaders\t2026-01-01\t2026-11-25\t\n",
        people="# zhguard: kind=terms category=leader_name columns=canonical,known_wrong,source,note\n"
               "郑志恒\t郑志横\tlocal\t区委书记\n",
        allow="# zhguard: kind=allow columns=phrase,protects,source,note\n"
              "郑志横向\t郑志横\tlocal\t虚构的保护短语，仅用于测试\n")
    local = Checker(lexicons=[tmp_path])
    [finding] = local.check("区委书记郑志横同志莅临指导")
    assert finding.suggestion == "郑志恒" and finding.origin == f"{tmp_path / 'people.tsv'}:2"
    assert local.check("郑志横向发展") == []
    assert [f.code for f in local.check(SEED_TEXT)] == [f.code for f in check(SEED_TEXT)]


def _local_checker(folder, category: str, *rows: str):
    """A Checker with a site lexicon of one terms file: ``rows`` are its canonical terms."""
    from zhguard import Checker

    write_lexicon(
        folder, "local\t本区名录\t某区人民政府\thttps://example.gov.cn/names\t2026-01-01\t2026-11-25\t\n",
        terms=f"# zhguard: kind=terms category={category} columns=canonical,known_wrong,source,note\n"
              + "".join(f"{row}\t\tlocal\t\n" for row in rows))
    return Checker(lexicons=[folder])


def test_a_local_two_character_name_is_not_read_into_a_longer_name(tmp_path):
    local = _local_checker(tmp_path, "leader_name", "王峰")
    # 王凤 sounds like 王峰 and follows a title, but 俊 goes on the name: 王凤俊 is another person
    assert local.check("副局长王凤俊在处理此事。") == []
    [finding] = local.check("副局长王凤在会上讲话。")
    assert (finding.found, finding.suggestion) == ("王凤", "王峰")


def test_a_local_two_character_place_gets_its_look_alikes_checked(tmp_path):
    local = _local_checker(tmp_path, "place", "容桂")
    # 南方日报 2016: a road sign of 105国道 read 客桂 (benchmarks/data/real_cases.tsv)
    [finding] = local.check("欢迎来到客桂街道。")
    assert (finding.code, finding.found, finding.suggestion) == ("ZG503", "客桂", "容桂")
    # 客 ends 顾客, 容 begins 容貌: the look-alike is no place where it joins a word
    assert local.check("顾客桂花糕卖得好，他的容貌桂林人都知道。") == []


def test_a_local_three_character_place_gets_swapped_neighbours_checked(tmp_path):
    local = _local_checker(tmp_path, "place", "园田队")
    # a bus stop sign on 津静公路 turned 园田队 into 田园队 (benchmarks/data/real_cases.tsv)
    [finding] = local.check("公交站牌上写着田园队。")
    assert (finding.code, finding.found, finding.suggestion) == ("ZG506", "田园队", "园田队")
    assert local.check("这支田园队伍很壮观。") == []


def test_a_local_slogan_gets_homophones_checked_unless_they_read_as_words(tmp_path):
    local = _local_checker(tmp_path, "general", "警钟长鸣", "铲除毒害")
    # 宜君 2023 (benchmarks/data/real_cases.tsv): 常 for 长, a homophone no word explains
    [finding] = local.check("安全生产警钟常鸣。")
    assert (finding.code, finding.found, finding.suggestion) == ("ZG902", "警钟常鸣", "警钟长鸣")
    # 产出 + 毒害 is ordinary text: a homophone that reads as words needs more than the sound
    assert local.check("减少产出毒害物质。") == []


def test_import_loads_neither_jieba_nor_pypinyin():
    # a warm cache (as after the first run; a process of its own, as this one's checker may have been
    # built under another cache directory); building one may read jieba's and pypinyin's tables
    subprocess.run([sys.executable, "-c", "import zhguard; zhguard.check('学习习进平讲话')"], check=True)
    code = ("import sys, zhguard\n"
            "zhguard.check('学习习进平讲话')\n"
            "heavy = {'jieba', 'pypinyin'} & set(sys.modules)\n"
            "assert not heavy, heavy\n"
            "assert 'zhguard.detect.typos' not in sys.modules  # its rules are off by default\n"
            "zhguard.Checker(zhguard.Config(select=('ZG915',))).check('学习')\n"
            "assert 'zhguard.detect.typos' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_version_is_exposed():
    assert zhguard.__version__.count(".") == 2
