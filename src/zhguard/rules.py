"""The single table of rule codes (like ruff's codes.rs): grep a code, find its row.

A code is ``ZG`` + category digit (hundreds) + kind (last two digits).  Codes are
never reused: a retired rule stays here with status REMOVED.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from zhguard.finding import Category, Kind, Severity


class Status(StrEnum):
    """A rule's lifecycle: preview rules run only when selected by a prefix other than ALL."""

    PREVIEW = "preview"
    STABLE = "stable"
    DEPRECATED = "deprecated"
    REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's spec; ``example`` must trigger it and ``fixed`` must not (tests run both)."""

    code: str
    name: str
    category: Category
    kind: Kind
    severity: Severity
    status: Status
    summary: str
    example: str
    fixed: str


# The hundreds digit of a code for each category; see the code table in README.md.
CATEGORY_DIGIT: Mapping[Category, int] = MappingProxyType({
    Category.META: 0,
    Category.LEADER_NAME: 1,
    Category.POLITICAL_TERM: 2,
    Category.TITLE: 3,
    Category.INSTITUTION: 4,
    Category.PLACE: 5,
    Category.LAW_NAME: 6,
    Category.FORMAT: 7,
    Category.PRIVACY: 8,
    Category.GENERAL: 9,
})

# The last two digits of a code for each kind of mistake.
KIND_NUMBER: Mapping[Kind, int] = MappingProxyType({
    Kind.UNUSED_SUPPRESSION: 1,
    Kind.KNOWN_WRONG: 1,
    Kind.HOMOPHONE: 2,
    Kind.SHAPE: 3,
    Kind.OMISSION: 4,
    Kind.INSERTION: 5,
    Kind.TRANSPOSITION: 6,
    Kind.SUBSTITUTION: 7,
    Kind.INITIALS: 8,
    Kind.WRONG_BINDING: 10,
    Kind.OUTDATED: 11,
    Kind.NONSTANDARD: 12,
    Kind.OTHER_PLACE: 13,
    Kind.TRADITIONAL: 14,
    Kind.YEAR_BRACKETS: 20,
    Kind.NUMBER_SPACING: 21,
    Kind.SERIAL_ZEROS: 22,
    Kind.HALFWIDTH_PUNCTUATION: 30,
    Kind.DOUBLED_PUNCTUATION: 31,
    Kind.UNBALANCED_PAIR: 32,
    Kind.MISSING_BOOK_MARKS: 33,
    Kind.ID_NUMBER: 20,
    Kind.MOBILE_NUMBER: 21,
    Kind.BANK_CARD: 22,
})

