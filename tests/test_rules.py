"""The RULES table: unique codes whose digits match category and kind; examples are executable."""

from __future__ import annotations

import pytest

from zhguard import RULES, check
from zhguard.rules import CATEGORY_DIGIT, KIND_NUMBER, Status, code_matches, rule_for


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.code)
def test_code_digits_match_category_and_kind(rule):
    assert rule.code == f"ZG{CATEGORY_DIGIT[rule.category]}{KIND_NUMBER[rule.kind]:02d}"


def test_names_are_unique_kebab_case_without_negation_prefixes():
    names = [rule.name for rule in RULES.values()]
    assert len(names) == len(set(names))
    for name in names:
        assert name == name.lower() and " " not in name and "_" not in name
        assert not name.startswith(("no-", "disallow-"))


def _site_config():
    from zhguard import Config

    return {"ZG513": Config(place="烟台市")}  # a rule about a site's own place runs only with one


SITE_CONFIG = _site_config()


@pytest.mark.parametrize("rule", [r for r in RULES.values() if r.status is not Status.REMOVED],
                         ids=lambda r: r.code)
def test_example_fires_and_fixed_is_clean(rule):
    from zhguard import Checker, Config

    checker = Checker(Config(select=(rule.code,))) if rule.status is Status.PREVIEW else None
    if rule.code in SITE_CONFIG:
        checker = Checker(SITE_CONFIG[rule.code])
    run = checker.check if checker else check
    assert rule.code in [f.code for f in run(rule.example)]
    assert run(rule.fixed) == []
    assert rule_for(rule.category, rule.kind) is rule


def test_preview_rules_run_only_when_selected_explicitly():
    from zhguard import Checker, Config

    text = "依照中华人民共和国行政许可法的规定办理。"
    assert "ZG733" not in [f.code for f in check(text)]
    assert "ZG733" in [f.code for f in Checker(Config(select=("ZG7",))).check(text)]


def test_prefix_selection():
    assert code_matches("ZG101", ["ZG1"])
    assert code_matches("ZG101", ["ALL"])
    assert not code_matches("ZG201", ["ZG1", "ZG3"])
