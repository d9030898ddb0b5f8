"""One document as .txt, .md, .html and .docx: the same findings at the same places, and none in code,
URLs or scripts."""

from __future__ import annotations

import json

import docx
import pytest

from zhguard.cli import main

PARAGRAPHS = [
    "关于深入学习贯彻党的二十届四中全会精神的通知",
    "各单位：为深入学习习进平总书记重要讲话精神，现将有关事项通知如下。",
    "一、坚持和发展中国特色社会注意，引起社会注意的问题要及时回应。",
    "二、联系人：办公室，地址见国务园办公厅网站。",
]
# Wrong forms that sit where a checker must not look: code, a link target, a script.
HIDDEN = "习进平"


def _findings(tmp_path, capsys, name: str, content: bytes | None = None) -> list[tuple]:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert main(["check", "--format", "json", str(path)]) == 1
    (result,) = json.loads(capsys.readouterr().out)["files"]
    return [(f["code"], f["found"], f["line"], f["column"]) for f in result["findings"]]


def _docx(path) -> None:
    document = docx.Document()
    document.add_paragraph(PARAGRAPHS[0])
    document.add_paragraph(PARAGRAPHS[1])
    table = document.add_table(rows=1, cols=1)  # a table cell is a paragraph of its own
    table.cell(0, 0).text = PARAGRAPHS[2]
    document.add_paragraph(PARAGRAPHS[3])
    document.save(path)


def test_same_findings_in_every_format(tmp_path, capsys):
    text = "\n".join(PARAGRAPHS) + "\n"
    expected = _findings(tmp_path, capsys, "notice.txt", text.encode())
    # 引起社会注意 is ordinary Chinese and stays quiet
    assert [(code, found) for code, found, *_ in expected] == [
        ("ZG101", "习进平"), ("ZG201", "中国特色社会注意"), ("ZG402", "国务园办公厅")]

    markdown = text + f"\n```\n{HIDDEN}\n```\n\n行内代码 `{HIDDEN}` 与链接 [通知](https://example.cn/{HIDDEN})\n"
    assert _findings(tmp_path, capsys, "notice.md", markdown.encode()) == expected

    tag = "<p>"
    html = ("<html><head><script>var s = '" + HIDDEN + "';</script></head><body>\n"
            + "\n".join(f"{tag}{p}</p>" for p in PARAGRAPHS)
            + f'\n<a href="/{HIDDEN}">链接</a></body></html>\n')
    found_html = _findings(tmp_path, capsys, "notice.html", html.encode())
    # one line down (the <head> line) and the <p> tag's width to the right
    assert found_html == [(c, f, line + 1, col + len(tag)) for c, f, line, col in expected]

    _docx(tmp_path / "notice.docx")
    assert _findings(tmp_path, capsys, "notice.docx") == expected


def test_docx_headers_footers_and_merged_cells(tmp_path):
    from zhguard.formats.docx import docx_text

    document = docx.Document()
    document.add_paragraph("正文")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "甲", "乙"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "合并单元格"
    document.sections[0].header.paragraphs[0].text = "页眉文字"
    document.sections[0].footer.paragraphs[0].text = "页脚文字"
    document.save(tmp_path / "a.docx")
    text = docx_text("a.docx", (tmp_path / "a.docx").read_bytes())
    assert text.split("\n") == ["正文", "甲", "乙", "合并单元格", "页眉文字", "页脚文字"]


@pytest.mark.parametrize(("content", "reason"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old binary Word file"),
    (b"plain text, renamed", "not a zip"),
    (b"PK\x03\x04" + b"\0" * 50, "damaged .docx"),
])
def test_a_bad_docx_is_named_and_the_rest_still_checked(tmp_path, capsys, content, reason):
    (tmp_path / "bad.docx").write_bytes(content)
    (tmp_path / "good.txt").write_text("深入学习习进平总书记重要讲话", encoding="utf-8")
    assert main(["check", str(tmp_path / "bad.docx"), str(tmp_path / "good.txt")]) == 2
    captured = capsys.readouterr()
    assert "bad.docx: error: " in captured.err and reason in captured.err
    assert "good.txt:1:5: ZG101" in captured.out


def test_fix_leaves_a_docx_untouched(tmp_path, capsys):
    _docx(tmp_path / "notice.docx")
    before = (tmp_path / "notice.docx").read_bytes()
    assert main(["check", "--fix", str(tmp_path / "notice.docx")]) == 1
    assert "do not rewrite .docx" in capsys.readouterr().err
    assert (tmp_path / "notice.docx").read_bytes() == before


def test_configured_encoding_is_used_as_given(tmp_path, capsys):
    (tmp_path / "zhguard.toml").write_text('encoding = "gbk"\n', encoding="utf-8")
    (tmp_path / "gbk.txt").write_bytes("深入学习习进平总书记重要讲话".encode("gbk"))
    (tmp_path / "utf8.txt").write_text("深入学习习近平总书记重要讲话", encoding="utf-8")
    config = str(tmp_path / "zhguard.toml")
    assert main(["check", "--config", config, str(tmp_path / "gbk.txt"), str(tmp_path / "utf8.txt")]) == 2
    captured = capsys.readouterr()
    assert "gbk.txt:1:5: ZG101" in captured.out
    assert "utf8.txt: error: not valid gbk at byte" in captured.err


def test_unknown_encoding_in_config_names_the_key(tmp_path, capsys):
    (tmp_path / "zhguard.toml").write_text('encoding = "klingon"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("正文", encoding="utf-8")
    assert main(["check", "--config", str(tmp_path / "zhguard.toml"), str(tmp_path / "a.txt")]) == 2
    err = capsys.readouterr().err
    assert "zhguard.toml" in err and "encoding" in err and "klingon" in err
