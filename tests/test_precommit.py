"""The real pre-commit, running the hook from this repository against a temporary content repo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def content_repo(tmp_path_factory):
    if not (ROOT / ".git").exists():
        pytest.skip("pre-commit try-repo needs this project as a git checkout")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("site")
    home = tmp_path_factory.mktemp("pre-commit-home")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    env.pop("ZHGUARD_CACHE_DIR", None)
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=env)
    return repo, env


def try_repo(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "zhguard"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def stage(repo: Path, env: dict[str, str], name: str, text: str) -> None:
    (repo / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "add", name], cwd=repo, check=True, env=env)


def test_hook_fails_on_a_staged_wrong_name_and_passes_once_fixed(content_repo):
    repo, env = content_repo
    stage(repo, env, "news.md", "# 通知\n\n深入学习习进平总书记重要讲话精神。\n")
    stage(repo, env, "tool.py", "NAME = '习进平'  # not a content file: the hook leaves it alone\n")
    docx = __import__("docx").Document()
    docx.add_paragraph("深入学习习进平总书记讲话")
    docx.save(repo / "notice.docx")
    subprocess.run(["git", "add", "notice.docx"], cwd=repo, check=True, env=env)
    failed = try_repo(repo, env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "news.md:3:5: ZG101 [error]" in failed.stdout
    assert "notice.docx:1:5: ZG101 [error]" in failed.stdout
    assert "习近平" in failed.stdout and "tool.py" not in failed.stdout

    stage(repo, env, "news.md", "# 通知\n\n深入学习习近平总书记重要讲话精神。\n")
    subprocess.run(["git", "rm", "-q", "--cached", "notice.docx"], cwd=repo, check=True, env=env)
    passed = try_repo(repo, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
