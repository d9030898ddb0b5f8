"""Broken lexicon input: every error is a LexiconError naming file:line and the reason."""

from __future__ import annotations

import pytest

from zhguard.errors import LexiconError
from zhguard.lexicon.load import user_files
from zhguard.lexicon.parse import build_lexicon

SOURCES = ("# zhguard: kind=sources columns=id,title,publisher,url_or_document,published,retrieved,note\n"
           "S1\t某区人民政府网站\t某区人民政府\thttps://example.gov.cn/\t2024-01-01\t2026-11-25\t\n")
TERMS_HEADER = "# zhguard: kind=terms category=leader_name columns=canonical,known_wrong,source,note\n"


def build(*files: tuple[str, str]):
    return build_lexicon([(name, text.encode("utf-8")) for name, text in files])


def error_of(*files: tuple[str, str]) -> str:
    with pytest.raises(LexiconError) as info:
        build(*files)
    return str(info.value)


def test_a_valid_user_lexicon_parses():
    lexicon = build(("S.tsv", SOURCES), ("t.tsv", TERMS_HEADER + "郑志恒\t郑志横\tS1\t区委书记\n"))
    assert [(e.canonical, e.known_wrong, e.origin) for e in lexicon.entries] == [
        ("郑志恒", ("郑志横",), "t.tsv:2")]


@pytest.mark.parametrize(("body", "expected"), [
    ("郑志恒\t郑志横\tS1\n", "t.tsv:2: expected 4 columns, got 3"),
    ("郑志恒\t郑志横\tS9\t\n", "t.tsv:2: unknown source id 'S9'"),
    ("郑志恒\t\tS1\t\n郑志恒\t\tS1\t\n", "t.tsv:3: duplicate canonical '郑志恒' (first on line 2)"),
    ("郑志恒\t郑志恒\tS1\t\n", "t.tsv:2: known_wrong repeats the canonical form"),
    ("郑志恒 \t\tS1\t\n", "t.tsv:2: column 'canonical' has surrounding or full-width spaces"),
    ("\t\tS1\t\n", "t.tsv:2: column 'canonical' is empty"),
    ("郑志恒\t郑志横||郑志衡\tS1\t\n", "t.tsv:2: column 'known_wrong' has an empty value"),
    ("# comment\n\n郑志恒\t\t\t\n", "t.tsv:4: column 'source' is empty"),
])
def test_bad_rows_name_the_line(body, expected):
    assert error_of(("S.tsv", SOURCES), ("t.tsv", TERMS_HEADER + body)).startswith(expected)


@pytest.mark.parametrize(("header", "expected"), [
    ("郑志恒\t\tS1\t\n", "t.tsv:1: first line must be a header"),
    ("# zhguard: kind=words columns=a\n", "t.tsv:1: header kind=words is not one of"),
    ("# zhguard: kind=terms category=people columns=canonical,known_wrong,source,note\n",
     "t.tsv:1: header category=people is not one of"),
    ("# zhguard: kind=terms category=leader_name columns=canonical,source\n",
     "t.tsv:1: kind=terms needs columns=canonical,known_wrong,source,note"),
    ("# zhguard: kind=terms category=leader_name columns=canonical,known_wrong,source,note x=1\n",
     "t.tsv:1: unknown header key(s): x"),
])
def test_bad_headers_name_line_one(header, expected):
    assert error_of(("S.tsv", SOURCES), ("t.tsv", header)).startswith(expected)


def test_bom_crlf_and_bad_utf8_are_reported_with_the_fix():
    with pytest.raises(LexiconError, match=r"^t.tsv:1: file starts with a UTF-8 BOM"):
        build_lexicon([("t.tsv", b"\xef\xbb\xbf" + TERMS_HEADER.encode())])
    with pytest.raises(LexiconError, match=r"^t.tsv:2: CR line ending"):
        build_lexicon([("t.tsv", (TERMS_HEADER + "a\r\n").encode())])
    with pytest.raises(LexiconError, match=r"^t.tsv:2: not valid UTF-8"):
        build_lexicon([("t.tsv", TERMS_HEADER.encode() + b"\xff\xfe\n")])


