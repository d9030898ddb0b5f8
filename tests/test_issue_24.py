"""Issue 24: the tool describes itself honestly and leaves nothing behind (one test per example)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from zhguard.cli import main

GIT = shutil.which("git")


@pytest.mark.skipif(GIT is None, reason="needs git")
def test_diff_of_a_gb18030_file_is_a_gb18030_hunk_git_applies(tmp_path, monkeypatch, capsysbinary):
    """Issue 24: --diff of a GB18030 file wrote a UTF-8 hunk that `git apply` rejects."""
    subprocess.run([GIT, "init", "-q", str(tmp_path)], check=True)
    original = "关于开展检查的通知\n深入学习习进平总书记重要讲话。\n"
    (tmp_path / "notice.txt").write_bytes(original.encode("gb18030"))
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--diff", "--no-cache", "notice.txt"]) == 1
    patch = capsysbinary.readouterr().out
    patch = patch[:patch.index(b"notice.txt:2:")]  # the findings follow the hunk
    assert "习近平".encode("gb18030") in patch
    (tmp_path / "fix.patch").write_bytes(patch)
    result = subprocess.run([GIT, "apply", "--check", "fix.patch"], capture_output=True)
    assert result.returncode == 0, result.stderr
    subprocess.run([GIT, "apply", "fix.patch"], check=True)
    assert (tmp_path / "notice.txt").read_bytes() == original.replace("进", "近").encode("gb18030")


@pytest.mark.skipif(GIT is None, reason="needs git")
def test_diff_of_a_file_with_a_bom_applies(tmp_path, monkeypatch, capsysbinary):
    subprocess.run([GIT, "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "notice.txt").write_bytes("深入学习习进平总书记重要讲话。\n".encode("utf-8-sig"))
    monkeypatch.chdir(tmp_path)
    main(["check", "--diff", "--no-cache", "notice.txt"])
    patch = capsysbinary.readouterr().out
    (tmp_path / "fix.patch").write_bytes(patch[:patch.index(b"notice.txt:1:")])
    subprocess.run([GIT, "apply", "fix.patch"], check=True)
    assert (tmp_path / "notice.txt").read_bytes() == "深入学习习近平总书记重要讲话。\n".encode("utf-8-sig")


def test_rule_says_what_fix_does_issue_24(capsys):
    """Issue 24: `zhguard rule ZG411` said 仅提示，不自动修正, yet --fix applied it."""
    assert main(["rule", "ZG411"]) == 0
    line = capsys.readouterr().out.splitlines()[-1]
    assert line.startswith("自动修正: ") and "--fix 自动改正" in line and "--unsafe-fixes" in line


@pytest.mark.parametrize("code", sorted(__import__("zhguard").RULES))
def test_each_rules_example_fixes_as_zhguard_rule_says(code):
    from zhguard.checker import Checker
    from zhguard.cli import fix_applicability
    from zhguard.config import Config
    from zhguard.rules import RULES

    rule = RULES[code]
    findings = Checker(Config(select=(code,), min_confidence=0.0)).check(rule.example)
    assert {f.applicability for f in findings if f.code == code} <= set(fix_applicability(rule))


def test_serve_without_the_server_extra_is_a_one_line_hint_issue_24(monkeypatch, capsys):
    """Issue 24: without starlette, `zhguard serve` ended in a traceback with exit 1."""
    import sys

    class Missing:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] == "starlette":
                raise ModuleNotFoundError(f"No module named {name!r}", name=name)

    for name in [n for n in sys.modules if n.split(".")[0] == "starlette" or n.startswith("zhguard.server")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "meta_path", [Missing(), *sys.meta_path])
    assert main(["serve", "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'zhguard[server]'" in err


TERMS_HEADER = "# zhguard: kind=terms category=leader_name columns=canonical,known_wrong,source,note\n"
BINDINGS_HEADER = "# zhguard: kind=bindings columns=person,title,org,valid_from,valid_to,status,source,note\n"


def _site_lexicon(tmp_path, **files):
    from conftest import write_lexicon

    return write_lexicon(tmp_path, "local\t区志\t区政府\tdoc\t2024-01-01\t2024-01-01\t\n", **files)


def test_lexicon_check_reports_every_problem_and_unsorted_rows_issue_24(tmp_path, capsys):
    """Issue 24: lexicon check stopped at a file's first problem, and unsorted rows passed."""
    folder = _site_lexicon(tmp_path, names=TERMS_HEADER
                           + "郑志恒\t郑志横\n"                      # line 2: a column short
                           + "丁一\t丁乙\tlocal\t\n"
                           + "王二\t王贰\tnowhere\t\n"              # line 4: unknown source
                           + "李三\t李叁\tlocal\t\n")               # line 5: sorts before 王二
    assert main(["lexicon", "check", str(folder)]) == 2
    err = capsys.readouterr().err.splitlines()
    path = folder / "names.tsv"
    assert err == [f"zhguard: error: {path}:2: expected 4 columns, got 2",
                   f"zhguard: error: {path}:4: unknown source id 'nowhere' (not in any SOURCES.tsv)",
                   f"zhguard: error: {path}:5: rows are not sorted by canonical: '李三' sorts before '王二' "
                   "(line 4)"]