_ROWS: tuple[Rule, ...] = (
    Rule(
        code="ZG001",
        name="unused-suppression",
        category=Category.META,
        kind=Kind.UNUSED_SUPPRESSION,
        severity=Severity.WARNING,
        status=Status.STABLE,
        summary="行内抑制指令（zhguard: ignore / ignore-next-line / disable）没有抑制任何问题。",
        example="坚持和发展中国特色社会主义。<!-- zhguard: ignore[ZG201] -->",
        fixed="坚持和发展中国特色社会注意。<!-- zhguard: ignore[ZG201] -->",
    ),
    Rule(
        code="ZG101",
        name="leader-name-known-wrong",
        category=Category.LEADER_NAME,
        kind=Kind.KNOWN_WRONG,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="领导人姓名写成了词库中收录的已知错误写法。",
        example="深入学习习进平总书记重要讲话精神。",
        fixed="深入学习习近平总书记重要讲话精神。",
    ),
    Rule(
        code="ZG102",
        name="leader-name-homophone",
        category=Category.LEADER_NAME,
        kind=Kind.HOMOPHONE,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="领导人姓名中有同音（或近音）错字，该写法不在已知错误写法中。",
        example="丁学祥副总理出席会议。",
        fixed="丁薛祥副总理出席会议。",
    ),
    Rule(
        code="ZG103",
        name="leader-name-similar-shape",
        category=Category.LEADER_NAME,
        kind=Kind.SHAPE,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="领导人姓名中有形近错字。",
        example="习近干总书记强调。",
        fixed="习近平总书记强调。",
    ),
    Rule(
        code="ZG104",
        name="leader-name-omission",
        category=Category.LEADER_NAME,
        kind=Kind.OMISSION,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="领导人姓名漏字。",
        example="赵乐同志主持会议。",
        fixed="赵乐际同志主持会议。",
    ),
    Rule(
        code="ZG105",
        name="leader-name-insertion",
        category=Category.LEADER_NAME,
        kind=Kind.INSERTION,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="领导人姓名中多了一个字。",
        example="习近近平总书记强调。",
        fixed="习近平总书记强调。",
    ),
    Rule(
        code="ZG106",
        name="leader-name-transposition",
        category=Category.LEADER_NAME,
        kind=Kind.TRANSPOSITION,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="领导人姓名字序颠倒。",
        example="丁祥薛同志出席会议。",
        fixed="丁薛祥同志出席会议。",
    ),
    Rule(
        code="ZG108",
        name="leader-name-initials",
        category=Category.LEADER_NAME,
        kind=Kind.INITIALS,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="领导人姓名被拼音首字母相同的词代替（简拼输入误选），后接其职务，例如“新加坡总书记”应为“习近平总书记”。",
        example="学习贯彻新加坡总书记重要讲话精神。",
        fixed="学习贯彻习近平总书记重要讲话精神。",
    ),
    Rule(
        code="ZG201",
        name="political-term-known-wrong",
        category=Category.POLITICAL_TERM,
        kind=Kind.KNOWN_WRONG,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="政治表述写成了词库中收录的已知错误写法。",
        example="坚持和发展中国特色社会注意。",
        fixed="坚持和发展中国特色社会主义。",
    ),
    Rule(
        code="ZG202",
        name="political-term-homophone",
        category=Category.POLITICAL_TERM,
        kind=Kind.HOMOPHONE,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="政治表述中有同音（或近音）错字，例如“中国特色社会注意思想”。",
        example="发展全过程人民明主。",
        fixed="发展全过程人民民主。",
    ),
    Rule(
        code="ZG203",
        name="political-term-similar-shape",
        category=Category.POLITICAL_TERM,
        kind=Kind.SHAPE,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="政治表述中有形近错字，例如“社会圭义”。",
        example="培育和践行社会圭义核心价值观。",
        fixed="培育和践行社会主义核心价值观。",
    ),
    Rule(
        code="ZG204",
        name="political-term-omission",
        category=Category.POLITICAL_TERM,
        kind=Kind.OMISSION,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="政治表述漏字。",
        example="推动构建人类命运同体。",
        fixed="推动构建人类命运共同体。",
    ),
    Rule(
        code="ZG205",
        name="political-term-insertion",
        category=Category.POLITICAL_TERM,
        kind=Kind.INSERTION,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="政治表述中多了一个字，例如“中国特色色社会主义”。",
        example="坚持和发展中国特色色社会主义。",
        fixed="坚持和发展中国特色社会主义。",
    ),
    Rule(
        code="ZG206",
        name="political-term-transposition",
        category=Category.POLITICAL_TERM,
        kind=Kind.TRANSPOSITION,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="政治表述字序颠倒；或社会主义核心价值观等有固定顺序的列举排错了顺序。",
        example="坚持和发展中国特色会社主义。",
        fixed="坚持和发展中国特色社会主义。",
    ),
    Rule(
        code="ZG207",
        name="political-term-substitution",
        category=Category.POLITICAL_TERM,
        kind=Kind.SUBSTITUTION,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary=("六字及以上的提法（含国名）中间有一个字被换成了既不同音也不形近的字，例如“中华人民共和国”写成“中国人民共和国”；"
                 "或有固定顺序的列举中某一项错了一个字（核心价值观的“法治”写成“法制”）。"),
        example="中国人民共和国与萨尔瓦多建立外交关系。",
        fixed="中华人民共和国与萨尔瓦多建立外交关系。",
    ),
    Rule(
        code="ZG212",
        name="political-term-nonstandard",
        category=Category.POLITICAL_TERM,
        kind=Kind.NONSTANDARD,
        severity=Severity.WARNING,
        status=Status.STABLE,
        summary="不规范的政治表述（新华社禁用词、慎用词等），例如“台湾总统选举”应为“台湾地区领导人选举”。",
        example="报道台湾总统选举结果。",
        fixed="报道台湾地区领导人选举结果。",
    ),
    Rule(
        code="ZG310",
        name="title-wrong-person",
        category=Category.TITLE,
        kind=Kind.WRONG_BINDING,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="职务与人员不符：人名前的职务不是此人在文档日期所任职务（或是已卸任的职务）。",
        example="国务院总理丁薛祥主持会议。",
        fixed="国务院副总理丁薛祥主持会议。",
    ),
    Rule(
        code="ZG401",
        name="institution-known-wrong",
        category=Category.INSTITUTION,
        kind=Kind.KNOWN_WRONG,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="机构名称写成了已见于公开报道的错误形式，例如“中华人民共和过海关总署”。",
        example="中华人民共和过海关总署发布公告。",
        fixed="中华人民共和国海关总署发布公告。",
    ),
    Rule(
        code="ZG402",
        name="institution-homophone",
        category=Category.INSTITUTION,
        kind=Kind.HOMOPHONE,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="机构名称中有同音（或近音）错字，例如“国务园办公厅”。",
        example="国务园办公厅印发通知。",
        fixed="国务院办公厅印发通知。",
    ),
    Rule(
        code="ZG403",
        name="institution-similar-shape",
        category=Category.INSTITUTION,
        kind=Kind.SHAPE,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="机构名称中有形近错字。",
        example="生态坏境部发布公告。",
        fixed="生态环境部发布公告。",
    ),
    Rule(
        code="ZG404",
        name="institution-omission",
        category=Category.INSTITUTION,
        kind=Kind.OMISSION,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="机构名称漏字。",
        example="全国人民代表大会常务员会决定。",
        fixed="全国人民代表大会常务委员会决定。",
    ),
    Rule(
        code="ZG405",
        name="institution-insertion",
        category=Category.INSTITUTION,
        kind=Kind.INSERTION,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="机构名称中多了一个字。",
        example="国家市场监督督管理总局发布公告。",
        fixed="国家市场监督管理总局发布公告。",
    ),
    Rule(
        code="ZG406",
        name="institution-transposition",
        category=Category.INSTITUTION,
        kind=Kind.TRANSPOSITION,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="机构名称字序颠倒。",
        example="国务院办厅公印发通知。",
        fixed="国务院办公厅印发通知。",
    ),
    Rule(
        code="ZG407",
        name="institution-substitution",
        category=Category.INSTITUTION,
        kind=Kind.SUBSTITUTION,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="六字及以上的机构名称中间有一个字被换成了既不同音也不形近的字（如输入法选错了字）。",
        example="国家市场监督审理总局发布公告。",
        fixed="国家市场监督管理总局发布公告。",
    ),
    Rule(
        code="ZG411",
        name="institution-outdated-name",
        category=Category.INSTITUTION,
        kind=Kind.OUTDATED,
        severity=Severity.WARNING,
        status=Status.STABLE,
        summary="机构改革后仍使用旧名称，例如“环保局”（已改为“生态环境局”）；按文档日期判断。",
        example="区环保局开展执法检查。",
        fixed="区生态环境局开展执法检查。",
    ),
    Rule(
        code="ZG412",
        name="institution-name-nonstandard",
        category=Category.INSTITUTION,
        kind=Kind.NONSTANDARD,
        severity=Severity.WARNING,
        status=Status.STABLE,
        summary="机构名称写法不规范，例如地方党委及其部门：“江苏省省委书记”应为“江苏省委书记”，“天津市宣传部”应为“天津市委宣传部”；"
                "全国人大与全国政协会议的届次语序（“十四届全国人大二次会议”“全国政协十四届二次会议”）；"
                "站点词库的 nonstandard 行（category=institution）也按此规则报告。",
        example="天津市宣传部召开会议。",
        fixed="天津市委宣传部召开会议。",
    ),
    Rule(
        code="ZG501",
        name="place-known-wrong",
        category=Category.PLACE,
        kind=Kind.KNOWN_WRONG,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="地名写成了已见于公开报道的错误形式，例如“齐齐哈尔市”写成“齐齐哈市”。",
        example="黑龙江省齐齐哈市召开会议。",
        fixed="黑龙江省齐齐哈尔市召开会议。",
    ),
    Rule(
        code="ZG502",
        name="place-homophone",
        category=Category.PLACE,
        kind=Kind.HOMOPHONE,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="地名（四字及以上的省、地级行政区名称，及站点词库中的地名）中有同音（或近音）错字。",
        example="黑龙江省齐齐哈儿市召开会议。",
        fixed="黑龙江省齐齐哈尔市召开会议。",
    ),
    Rule(
        code="ZG503",
        name="place-similar-shape",
        category=Category.PLACE,
        kind=Kind.SHAPE,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="地名（四字及以上的省、地级行政区名称，及站点词库中的地名）中有形近错字。",
        example="西藏白治区召开会议。",
        fixed="西藏自治区召开会议。",
    ),
    Rule(
        code="ZG504",
        name="place-omission",
        category=Category.PLACE,
        kind=Kind.OMISSION,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="地名漏字，例如“新疆维吾尔自治区”写成“新疆维吾自治区”。",
        example="新疆维吾自治区人民政府发布通知。",
        fixed="新疆维吾尔自治区人民政府发布通知。",
    ),
    Rule(
        code="ZG505",
        name="place-insertion",
        category=Category.PLACE,
        kind=Kind.INSERTION,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="地名中多了一个字。",
        example="黑龙江省齐齐哈哈尔市召开会议。",
        fixed="黑龙江省齐齐哈尔市召开会议。",
    ),
    Rule(
        code="ZG506",
        name="place-transposition",
        category=Category.PLACE,
        kind=Kind.TRANSPOSITION,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="地名字序颠倒。",
        example="黑龙江省齐齐尔哈市召开会议。",
        fixed="黑龙江省齐齐哈尔市召开会议。",
    ),
    Rule(
        code="ZG507",
        name="place-substitution",
        category=Category.PLACE,
        kind=Kind.SUBSTITUTION,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="六字及以上的地名中间有一个字被换成了既不同音也不形近的字。",
        example="新疆维吾尔自理区人民政府发布通知。",
        fixed="新疆维吾尔自治区人民政府发布通知。",
    ),
    Rule(
        code="ZG510",
        name="place-wrong-parent",
        category=Category.PLACE,
        kind=Kind.WRONG_BINDING,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="地名写在了错误的上级行政区之下，例如“湖南省宜昌市”（宜昌市属湖北省）。",
        example="湖南省宜昌市召开工作会议。",
        fixed="湖北省宜昌市召开工作会议。",
    ),
    Rule(
        code="ZG513",
        name="place-of-another-site",
        category=Category.PLACE,
        kind=Kind.OTHER_PLACE,
        severity=Severity.WARNING,
        status=Status.STABLE,
        summary="本地宣传语中出现了别的城市（配置了 place 时检查），例如烟台的网站写“热爱西安”：多为套用他地模板。",
        example="热爱祖国，热爱西安。",
        fixed="热爱祖国，热爱烟台。",
    ),
    Rule(
        code="ZG611",
        name="law-name-repealed",
        category=Category.LAW_NAME,
        kind=Kind.OUTDATED,
        severity=Severity.WARNING,
        status=Status.STABLE,
        summary="引用了已废止的法律（按文档日期判断），例如 2021 年起的《中华人民共和国合同法》。",
        example="依据《中华人民共和国合同法》第五十二条。",
        fixed="依据《中华人民共和国民法典》第一百五十三条。",
    ),
    Rule(
        code="ZG612",
        name="law-name-miscited",
        category=Category.LAW_NAME,
        kind=Kind.NONSTANDARD,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="《》中的法律名称与现行法律的标准名称不符（多字、漏字、同音错字、字序颠倒）。",
        example="根据《中华中人民共和国刑事诉讼法》的规定。",
        fixed="根据《中华人民共和国刑事诉讼法》的规定。",
    ),
    Rule(
        code="ZG720",
        name="document-number-year-brackets",
        category=Category.FORMAT,
        kind=Kind.YEAR_BRACKETS,
        severity=Severity.WARNING,
        status=Status.STABLE,
        summary="发文字号的年份应使用六角括号〔〕（GB/T 9704-2012），而不是[]、【】、()等。",
        example="根据绵涪信办[2019]2号文件要求。",
        fixed="根据绵涪信办〔2019〕2号文件要求。",
    ),
    Rule(
        code="ZG721",
        name="document-number-spacing",
        category=Category.FORMAT,
        kind=Kind.NUMBER_SPACING,
        severity=Severity.WARNING,
        status=Status.STABLE,
        summary="发文字号内不应有空格，例如“〔2018〕62 号”。",
        example="绵涪府办函〔2018〕62 号。",
        fixed="绵涪府办函〔2018〕62号。",
    ),
    Rule(
        code="ZG722",
        name="document-number-serial-zeros",
        category=Category.FORMAT,
        kind=Kind.SERIAL_ZEROS,
        severity=Severity.INFO,
        status=Status.STABLE,
        summary="发文字号的序号不编虚位（GB/T 9704-2012 7.2.4），例如“〔2018〕062号”应为“〔2018〕62号”。",
        example="国办发〔2018〕062号。",
        fixed="国办发〔2018〕62号。",
    ),
    Rule(
        code="ZG730",
        name="halfwidth-punctuation-in-chinese",
        category=Category.FORMAT,
        kind=Kind.HALFWIDTH_PUNCTUATION,
        severity=Severity.WARNING,
        status=Status.STABLE,
        summary="中文之间使用了半角标点（, ; : ? ! ( )），应使用全角标点。",
        example="各乡镇人民政府,街道办事处。",
        fixed="各乡镇人民政府，街道办事处。",
    ),
    Rule(
        code="ZG731",
        name="doubled-punctuation",
        category=Category.FORMAT,
        kind=Kind.DOUBLED_PUNCTUATION,
        severity=Severity.WARNING,
        status=Status.STABLE,
        summary="标点重复，例如“。。”“，，”（省略号……和破折号——除外）。",
        example="现将有关事项通知如下。。",
        fixed="现将有关事项通知如下。",
    ),
    Rule(
        code="ZG732",
        name="unbalanced-paired-punctuation",
        category=Category.FORMAT,
        kind=Kind.UNBALANCED_PAIR,
        severity=Severity.WARNING,
        status=Status.STABLE,
        summary="同一段落内成对标点（《》“”‘’（）【】）不配对。",
        example="学习《中华人民共和国宪法。",
        fixed="学习《中华人民共和国宪法》。",
    ),
    Rule(
        code="ZG733",
        name="law-title-without-book-marks",
        category=Category.FORMAT,
        kind=Kind.MISSING_BOOK_MARKS,
        severity=Severity.WARNING,
        # Preview: laws themselves cite 中华人民共和国宪法 without 《》 (16 hits on the clean laws).
        status=Status.PREVIEW,
        summary="引用法律全称时未加书名号《》。",
        example="依照中华人民共和国行政许可法的规定办理。",
        fixed="依照《中华人民共和国行政许可法》的规定办理。",
    ),
    Rule(
        code="ZG820",
        name="resident-id-number",
        category=Category.PRIVACY,
        kind=Kind.ID_NUMBER,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="文中有完整的居民身份证号码（校验位正确），公开发布前应脱敏。",
        example="张三，身份证号11010519491231002X，补贴500元。",
        fixed="张三，身份证号110105********002X，补贴500元。",
    ),
    Rule(
        code="ZG821",
        name="mobile-phone-number",
        category=Category.PRIVACY,
        kind=Kind.MOBILE_NUMBER,
        severity=Severity.WARNING,
        status=Status.STABLE,
        summary="文中有完整的手机号码，公开发布前应脱敏（政务服务热线、办公固定电话除外）。",
        example="联系人：李四，电话13812345678。",
        fixed="联系人：李四，电话138****5678。",
    ),
    Rule(
        code="ZG822",
        name="bank-card-number",
        category=Category.PRIVACY,
        kind=Kind.BANK_CARD,
        severity=Severity.ERROR,
        status=Status.STABLE,
        summary="文中有完整的银行卡号（Luhn 校验正确），公开发布前应脱敏。",
        example="收款银行卡号6222020200012345670。",
        fixed="收款银行卡号6222***********5670。",
    ),
    Rule(
        code="ZG901",
        name="idiom-known-wrong",
        category=Category.GENERAL,
        kind=Kind.KNOWN_WRONG,
        severity=Severity.WARNING,
        status=Status.STABLE,
        summary="成语或固定短语写成了词库中收录的常见错误写法（据公开发布的易错成语辨析）。",
        example="全市上下再接再励，确保完成全年目标任务。",
        fixed="全市上下再接再厉，确保完成全年目标任务。",
    ),
    Rule(
        code="ZG902",
        name="general-homophone-typo",
        category=Category.GENERAL,
        kind=Kind.HOMOPHONE,
        severity=Severity.WARNING,
        status=Status.STABLE,
        summary=("常用词中疑有同音错字：所写字串不成词，换用同音或近音（输入法模糊音）的字即成常用词，"
                 "且上下文明显更通顺；整词同音错选（淡味→单位）亦属此类。"),
        example="项目预计年底前全面峻工并投入使用。",
        fixed="项目预计年底前全面竣工并投入使用。",
    ),
    Rule(
        code="ZG903",
        name="general-similar-shape-typo",
        category=Category.GENERAL,
        kind=Kind.SHAPE,
        severity=Severity.WARNING,
        status=Status.STABLE,
        summary="常用词中疑有形近错字：所写字串不成词，换用一个形近字即成常用词，且上下文明显更通顺。",
        example="各地己经全面完成摸底排查工作。",
        fixed="各地已经全面完成摸底排查工作。",
    ),
    Rule(
        code="ZG914",
        name="general-traditional-character",
        category=Category.GENERAL,
        kind=Kind.TRADITIONAL,
        severity=Severity.WARNING,
        status=Status.STABLE,
        summary=("简体文本中混用了繁体字（多为从港澳台来源复制的文字），应改用规范汉字；"
                 "以繁体字为主的文本（繁体版页面、引文）不检查。"),
        example="加强基层組织建设。",
        fixed="加强基层组织建设。",
    ),
)

