"""Markdown: prose is checked with its real line:col; code, link targets and comments are not."""

from __future__ import annotations

from zhguard.cli import main
from zhguard.formats.markdown import prose

DOC = """---
title: 学习习进平总书记讲话
layout: 习进平
---

# 区环保局工作动态

正文：深入学习习进平总书记重要讲话。

```python
name = "习进平"  # code is not prose
```

行内代码 `习进平` 不检查，[链接文字习进平](https://example.gov.cn/习进平) 检查文字。

<!-- 编辑备注：习进平 -->
引用原文：中国特色社会注意 <!-- zhguard: ignore[ZG201] -->
"""


def test_prose_keeps_offsets_and_blanks_non_prose():
    text = prose(DOC)
    assert len(text) == len(DOC) and text.count("\n") == DOC.count("\n")
    assert "python" not in text and "example.gov.cn" not in text and "编辑备注" not in text
    assert "layout" not in text and "学习习进平总书记讲话" in text
    assert "zhguard: ignore[ZG201]" in text


def test_markdown_findings_point_into_the_file(tmp_path, capsys):
    doc = tmp_path / "news.md"
    doc.write_text(DOC, encoding="utf-8")
    assert main(["check", str(doc)]) == 1
    lines = [line.split(" ")[0] + " " + line.split(" ")[1] for line in capsys.readouterr().out.splitlines()]
    assert lines == [
        f"{doc}:2:10: ZG101",   # front matter title
        f"{doc}:6:4: ZG411",    # heading
        f"{doc}:8:8: ZG101",    # paragraph
        f"{doc}:14:21: ZG101",  # link text, not its target
    ]


def test_a_plain_text_file_is_checked_whole(tmp_path, capsys):
    doc = tmp_path / "news.txt"
    doc.write_text("`习进平`", encoding="utf-8")
    assert main(["check", str(doc)]) == 1
