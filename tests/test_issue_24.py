"""Issue 24: the tool describes itself honestly and leaves nothing behind (one test per example)."""

from __future__ import annotations

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
