"""--fix changes exactly the safe spans, keeps BOM and line ends, and never leaves a half-written file."""

from __future__ import annotations

import os

import pytest

from zhguard.cli import main


def test_fix_changes_only_the_safe_spans_and_keeps_bom_and_crlf(tmp_path, capsys):
    doc = tmp_path / "news.txt"
    original = "\ufeff通知\r\n深入学习习进平总书记讲话,精神。\r\n区环保局\r\n".encode()
    doc.write_bytes(original)
    assert main(["check", "--fix", str(doc)]) == 1  # 环保局 (local: unsafe) remains
    fixed = doc.read_bytes()
    assert fixed == "\ufeff通知\r\n深入学习习近平总书记讲话，精神。\r\n区环保局\r\n".encode()
    out = capsys.readouterr().out
    assert "ZG411" in out and "ZG101" not in out and "ZG730" not in out


def test_unsafe_fixes_apply_when_asked(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("区环保局开展检查。\n", encoding="utf-8")
    assert main(["check", "--fix", "--unsafe-fixes", str(doc)]) == 0
    assert doc.read_text(encoding="utf-8") == "区生态环境局开展检查。\n"


def test_diff_prints_and_writes_nothing(tmp_path, capsys):
    doc = tmp_path / "a.txt"
    doc.write_text("学习习进平讲话\n", encoding="utf-8")
    main(["check", "--diff", str(doc)])
    out = capsys.readouterr().out
    assert "-学习习进平讲话" in out and "+学习习近平讲话" in out
    assert doc.read_text(encoding="utf-8") == "学习习进平讲话\n"


def test_a_file_changed_between_check_and_fix_is_left_alone(tmp_path):
    from zhguard.errors import InputError
    from zhguard.fix import write_fixed

    doc = tmp_path / "a.txt"
    doc.write_text("新的内容\n", encoding="utf-8")
    with pytest.raises(InputError, match="changed while it was being checked"):
        write_fixed(doc, "旧的内容\n".encode(), "修正后的内容\n")
    assert doc.read_text(encoding="utf-8") == "新的内容\n"


def test_a_failed_write_keeps_the_original_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    from zhguard.fix import write_fixed

    doc = tmp_path / "a.txt"
    doc.write_bytes(b"old\n")

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        write_fixed(doc, b"old\n", "new\n")
    assert doc.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_file_edited_between_check_and_fix_is_not_overwritten(tmp_path, monkeypatch, capsys):
    """The guard compares with the bytes the findings came from, not a second read at fix time."""
    import zhguard.formats as formats

    doc = tmp_path / "a.txt"
    doc.write_text("学习习进平讲话\n", encoding="utf-8")
    real_prose = formats.prose

    def edit_while_checking(path, text):
        doc.write_text("编辑刚刚改过的内容\n", encoding="utf-8")
        return real_prose(path, text)

    monkeypatch.setattr(formats, "prose", edit_while_checking)
    assert main(["check", "--fix", str(doc)]) == 2
    assert doc.read_text(encoding="utf-8") == "编辑刚刚改过的内容\n"
    assert "changed while it was being checked" in capsys.readouterr().err


def test_fix_on_a_copy_of_a_real_page_restores_it_byte_for_byte(tmp_path, capsys):
    """A real official text as an HTML page, with known wrong forms put into it: --fix (safe fixes of
    the term rules) gives back exactly the original bytes, markup, CRLF and all."""
    from conftest import shared_path

    law = shared_path("data", "clean", "patriotic_education_law_2023.txt").read_text(encoding="utf-8")
    page = ("<!DOCTYPE html>\r\n<html><head><title>中华人民共和国爱国主义教育法</title>\r\n"
            "<script>var keep = '习进平';</script></head><body>\r\n"
            + "\r\n".join(f"<p>{line}</p>" for line in law.splitlines()) + "\r\n</body></html>\r\n")
    assert page.count("习近平") >= 2 and "中国特色社会主义" in page
    broken = page.replace("习近平", "习进平").replace("中国特色社会主义", "中国特色社会注意")
    doc = tmp_path / "page.html"
    doc.write_bytes(broken.encode())
    main(["check", "--select", "ZG1,ZG2", "--fix", str(doc)])
    assert doc.read_bytes() == page.encode()  # the script's 习进平 is not prose and stays
    capsys.readouterr()