def test_lexicon_check_holds_bindings_to_their_own_date_rules_issue_24(tmp_path, capsys):
    """An investigation ends an office on a day; valid_from <= valid_to; no two rows of one person
    and title hold at once (current and removed at the same time)."""
    folder = _site_lexicon(tmp_path, offices=BINDINGS_HEADER
                           + "王一\t区长\t某区人民政府\t2020-01-01\t\tunder_investigation\tlocal\t\n"
                           + "王七\t区长\t某区人民政府\t2021-05-01\t2020-01-01\tformer\tlocal\t\n"
                           + "王三\t区长\t某区人民政府\t2019-01-01\t\tcurrent\tlocal\t\n"
                           + "王三\t区长\t某区人民政府\t2021-01-01\t2023-01-01\tremoved\tlocal\t\n"
                           + "王二\t区长\t某区人民政府\t2016-01-01\t2021-01-01\tformer\tlocal\t\n"
                           + "王二\t区长\t某区人民政府\t2021-01-01\t\tcurrent\tlocal\t\n")
    assert main(["lexicon", "check", str(folder)]) == 2
    path = folder / "offices.tsv"
    assert capsys.readouterr().err.splitlines() == [
        f"zhguard: error: {path}:2: status under_investigation needs valid_to (the day the office ended or "
        "the investigation was announced)",
        f"zhguard: error: {path}:3: valid_from 2021-05-01 is later than valid_to 2020-01-01",
        f"zhguard: error: {path}:5: 王三 区长: 2021-01-01–2023-01-01 (removed) overlaps "
        "2019-01-01–… (current) on line 4",
    ]


def test_the_bundled_lexicons_pass_lexicon_check(capsys):
    assert main(["lexicon", "check"]) == 0


def test_lexicon_stats_prints_rows_per_file_and_category_and_the_newest_fact(capsys):
    from zhguard import default_checker
    from zhguard.lexicon.stats import newest_fact

    assert main(["lexicon", "stats"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert any(line.split()[1:3] == ["bindings", "facts/title_binding.tsv"] for line in out)
    assert any(line.split()[1:] == ["terms/leader_name"] for line in out)
    # issue 23: each file's newest cited source and its age, and the rows citing each source
    [bindings] = [line for line in out if "facts/title_binding.tsv" in line]
    assert re.search(r"newest source 20\d\d-\d\d(-\d\d)? \(\d+ days old\)$", bindings)
    cited = out[out.index("rows citing each source (source id, its date):") + 1:-1]
    assert cited and all(re.fullmatch(r"\s*\d+  \S+  (\d{4}(-\d\d){0,2}|undated)", line) for line in cited)
    assert any(line.split()[1] == "cpc-20th-report-xinhua" and int(line.split()[0]) > 100 for line in cited)
    newest = newest_fact(default_checker().compiled.lexicon)
    assert out[-1].startswith(f"newest fact: {newest.isoformat()} ")


def test_a_check_long_after_the_newest_fact_says_so_once_issue_24(tmp_path, capsys):
    """Issue 24: the facts stop at about March 2026 while as_of defaults to today, silently."""
    import datetime as dt

    from zhguard import default_checker
    from zhguard.lexicon.stats import newest_fact

    newest = newest_fact(default_checker().compiled.lexicon)
    doc = tmp_path / "a.txt"
    doc.write_text("学习习进平讲话。\n深入学习习进平总书记重要讲话。\n", encoding="utf-8")
    late = (newest + dt.timedelta(days=200)).isoformat()
    assert main(["check", "--as-of", late, str(doc)]) == 1
    captured = capsys.readouterr()
    assert captured.out.count("ZG101") == 2
    assert captured.err.count("zhguard: note: the facts about offices end at") == 1
    assert newest.isoformat() in captured.err and late in captured.err
    assert main(["check", "--as-of", (newest + dt.timedelta(days=30)).isoformat(), str(doc)]) == 1
    assert capsys.readouterr().err == ""


def test_lexicon_check_reports_every_reference_problem(tmp_path, capsys):
    """Places whose parent is missing: each one is reported, not only the first."""
    header = "# zhguard: kind=places columns=code,name,short,level,parent,source,note\n"
    folder = _site_lexicon(tmp_path, towns=header
                           + "990001\t甲县\t\tcounty\t990000\tlocal\t\n"
                           + "990002\t乙县\t\tcounty\t990000\tlocal\t\n")
    assert main(["lexicon", "check", str(folder)]) == 2
    path = folder / "towns.tsv"
    assert capsys.readouterr().err.splitlines() == [
        f"zhguard: error: {path}:{line}: parent '990000' is not a code in any places file" for line in (2, 3)]


@pytest.mark.skipif(GIT is None, reason="needs git")
@pytest.mark.parametrize("text", ["深入学习习进平总书记讲话", "第一行\u2028仍是第一行\r\n学习习进平讲话\r\n"])
def test_diff_applies_without_a_final_newline_and_with_crlf_or_u2028(tmp_path, monkeypatch, capsysbinary,
                                                                     text):
    subprocess.run([GIT, "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "n.txt").write_bytes(text.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    main(["check", "--diff", "--no-cache", "--select", "ZG1", "n.txt"])
    patch = capsysbinary.readouterr().out
    (tmp_path / "fix.patch").write_bytes(patch[:patch.index(b"n.txt:")])
    subprocess.run([GIT, "apply", "fix.patch"], check=True)
    assert (tmp_path / "n.txt").read_bytes() == text.replace("进", "近").encode("utf-8")
