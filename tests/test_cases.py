"""Every rule's table of must-fire and must-not-fire examples (tests/cases/<CODE>.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from zhguard.rules import RULES, Status

CASES = Path(__file__).parent / "cases"


def _load(kind: str) -> list[tuple[str, dict]]:
    out = []
    for path in sorted(CASES.glob("ZG*.toml")):
        for number, case in enumerate(tomllib.loads(path.read_text("utf-8")).get(kind, []), 1):
            out.append(pytest.param(path.stem, case, id=f"{path.stem}-{kind}-{number}"))
    return out


def test_every_active_rule_has_a_case_file_and_every_file_a_rule():
    active = {code for code, rule in RULES.items() if rule.status is not Status.REMOVED}
    files = {path.stem for path in CASES.glob("ZG*.toml")}
    assert files == active


def _checker_for(code: str, default):
    """Preview rules run only when selected explicitly; a case file's ``[config]`` table (a site's
    ``place``) configures the checker its cases run with."""
    from zhguard import Checker, Config

    settings = tomllib.loads((CASES / f"{code}.toml").read_text("utf-8")).get("config")
    if settings:
        return Checker(Config(**settings))
    return Checker(Config(select=(code,))) if RULES[code].status is Status.PREVIEW else default


@pytest.mark.parametrize(("code", "case"), _load("fail"))
def test_fail_case_is_found_with_its_suggestion(checker, code, case):
    findings = [f for f in _checker_for(code, checker).check(case["text"]) if f.code == code]
    assert [f.found for f in findings] == [case["found"]]
    assert findings[0].suggestion == case.get("suggestion")


@pytest.mark.parametrize(("code", "case"), _load("pass"))
def test_pass_case_is_quiet(checker, code, case):
    assert checker.check(case["text"]) == []
    assert _checker_for(code, checker).check(case["text"]) == []
