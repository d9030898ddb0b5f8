"""``zhguard learn``: a site's lexicon proposed from its published pages, for an editor to review.

A site's own names (its roads and townships, its bodies, its projects, its officials) are what its pages
misspell most and what no bundled lexicon holds.  The pages themselves hold them, written right far
more often than wrong:

- names of places, bodies and projects: the forms of 3+ Han characters written at least MIN_COUNT times
  across the pages (detect/consistency.py's frequent forms: maximal, no grammatical character) that end
  in a head word of data/learn/heads.tsv (路, 街道, 局, 中心, 工程 …);
- people: a two- or three-character name written right after a title (区委书记郑志恒) at least
  MIN_COUNT times.

Each row's note gives its count and the first file:line where it stands, so an editor can check it; the
output is a lexicon folder that ``zhguard lexicon check`` accepts and ``--lexicon`` reads.  Forms the
bundled lexicons already hold are left out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from zhguard.paths import DATA
from zhguard.text import GRAMMATICAL

MIN_COUNT = 3
FORM_LENGTHS = range(3, 17)  # a name longer than 16 characters is counted by its parts
WINDOW = 3
WORD_MIN_COUNT = 100  # a word jieba's dictionary counts this often is an ordinary word
CUT_MIN_COUNT = 10  # a dictionary word this frequent across a form's edge (基础科学|中心) cuts it
SOURCE_ID = "site-pages"
HAN = re.compile(r"[\u4e00-\u9fff]")
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
# Characters that end a name after a title rather than continue it (书记郑志恒在, 主任王波说).
NAME_END = frozenset("在说指强表讲主出参会同和与及等的了是到对为要就也都向从")


class Learned(NamedTuple):
    canonical: str
    category: str
    count: int
    first: str  # file:line


def heads() -> dict[str, str]:
    data = DATA.joinpath("learn", "heads.tsv").read_text("utf-8")
    return dict(line.split("\t") for line in data.splitlines() if line and not line.startswith("#"))


def learn(pages: Sequence[tuple[str, str]], known: Iterable[str] = (),
          titles: Sequence[str] = ()) -> list[Learned]:
    """The names ``pages`` ((name, text) each) write at least MIN_COUNT times, by category."""
    known = set(known)
    joined = "\n".join(text for _, text in pages)
    by_head = sorted(heads().items(), key=lambda kv: -len(kv[0]))
    rows: dict[str, tuple[str, int]] = {}
    for form, count in frequent_forms(joined).items():
        head = next(((h, c) for h, c in by_head if form.endswith(h) and len(form) > len(h)), None)
        if head is not None and form not in known and _stands_alone(joined, form):
            rows[form] = (head[1], count)
    for name, count in _people(joined, titles).items():
        if name not in known and name not in rows and _name_like(name):
            rows[name] = ("leader_name", count)
    return sorted((Learned(form, category, count, _first(pages, form))
                   for form, (category, count) in rows.items()), key=lambda r: (r.category, r.canonical))


def _people(text: str, titles: Sequence[str]) -> Counter:
    """Names of two or three characters written right after a title, at least MIN_COUNT times: a
    three-character one where it is written as often as its first two characters (郑志恒, not 郑志)."""
    twos: Counter = Counter()
    threes: Counter = Counter()
    for title in sorted(set(titles), key=len, reverse=True):
        for match in re.finditer(re.escape(title), text):
            run = HAN_RUN.match(text, match.end())
            if run is None or len(run.group()) < 2:
                continue
            name = run.group()
            twos[name[:2]] += 1
            if len(name) >= 3 and name[2] not in NAME_END:
                threes[name[:3]] += 1
    people: Counter = Counter()
    for name, count in threes.items():
        if count >= MIN_COUNT and count * 2 >= twos[name[:2]]:
            people[name] = count
    for name, count in twos.items():
        if count >= MIN_COUNT and not any(other.startswith(name) for other in people):
            people[name] = count
    return people


def _stands_alone(text: str, form: str) -> bool:
    """Most of the form's occurrences begin and end at word edges: 年行动 of 三年行动 begins inside a word."""
    from zhguard.wordmodel import cuts_a_word

    starts = [m.start() for m in re.finditer(re.escape(form), text)]
    whole = sum(not cuts_a_word(text, at, at + len(form), WINDOW, CUT_MIN_COUNT) for at in starts)
    return 2 * whole > len(starts)


def _name_like(name: str) -> bool:
    """No grammatical character, no ordinary word, and no ordinary word as its first or last two
    characters: after a title the report may go on with a verb (总书记两次亲临, 常委会审议, 再次亲临,
    殷殷嘱托), which are no names; 郑志恒 is one."""
    from zhguard.text import GRAMMATICAL
    from zhguard.wordmodel import load_word_model

    model = load_word_model()
    parts = (name, name[:2], name[-2:]) if len(name) > 2 else (name,)
    return not GRAMMATICAL.intersection(name) and all(model.count(part) < WORD_MIN_COUNT for part in parts)


def _first(pages: Sequence[tuple[str, str]], form: str) -> str:
    for name, text in pages:
        at = text.find(form)
        if at >= 0:
            return f"{name}:{text.count(chr(10), 0, at) + 1}"
    return ""


def write_lexicon(rows: Sequence[Learned], folder: Path, described: str) -> list[Path]:
    """SOURCES.tsv and one terms file per category in ``folder``; the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    today = dt.date.today().isoformat()
    sources = folder / "SOURCES.tsv"
    sources.write_text(
        "# zhguard: kind=sources columns=id,title,publisher,url_or_document,published,retrieved,note\n"
        f"{SOURCE_ID}\t本站已发布页面（zhguard learn 提取，待编辑审核）\t本站\t{_cell(described)}\t\t{today}\t"
        "每行的 note 给出出现次数和首次出现的位置\n", encoding="utf-8")
    written = [sources]
    for category in sorted({r.category for r in rows}):
        path = folder / f"learned_{category}.tsv"
        lines = [f"{r.canonical}\t\t{SOURCE_ID}\t出现{r.count}次，首见 {_cell(r.first)}"
                 for r in sorted(rows, key=lambda r: r.canonical) if r.category == category]
        path.write_text(f"# zhguard: kind=terms category={category} columns=canonical,known_wrong,source,note\n"
                        + "\n".join(lines) + "\n", encoding="utf-8")
        written.append(path)
    return written


def _cell(value: str) -> str:
    """A TSV cell: no tab or line end, no surrounding space."""
    return " ".join(value.replace("\t", " ").split())


def han_count(text: str) -> int:
    return len(HAN.findall(text))


def frequent_forms(text: str) -> dict[str, int]:
    """The forms of FORM_LENGTHS written at least MIN_COUNT times, none inside a longer one written as
    often, with no grammatical character."""
    runs = HAN_RUN.findall(text)
    counts: dict[int, Counter] = {}
    for length in FORM_LENGTHS:
        counts[length] = Counter(run[i:i + length] for run in runs if len(run) >= length
                                 for i in range(len(run) - length + 1))
        counts[length] = Counter({form: n for form, n in counts[length].items() if n >= MIN_COUNT})
        if not counts[length]:
            break
    kept: dict[str, int] = {}
    for length, forms in counts.items():
        longer = counts.get(length + 1, Counter())
        inside: Counter = Counter()
        for form, n in longer.items():
            for part in (form[:-1], form[1:]):
                inside[part] = max(inside[part], n)
        for form, n in forms.items():
            if n > inside[form] and not GRAMMATICAL.intersection(form):
                kept[form] = n
    return kept