def test_wrong_form_equal_to_another_canonical_names_both_places():
    message = error_of(("S.tsv", SOURCES),
                       ("t.tsv", TERMS_HEADER + "郑志恒\t郑志衡\tS1\t\n郑志衡\t\tS1\t\n"))
    assert message.startswith("t.tsv:2: known_wrong '郑志衡' is a correct form in t.tsv:3")


def test_source_id_defined_twice():
    assert error_of(("S.tsv", SOURCES), ("T.tsv", SOURCES)).startswith(
        "T.tsv:2: source id 'S1' is already defined in S.tsv:2")


def test_missing_and_empty_inputs(tmp_path):
    with pytest.raises(LexiconError, match="missing.tsv: cannot read lexicon"):
        user_files([tmp_path / "missing.tsv"])
    with pytest.raises(LexiconError, match="directory holds no"):
        user_files([tmp_path])
    assert error_of(("t.tsv", "")).startswith("t.tsv:1: file is empty")


BINDINGS_HEADER = ("# zhguard: kind=bindings columns=person,title,org,valid_from,valid_to,status,source,note\n")
RENAMES_HEADER = "# zhguard: kind=renames columns=old,new,effective,scope,source,note\n"


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("b.tsv", BINDINGS_HEADER + "郑志恒\t区委书记\t\t2018-13-01\t\tcurrent\tS1\t\n",
     "b.tsv:2: valid_from '2018-13-01' is not a date"),
    ("b.tsv", BINDINGS_HEADER + "郑志恒\t区委书记\t\t2019-01-01\t2018-01-01\tcurrent\tS1\t\n",
     "b.tsv:2: valid_from 2019-01-01 is later than valid_to 2018-01-01"),
    ("b.tsv", BINDINGS_HEADER + "郑志恒\t区委书记\t\t\t\tretired\tS1\t\n", "b.tsv:2: status 'retired' is not one of"),
    ("r.tsv", RENAMES_HEADER + "环保局\t生态环境局\t\tlocal\tS1\t\n", "r.tsv:2: column 'effective' is empty"),
    ("r.tsv", RENAMES_HEADER + "环保局\t生态环境局\t2019-03-31\tcounty\tS1\t\n", "r.tsv:2: scope 'county' is not"),
])
def test_bad_facts_name_the_line(name, text, expected):
    assert error_of(("S.tsv", SOURCES), (name, text)).startswith(expected)


def test_a_terms_file_of_a_category_no_rule_reports_is_refused_naming_the_way():
    from zhguard.lexicon.parse import parse_header

    with pytest.raises(LexiconError, match="no rule reports kind=terms of category=title.*kind=bindings"):
        parse_header("site/titles.tsv",
                     "# zhguard: kind=terms category=title columns=canonical,known_wrong,source,note")
    with pytest.raises(LexiconError, match="no rule reports kind=nonstandard of category=leader_name"):
        parse_header("site/x.tsv",
                     "# zhguard: kind=nonstandard category=leader_name columns=wrong,right,source,note")
    parse_header("site/places.tsv",
                 "# zhguard: kind=terms category=place columns=canonical,known_wrong,source,note")


LISTS_HEADER = "# zhguard: kind=lists category=political_term columns=name,items,source,note\n"


@pytest.mark.parametrize(("body", "expected"), [
    ("两项\t民主|法治\tS1\t\n", "l.tsv:2: a list needs 3 items or more"),
    ("重复\t民主|法治|民主\tS1\t\n", "l.tsv:2: an item is listed twice"),
    ("单字\t民|法治|公正\tS1\t\n", "l.tsv:2: each item must be two or more Chinese characters"),
])
def test_bad_lists_name_the_line(body, expected):
    assert error_of(("S.tsv", SOURCES), ("l.tsv", LISTS_HEADER + body)).startswith(expected)


def test_a_site_list_is_read_with_its_items_in_order():
    lexicon = build(("S.tsv", SOURCES), ("l.tsv", LISTS_HEADER + "区训\t团结|务实|创新|奋进\tS1\t\n"))
    [listed] = lexicon.lists
    assert (listed.name, listed.items, listed.origin) == ("区训", ("团结", "务实", "创新", "奋进"), "l.tsv:2")
