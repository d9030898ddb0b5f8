"""HTML: visible text and prose attributes are checked at their place in the file; markup is not."""

from __future__ import annotations

import json
import re

from zhguard.cli import main
from zhguard.formats.html import prose

PAGE = """<!DOCTYPE html>
<html><head><title>学习习进平总书记讲话</title>
<meta name="description" content="区环保局工作动态">
<script>var name = "习进平"; // not prose</script>
<style>.习进平 { color: red }</style>
</head>
<body>
<p class="习进平">正文：深入学习习进平总书记重要讲话。</p>
<img src="/习进平.png" alt="习进平同志">
<a href="https://example.gov.cn/习进平">链接</a>
<!-- 编辑备注：习进平 -->
<p>引用：中国特色社会注意 <!-- zhguard: ignore[ZG201] --></p>
<p>&nbsp;习近平&amp;人民</p>
</body></html>
"""


def test_prose_keeps_offsets_and_blanks_markup():
    text = prose(PAGE)
    assert len(text) == len(PAGE) and text.count("\n") == PAGE.count("\n")
    assert "script" not in text and "var name" not in text and "example.gov.cn" not in text
    assert "class" not in text and "编辑备注" not in text
    assert "区环保局工作动态" in text and "zhguard: ignore[ZG201]" in text


def test_html_findings_point_into_the_file(tmp_path, capsys):
    page = tmp_path / "index.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["check", str(page)]) == 1
    found = [list(re.match(r".*:(\d+):(\d+): (ZG\d+)", line).groups())
             for line in capsys.readouterr().out.splitlines()]
    assert found == [
        ["2", "22", "ZG101"],   # <title>
        ["3", "36", "ZG411"],   # meta description
        ["8", "23", "ZG101"],   # paragraph text, not the class attribute
        ["9", "26", "ZG101"],   # alt text, not the src
    ]


def test_character_references_in_prose_are_decoded_and_mapped_back(tmp_path, capsys):
    page = ('<p>深入学习习&#36827;平总书记讲话，&ldquo;中国特色社会注意&rdquo;。</p>\n'
            '<p>习&#x8FD1;平同志&nbsp;讲话<a href="/&#36827;">链接</a></p>\n')
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert main(["check", "--format", "json", str(path)]) == 1
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert [(f["found"], f["line"], f["column"], f["suggestions"][0]) for f in findings] == [
        ("习&#36827;平", 1, 8, "习近平"), ("中国特色社会注意", 1, 31, "中国特色社会主义")]
    assert main(["check", "--fix", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == page.replace("习&#36827;平", "习近平").replace("社会注意", "社会主义")
