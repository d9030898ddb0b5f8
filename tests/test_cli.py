"""The command line as a user runs it: output lines, exit codes, bad inputs among good ones."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from zhguard.cli import main

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample.txt"


@pytest.fixture
def run(capsys):
    def _run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err
    return _run


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_wrong_name_prints_line_col_code_and_suggestion_and_exits_1(run, tmp_path):
    doc = write(tmp_path / "news.md", "# 标题\n\n深入学习习进平总书记重要讲话\n")
    code, out, err = run("check", "--as-of", "2026-03-01", str(doc))  # within the facts: no note on age
    assert code == 1 and err == ""
    assert out == (f"{doc}:3:5: ZG101 [error] 领导人姓名错误：「习进平」应为「习近平」（已知错误写法） "
                   "(置信度 0.95)\n")


def test_a_clean_file_exits_0_silently(run, tmp_path):
    doc = write(tmp_path / "ok.txt", "深入学习习近平总书记重要讲话\n")
    assert run("check", "--as-of", "2026-03-01", str(doc)) == (0, "", "")


def test_columns_count_code_points_and_lines_follow_crlf(run, tmp_path):
    doc = tmp_path / "crlf.txt"
    doc.write_bytes("第一行\r\n𠀀𠀀习进平\r\n".encode())
    assert run("check", str(doc))[1].startswith(f"{doc}:2:3: ZG101")


def test_a_bom_does_not_shift_columns(run, tmp_path):
    doc = tmp_path / "bom.txt"
    doc.write_bytes("\ufeff习进平".encode())
    assert run("check", str(doc))[1].startswith(f"{doc}:1:1: ZG101")


def test_unreadable_inputs_are_errors_and_the_other_files_are_still_checked(run, tmp_path):
    binary = tmp_path / "logo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Année, façade, Größe über Äpfel".encode("latin-1"))
    bad = write(tmp_path / "bad.txt", "学习习进平")
    code, out, err = run("check", str(binary), str(latin), str(bad), str(tmp_path / "missing.txt"))
    assert code == 2
    assert out.startswith(f"{bad}:1:3: ZG101")
    assert f"{binary}: error: binary file" in err
    assert f"{latin}: error: not valid UTF-8 at byte " in err and "nor readable as GB18030" in err
    assert f"{tmp_path / 'missing.txt'}: error: no such file or directory" in err


def test_directories_are_walked_for_text_markdown_and_html_only(run, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("a.txt", "sub/b.md", "sub/c.html", "d.py", ".git/e.txt"):
        write(tmp_path / name, "习进平")
    code, out, _ = run("check", str(tmp_path))
    paths = [line.split(":")[0] for line in out.splitlines()]
    assert code == 1
    assert paths == [str(tmp_path / "a.txt"), str(tmp_path / "sub/b.md"), str(tmp_path / "sub/c.html")]


def test_json_output_has_findings_or_an_error_per_file(run, tmp_path):
    doc = write(tmp_path / "a.txt", "一\n学习习进平")
    code, out, _ = run("check", "--format", "json", str(doc), str(tmp_path / "nope.txt"))
    document = json.loads(out)
    assert code == 2 and document["schema"] == 1
    [good, missing] = document["files"]
    [finding] = good["findings"]
    assert (finding["line"], finding["column"], finding["code"], finding["suggestions"]) == (
        2, 3, "ZG101", ["习近平"])
    assert missing == {"path": str(tmp_path / "nope.txt"), "error": "no such file or directory"}


def test_json_keeps_found_exact_and_masks_personal_data_apart_issue_24(run, tmp_path):
    """Issue 24: a masked ``found`` broke text[start:end] == found; the mask is its own field."""
    text = "学习习进平，身份证号11010519491231002X"
    doc = write(tmp_path / "a.txt", text)
    code, out, _ = run("check", "--format", "json", str(doc))
    findings = json.loads(out)["files"][0]["findings"]
    assert [(f["code"], f["found"], f["found_masked"]) for f in findings] == [
        ("ZG101", "习进平", "习进平"), ("ZG820", "11010519491231002X", "110105********002X")]
    assert all(text[f["start"]:f["end"]] == f["found"] for f in findings)


def test_stdin_is_read_with_a_dash(run, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("学习习进平".encode())))
    code, out, _ = run("check", "-")
    assert code == 1 and out.startswith("<stdin>:1:3: ZG101")


def test_select_ignore_and_fail_on(run, tmp_path):
    doc = write(tmp_path / "a.txt", "习进平；中国特色社会注意")
    assert [l.split()[1] for l in run("check", "--select", "ZG2", str(doc))[1].splitlines()] == ["ZG201"]
    assert run("check", "--ignore", "ZG1,ZG2", str(doc))[0] == 0
    assert run("check", "--fail-on", "error", str(doc))[0] == 1


def test_bad_usage_exits_2(run):
    with pytest.raises(SystemExit) as info:
        main(["check", "--select", "XX1", "a.txt"])
    assert info.value.code == 2
    assert run()[0] == 2


def test_a_broken_user_lexicon_exits_2_naming_file_and_line(run, tmp_path):
    lexicon = write(tmp_path / "local.tsv",
                    "# zhguard: kind=terms category=leader_name columns=canonical,known_wrong,source,note\n"
                    "郑志恒\t郑志横\n")
    code, out, err = run("check", "--lexicon", str(lexicon), str(SAMPLE))
    assert (code, out) == (2, "")
    assert err == f"zhguard: error: {lexicon}:2: expected 4 columns, got 2\n"
    assert run("lexicon", "check", str(lexicon))[2] == err


def test_rule_explains_a_code(run):
    code, out, _ = run("rule", "ZG101")
    assert code == 0 and out.startswith("ZG101 leader-name-known-wrong\n") and "习进平" in out
    assert run("rule", "ZG999")[0] == 2
    assert "ZG201" in run("rule", "--all")[1]


def test_lexicon_build_warms_every_cache_and_cache_clear_empties_it(tmp_path):
    # a process of its own: this one holds the typo tables and models in memory already
    env = {**os.environ, "ZHGUARD_CACHE_DIR": str(tmp_path)}
    built = subprocess.run([sys.executable, "-m", "zhguard", "lexicon", "build"], env=env,
                           capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    # what an installed wheel ships prebuilt (issue 21) is warm already, and is not copied
    from zhguard.lexicon.cache import PREBUILT_DIR
    warm = [*tmp_path.glob("*.pickle"), *PREBUILT_DIR.glob("*.pickle")]
    kinds = sorted({path.name.split("-")[0] for path in warm})
    assert kinds == ["chars", "lexicon", "townships", "typos", "words"]
    cached = len(list(tmp_path.iterdir()))  # the pickles and the remembered digests of their sources
    cleared = subprocess.run([sys.executable, "-m", "zhguard", "cache", "clear"], env=env,
                             capture_output=True, text=True, check=False)
    assert cleared.returncode == 0 and cleared.stdout.startswith(f"removed {cached} cached file")
    assert list(tmp_path.iterdir()) == []


def test_python_dash_m_runs_the_cli_on_the_sample_under_a_c_locale():
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": ""}
    result = subprocess.run([sys.executable, "-m", "zhguard", "check", str(SAMPLE)],
                            capture_output=True, env=env)
    assert result.returncode == 1
    assert "ZG101" in result.stdout.decode("utf-8") and "习近平" in result.stdout.decode("utf-8")


def test_a_gb18030_file_is_checked_and_fixed_in_its_own_encoding(run, tmp_path):
    doc = tmp_path / "legacy.txt"
    doc.write_bytes("通知\r\n深入学习习进平总书记讲话。\r\n".encode("gb18030"))
    code, out, _ = run("check", str(doc))
    assert code == 1 and out.startswith(f"{doc}:2:5: ZG101")
    run("check", "--fix", str(doc))
    assert doc.read_bytes() == "通知\r\n深入学习习近平总书记讲话。\r\n".encode("gb18030")


def test_a_directory_symlink_loop_is_walked_once(run, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("学习习进平", encoding="utf-8")
    (tmp_path / "a" / "up").symlink_to(tmp_path, target_is_directory=True)
    code, out, _ = run("check", str(tmp_path))
    assert code == 1 and out.count("ZG101") == 1


def test_a_huge_structured_file_is_refused_by_name_and_the_others_are_checked(run, tmp_path, monkeypatch):
    import zhguard.document as document

    monkeypatch.setattr(document, "MAX_BYTES", 1024)
    huge = tmp_path / "archive.html"
    huge.write_text("<p>正文。</p>" * 1000, encoding="utf-8")
    small = write(tmp_path / "page.txt", "学习习进平")
    code, out, err = run("check", str(huge), str(small))
    assert code == 2 and out.startswith(f"{small}:1:3: ZG101")
    assert f"{huge}: error: file is 16,000 bytes, over the 1,024-byte limit for .html files" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file without read permission")
def test_an_unreadable_file_is_an_error_naming_it(run, tmp_path):
    doc = write(tmp_path / "secret.txt", "学习习进平")
    doc.chmod(0)
    code, _, err = run("check", str(doc))
    assert code == 2 and f"{doc}: error: cannot read" in err
