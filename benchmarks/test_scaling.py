"""How check() grows with the text (10 KB, 1 MB, 10 MB) and with the lexicon (1k, 10k, 100k terms).

Linear in the text means check_10mb / check_1mb close to 10; gentle in the lexicon means
check_terms_100k / check_terms_1k well under 2.  The synthetic lexicons hold random 4-7 character
terms of common characters, exact forms only (category general): what grows with them is the
automaton, which is what the scan pays for; the near-miss tables grow with the real lexicons, whose
cost test_scan.py measures.
"""

from __future__ import annotations

import random

import pytest

from zhguard.checker import Checker
from zhguard.config import Config

SIZES = {"10kb": 10_000, "1mb": 1_000_000, "10mb": 10_000_000}
ROUNDS = {"10kb": 50, "1mb": 3, "10mb": 1}
TERM_COUNTS = {"1k": 1_000, "10k": 10_000, "100k": 100_000}


# The sensitive-term engine alone: the general-typo detector (ZG9) is measured on its own in
# test_typos_speed.py, and would hide how the scan grows.
TERMS_ONLY = Config(ignore=("ZG9",))


@pytest.fixture(scope="module")
def checker():
    return Checker(TERMS_ONLY)


def _sized(text: str, size: int) -> str:
    """``size`` bytes of UTF-8 (about), made of the clean corpus repeated."""
    chars = size // 3
    return (text * (chars // len(text) + 1))[:chars]


@pytest.mark.parametrize("size", SIZES)
def test_check_text_size(benchmark, record, checker, clean_text, size):
    text = _sized(clean_text, SIZES[size])
    benchmark.extra_info["chars"] = len(text)
    benchmark.pedantic(checker.check, (text,), rounds=ROUNDS[size], iterations=1, warmup_rounds=0)
    record(f"check_{size}")


def _synthetic_lexicon(directory, count: int) -> str:
    rng = random.Random(count)
    common = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
    lines = ["# zhguard: kind=sources columns=id,title,publisher,url_or_document,published,retrieved,note",
             "synthetic\t合成词表\tzhguard benchmarks\tbenchmarks/test_scaling.py\t2026\t2026-11-25\t"]
    terms = sorted({"".join(rng.choice(common) for _ in range(rng.randint(4, 7))) for _ in range(count)})
    path = directory / f"terms_{count}.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = ["# zhguard: kind=terms category=general columns=canonical,known_wrong,source,note",
            *(f"{term}\t\tsynthetic\t" for term in terms)]
    (directory / f"terms_{count}_rows.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return str(directory)


@pytest.mark.parametrize("terms", TERM_COUNTS)
def test_check_lexicon_size(benchmark, record, tmp_path, clean_text, terms):
    directory = tmp_path / terms
    directory.mkdir()
    checker = Checker(Config(bundled=False, ignore=("ZG9",)), [_synthetic_lexicon(directory, TERM_COUNTS[terms])])
    benchmark.extra_info["patterns"] = len(checker.compiled.patterns)
    benchmark.pedantic(checker.check, (clean_text,), rounds=3, iterations=1, warmup_rounds=1)
    record(f"check_terms_{terms}")