RULES: Mapping[str, Rule] = MappingProxyType({rule.code: rule for rule in _ROWS})

_BY_CATEGORY_KIND: Mapping[tuple[Category, Kind], Rule] = MappingProxyType(
    {(rule.category, rule.kind): rule for rule in _ROWS if rule.status is not Status.REMOVED}
)


def rule_for(category: Category, kind: Kind) -> Rule | None:
    """The active rule for a detector's (category, kind), or None if no rule covers it."""
    return _BY_CATEGORY_KIND.get((category, kind))


def selected(rule: Rule, prefixes: Iterable[str]) -> bool:
    """Stable rules by any matching prefix; preview rules only by an explicit one (ZG7, ZG733)."""
    if rule.status is Status.PREVIEW:
        return any(p != "ALL" and rule.code.startswith(p) for p in prefixes)
    return code_matches(rule.code, prefixes)


def code_matches(code: str, prefixes: Iterable[str]) -> bool:
    """Prefix selection as in flake8/ruff: ``ZG1`` selects ZG101…ZG199, ``ALL`` everything."""
    return any(p == "ALL" or code.startswith(p) for p in prefixes)


def is_code_prefix(value: str) -> bool:
    """``ALL``, ``ZG``, or ``ZG`` followed by digits (ZG1, ZG101): what --select and ignore accept."""
    return value == "ALL" or (value.startswith("ZG") and (value[2:] == "" or value[2:].isdigit()))
