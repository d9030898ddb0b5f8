"""The HTML report: findings highlighted with the suggestion beside them, document text inert,
personal data masked; and what a browser actually shows."""

from __future__ import annotations

import html
import re

from zhguard.cli import main
from zhguard.report import FileResult
from zhguard.report.html import format_results

DRAFT = ("关于学习的通知\n"
         "<script>alert('x')</script> 深入学习习进平总书记重要讲话。\n"
         "联系人身份证号 11010519491231002X，请勿外传。\n")


def _report(checker, text: str = DRAFT, path: str = "draft.txt") -> str:
    return format_results([FileResult(path, text, tuple(checker.check(text)))])


def test_findings_are_marked_with_their_suggestion(checker):
    page = _report(checker)
    assert re.search(r'<mark id="f1-\d+" class="error" title="ZG101 [^"]*">习进平</mark>'
                     r'<span class="fix">→ 习近平</span>', page)
    assert '<a href="#f1-' in page and ">ZG101<" in page


def test_document_text_is_inert(checker):
    page = _report(checker, path='<img src=x onerror="alert(1)">.txt')
    assert "<script" not in page and "<img" not in page
    assert html.escape("<script>alert('x')</script>") in page


def test_personal_data_is_masked(checker):
    page = _report(checker)
    assert "11010519491231002X" not in page
    assert "ZG820" in page


def test_clean_and_failed_documents_are_reported(checker):
    page = format_results([FileResult("clean.txt", "正文。", ()),
                           FileResult("bad.txt", error="binary file (contains NUL bytes); not checked")])
    assert "未发现问题" in page and "无法检查：binary file" in page and "1 个文件无法检查" in page


def test_only_lines_with_findings_are_shown(checker):
    text = "".join(f"第{i}行，正文。\n" for i in range(1, 200)) + "深入学习习进平总书记讲话。\n"
    page = _report(checker, text)
    assert "第198行" not in page and "第199行" in page and "第1行" not in page


def test_cli_writes_the_report(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    assert main(["check", "--format", "html", str(tmp_path / "a.txt")]) == 1
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


def test_a_browser_shows_the_highlights(tmp_path, checker):
    """Headless Chromium renders the report: each finding is a visible, coloured mark beside its
    suggestion, and the screenshot is kept for a person to look at."""
    from browser import chromium

    report = tmp_path / "report.html"
    report.write_text(_report(checker), encoding="utf-8")
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1000, "height": 700})
        page.goto(report.as_uri())
        marks = page.locator("mark.error")
        assert marks.count() >= 1
        first = marks.first
        assert first.inner_text() == "习进平" and first.is_visible()
        colour = first.evaluate("m => getComputedStyle(m).backgroundColor")
        assert colour == "rgb(255, 201, 201)"
        fix = page.locator("mark.error + .fix").first
        assert fix.inner_text() == "→ 习近平"
        box, fix_box = first.bounding_box(), fix.bounding_box()
        assert abs(box["y"] - fix_box["y"]) < box["height"] and fix_box["x"] > box["x"]  # beside it
        assert page.evaluate("() => !document.querySelector('script')")
        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    assert (tmp_path / "report.png").stat().st_size > 10_000
