"""A self-contained HTML report for editors: each document's lines with the findings highlighted
and the suggestion beside them, then a table of all findings.

One file, no scripts and no external resources, so it can be mailed or opened from a share on an
offline government network.  Every piece of document text goes through ``html.escape``: a draft
holding ``<script>`` stays text.  Personal data (privacy findings) is shown masked, as in JSON.
Only the lines with findings are shown, with one line of context, so a long page stays readable.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from zhguard import __version__
from zhguard.finding import Category, Finding
from zhguard.report import FileResult, shown
from zhguard.text import NEWLINE

CONTEXT_LINES = 1
SEVERITY_LABEL = {"error": "错误", "warning": "警告", "info": "提示"}

_STYLE = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em;border-bottom:1px solid #ccc}
.summary{color:#555}.ok{color:#2a7a2a}.failed{color:#b00020}
.doc{font-family:inherit;border:1px solid #ddd;background:#fafafa;padding:.5em 0;line-height:2.1}
.line{display:flex;white-space:pre-wrap;word-break:break-all}
.no{flex:0 0 4em;text-align:right;padding-right:1em;color:#999;user-select:none}
.gap{color:#999;padding-left:5em}
mark{padding:0 .1em;border-radius:2px}
mark.error{background:#ffc9c9;border-bottom:2px solid #d00}
mark.warning{background:#ffe8a3;border-bottom:2px solid #d80}
mark.info{background:#d6e9ff;border-bottom:2px solid #36c}
.fix{font-size:.8em;background:#e6f4ea;color:#1e6b34;border:1px solid #9ccaa9;border-radius:3px;
padding:0 .3em;margin:0 .2em}
table{border-collapse:collapse;margin-top:1em;width:100%}
td,th{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f0f0f0}td.code{font-family:monospace;white-space:nowrap}
"""


def format_results(results: Iterable[FileResult]) -> str:
    results = list(results)
    total = sum(len(r.findings) for r in results)
    errors = sum(r.error is not None for r in results)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>zhguard 检查报告（{total} 处）</title><style>{_STYLE}</style></head><body>",
        "<h1>zhguard 检查报告</h1>",
        f'<p class="summary">{len(results)} 个文件，{total} 处问题'
        + (f"，{errors} 个文件无法检查" if errors else "") + f"。zhguard {__version__}</p>",
    ]
    for number, result in enumerate(results, 1):
        parts += _document(number, result)
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _document(number: int, result: FileResult) -> list[str]:
    path = html.escape(result.path)
    if result.error is not None:
        return [f"<h2>{path}</h2>", f'<p class="failed">无法检查：{html.escape(result.error)}</p>']
    if not result.findings:
        return [f"<h2>{path}</h2>", '<p class="ok">未发现问题。</p>']
    index = result.index()
    positions = [index.position(f.start) for f in result.findings]
    out = [f"<h2>{path}</h2>", f'<p class="summary">{len(result.findings)} 处问题</p>']
    if result.positions is None:
        out += _excerpts(result, {line for line, _ in positions}, number)
    else:  # checked in segments: the text was not kept
        out.append('<p class="summary">文件较大，分段检查，只列出问题表。</p>')
    out.append("<table><tr><th>位置</th><th>规则</th><th>程度</th><th>说明</th><th>建议</th>"
               "<th>置信度</th></tr>")
    for i, (finding, (line, column)) in enumerate(zip(result.findings, positions)):
        out.append(
            f'<tr><td><a href="#f{number}-{i}">{line}:{column}</a></td><td class="code">{finding.code}</td>'
            f"<td>{SEVERITY_LABEL[finding.severity.label]}</td><td>{html.escape(_message(finding))}</td>"
            f"<td>{html.escape(finding.suggestion or '')}</td><td>{finding.confidence:.2f}</td></tr>")
    out.append("</table>")
    return out


def _excerpts(result: FileResult, lines_with_findings: set[int], number: int) -> list[str]:
    text = result.text
    starts = [0, *(m.end() for m in NEWLINE.finditer(text))]  # as LineIndex counts lines
    if starts[-1] < len(text):
        starts.append(len(text))
    out = ['<div class="doc">']
    previous = 0
    for line in _shown_lines(lines_with_findings, len(starts) - 1):
        if line != previous + 1:
            out.append('<div class="gap">⋯</div>')
        previous = line
        body = _highlight(result.text, starts[line - 1], starts[line], result.findings, number)
        out.append(f'<div class="line"><span class="no">{line}</span><span>{body}</span></div>')
    out.append("</div>")
    return out


def _shown_lines(lines_with_findings: set[int], count: int) -> list[int]:
    lines = set()
    for line in lines_with_findings:
        lines.update(range(max(1, line - CONTEXT_LINES), min(count, line + CONTEXT_LINES) + 1))
    return sorted(lines)


def _highlight(text: str, start: int, end: int, findings: tuple[Finding, ...], number: int) -> str:
    """The line [start, end) escaped, with each finding that starts in it marked (an overlapping
    one is listed in the table only: marks cannot nest across each other)."""
    out, position = [], start
    for i, finding in enumerate(findings):
        if not start <= finding.start < end or finding.start < position:
            continue
        stop = min(finding.end, end)
        out.append(html.escape(text[position:finding.start]))
        visible = shown(finding, text[finding.start:stop])
        tip = html.escape(f"{finding.code} {_message(finding)}", quote=True)
        out.append(f'<mark id="f{number}-{i}" class="{finding.severity.label}" title="{tip}">'
                   f"{html.escape(visible)}</mark>")
        if finding.suggestion and finding.category is not Category.PRIVACY:
            out.append(f'<span class="fix">→ {html.escape(finding.suggestion)}</span>')
        position = stop
    out.append(html.escape(text[position:end].rstrip("\r\n")))
    return "".join(out)


def _message(finding: Finding) -> str:
    if finding.category is Category.PRIVACY:
        return finding.message.replace(finding.found, finding.suggestion or "***")
    return finding.message
