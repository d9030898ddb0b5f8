"""Command line: ``zhguard check PATH…``, ``zhguard rule CODE``, ``zhguard lexicon …``, ``zhguard serve``.

The only module that prints.  Exit codes (as ruff): 0 clean, 1 findings at or
above ``--fail-on``, 2 a usage, lexicon, configuration or input error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from zhguard import __version__
from zhguard.errors import ZhguardError
from zhguard.finding import Applicability, Kind, Severity
from zhguard.rules import RULES, Rule, is_code_prefix

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SAFE, UNSAFE, SHOWN = Applicability.SAFE, Applicability.UNSAFE, Applicability.DISPLAY_ONLY
# What `zhguard rule` says about --fix: the applicabilities a rule's findings can have, as the checker
# and the detectors set them (checker._applicability and each detector's override).  Listed by code
# where a detector decides, else by kind; tests/test_issue_24.py checks each rule's example against it.
FIX_BY_CODE: dict[str, tuple[Applicability, ...]] = {
    "ZG001": (SHOWN,), "ZG732": (SHOWN,), "ZG611": (SHOWN,),
    "ZG411": (SAFE, UNSAFE, SHOWN),
    **{code: (SAFE,) for code in ("ZG720", "ZG721", "ZG722", "ZG730", "ZG731")},
}
FIX_BY_KIND: dict[Kind, tuple[Applicability, ...]] = {
    Kind.KNOWN_WRONG: (SAFE, SHOWN), Kind.WRONG_BINDING: (SHOWN,),
}
FIX_TEXT = {
    "ZG411": "中央机构只有一个现名时安全（--fix 自动改正）；地方机构不安全（--fix --unsafe-fixes 才改正，"
             "各地名称可能不同）；有多个现名时仅提示",
    Kind.KNOWN_WRONG: "安全：只有一个改正时 --fix 自动改正；有多个改正时仅提示",
    SAFE: "安全：--fix 自动改正",
    UNSAFE: "不安全：仅在 --fix --unsafe-fixes 时改正；有多个候选时仅提示",
    SHOWN: "仅提示，不自动修正",
}


def fix_applicability(rule: Rule) -> tuple[Applicability, ...]:
    """The applicabilities ``rule``'s findings can have; a near miss with several candidates is shown."""
    return FIX_BY_CODE.get(rule.code) or FIX_BY_KIND.get(rule.kind) or (UNSAFE, SHOWN)


def describe_fix(rule: Rule) -> str:
    """What `zhguard rule` prints after 自动修正."""
    if rule.code in FIX_TEXT:
        return FIX_TEXT[rule.code]
    if rule.kind in FIX_TEXT and rule.code not in FIX_BY_CODE:
        return FIX_TEXT[rule.kind]
    return FIX_TEXT[fix_applicability(rule)[0]]


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    _utf8_streams()
    try:
        return args.run(args)
    except ZhguardError as exc:
        print(f"zhguard: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # zhguard check … | head: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR


def run() -> None:
    """The console script: ``main()``, then out at once.  Tearing down the interpreter frees the
    lexicon's automata and tables object by object (~20 ms of a 170 ms run, issue 21), and nothing is
    left to clean up: every file is written and closed, every worker joined."""
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        code = code or EXIT_ERROR
    os._exit(code)


def _utf8_streams() -> None:
    """Chinese messages must print on any locale (a C locale would raise on 习近平)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            reconfigure(encoding="utf-8", errors="replace")


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, told the terminal's width: left to find it, it imports shutil (and bz2,
    lzma), ~2 ms of every run's start, because add_argument builds a formatter to check metavars."""

    def __init__(self, prog: str, **kwargs) -> None:
        try:
            columns = os.get_terminal_size().columns
        except OSError:
            columns = int(os.environ.get("COLUMNS", 80)) if os.environ.get("COLUMNS", "").isdigit() else 80
        super().__init__(prog, width=kwargs.pop("width", None) or columns - 2, **kwargs)


class _Parser(argparse.ArgumentParser):
    """Every parser and subparser formats with _Formatter (subparsers are built as type(parent))."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="zhguard", description="检查政务文本中的严重错别字。")
    parser.add_argument("--version", action="version", version=f"zhguard {__version__}")
    commands = parser.add_subparsers(metavar="COMMAND")

    check = commands.add_parser("check", help="check files, directories or - (stdin)")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--format", choices=("text", "json", "jsonl", "sarif", "html"), default="text",
                       help="html: a self-contained report for editors (redirect it to a file); "
                            "jsonl: one line per file as soon as it is checked")
    check.add_argument("--config", type=Path, default=None, metavar="FILE",
                       help="zhguard.toml or pyproject.toml (default: the nearest one above the cwd)")
    check.add_argument("--select", type=_codes, default=None, metavar="CODES",
                       help="comma-separated code prefixes to report, e.g. ZG1,ZG2")
    check.add_argument("--ignore", type=_codes, default=None, metavar="CODES")
    check.add_argument("--min-confidence", type=_confidence, default=None, metavar="X")
    check.add_argument("--fail-on", choices=[s.label for s in Severity], default=None)
    check.add_argument("--lexicon", action="append", default=[], metavar="PATH",
                       help="an extra lexicon file or directory (repeatable)")
    check.add_argument("--as-of", type=dt.date.fromisoformat, default=None, metavar="YYYY-MM-DD")
    check.add_argument("--place", default=None, metavar="NAME",
                       help="the site's own division (e.g. 烟台市): another city's name in a local slogan "
                            "is reported")
    check.add_argument("--encoding", type=_encoding, default=None, metavar="NAME",
                       help="the files' encoding (default: UTF-8, else GB18030 if it reads as Chinese)")
    check.add_argument("--no-cache", action="store_true", help="compile lexicons without the cache")
    check.add_argument("--fix", action="store_true", help="apply safe fixes to the files (atomically)")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: unsafe ones too")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    check.add_argument("--jobs", "-j", type=_positive, default=None, metavar="N",
                       help="check files in N processes (default: the CPUs this process may use, "
                            "at most 8)")
    check.add_argument("--dask", default=None, metavar="ADDRESS",
                       help="check on a Dask cluster: a scheduler's address or local:N "
                            "(pip install 'zhguard[dask]')")
    check.set_defaults(run=_run_check)

    rule = commands.add_parser("rule", help="explain a rule, or list all with --all")
    rule.add_argument("code", nargs="?")
    rule.add_argument("--all", action="store_true")
    rule.set_defaults(run=_run_rule)

    lexicon = commands.add_parser("lexicon", help="validate lexicons or warm the cache")
    lexicon_commands = lexicon.add_subparsers(metavar="ACTION")
    lexicon_check = lexicon_commands.add_parser("check", help="validate lexicon files")
    lexicon_check.add_argument("paths", nargs="*", metavar="PATH",
                               help="user lexicon files or directories (checked with the bundled ones)")
    lexicon_check.set_defaults(run=_run_lexicon_check)
    lexicon_stats = lexicon_commands.add_parser("stats", help="rows per category, file and source; each file's newest source; the newest fact")
    lexicon_stats.add_argument("paths", nargs="*", metavar="PATH")
    lexicon_stats.set_defaults(run=_run_lexicon_stats)
    lexicon_build = lexicon_commands.add_parser("build", help="compile and cache the lexicons")
    lexicon_build.add_argument("paths", nargs="*", metavar="PATH")
    lexicon_build.set_defaults(run=_run_lexicon_build)

    learn = commands.add_parser("learn", help="propose a site lexicon from its published pages")
    learn.add_argument("paths", nargs="+", metavar="PATH", help="the site's pages: files or directories")
    learn.add_argument("-o", "--output", required=True, metavar="DIR", help="the lexicon folder to write")
    learn.set_defaults(run=_run_learn)

    serve = commands.add_parser("serve", help="run the HTTP service and the editors' page (zhguard[server])")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--token", default=None,
                       help="require 'Authorization: Bearer TOKEN' on /v1/ (default: $ZHGUARD_TOKEN)")
    serve.add_argument("--max-bytes", type=int, default=2 * 1024 * 1024, metavar="N",
                       help="largest request body; larger ones get 413 (default: 2 MiB)")
    serve.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                       help="time limit of one check (default: 10)")
    serve.add_argument("--config", type=Path, default=None, metavar="FILE")
    serve.add_argument("--lexicon", action="append", default=[], metavar="PATH")
    serve.set_defaults(run=_run_serve)

    cache = commands.add_parser("cache", help="manage the compiled-lexicon cache")
    cache_commands = cache.add_subparsers(metavar="ACTION")
    cache_clear = cache_commands.add_parser("clear", help="remove cached lexicons")
    cache_clear.set_defaults(run=_run_cache_clear)
    return parser


def _codes(value: str) -> tuple[str, ...]:
    codes = tuple(c.strip().upper() for c in value.split(",") if c.strip())
    for code in codes:
        if not is_code_prefix(code):
            raise argparse.ArgumentTypeError(f"{code!r} is not a code prefix such as ZG1 or ZG101")
    return codes


def _encoding(value: str) -> str:
    import codecs

    try:
        return codecs.lookup(value).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r}") from None


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _confidence(value: str) -> float:
    number = float(value)
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return number


def _settings(args: argparse.Namespace):
    """The config file's settings, overridden by the command line's."""

    from zhguard.config import Config
    from zhguard.config_file import find_config, load_config

    path = args.config or find_config(Path.cwd())
    config = load_config(path) if path is not None else Config()
    overrides = {
        "select": args.select, "ignore": args.ignore, "min_confidence": args.min_confidence,
        "fail_on": Severity[args.fail_on.upper()] if args.fail_on else None, "as_of": args.as_of,
        "encoding": args.encoding, "place": args.place,
    }
    config = config._replace(**{k: v for k, v in overrides.items() if v is not None})
    return config._replace(lexicons=(*config.lexicons, *args.lexicon))


def _run_check(args: argparse.Namespace) -> int:
    from zhguard.batch import Options, check_all, default_jobs, targets
    from zhguard.checker import Checker

    config = _settings(args)
    checker = Checker(config, use_cache=not args.no_cache)
    items = list(targets(args.paths, config.exclude))
    options = Options(fix=args.fix, diff=args.diff, unsafe_fixes=args.unsafe_fixes)
    if args.dask and (args.fix or args.diff):
        print("zhguard: error: --dask checks only; run --fix or --diff without it", file=sys.stderr)
        return EXIT_ERROR
    if args.dask:
        outcomes, progress = _dask_outcomes(checker, items, args.dask), None
    else:
        jobs = args.jobs or default_jobs()
        progress = _Progress() if _Progress.wanted(len(items)) else None
        outcomes = check_all(checker, items, options, jobs, progress)
    results, errors, failing = [], False, False
    for outcome in outcomes:
        if outcome.diff:  # in the file's own encoding, so that `git apply` takes it
            sys.stdout.flush()
            sys.stdout.buffer.write(outcome.diff)
            sys.stdout.buffer.flush()
        for note in outcome.notes:
            print(note, file=sys.stderr)
        result = outcome.result
        errors = errors or result.error is not None
        failing = failing or any(f.severity >= config.fail_on for f in result.findings)
        if args.format == "jsonl":  # streamed: an archive's results are never all in memory
            from zhguard.report.json import format_line

            print(format_line(result), flush=True)
        else:
            results.append(result)
    if progress:
        progress.finish()
    if args.format != "jsonl":
        _print_results(results, args.format)
    _note_stale_facts(checker, config.as_of or dt.date.today())
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _dask_outcomes(checker, items: list, address: str):
    """Outcomes from a Dask cluster, in the order of a run without it; archives' pages are read
    here as a stream and checked there."""
    from zhguard.batch import Outcome
    from zhguard.dask import check, connect
    from zhguard.warc import Closing, is_warc, read_archive

    notes = []

    def work():
        for item in items:
            if item.error is not None or not is_warc(item.path):
                yield item
                continue
            for part in read_archive(str(item.path)):
                if isinstance(part, Closing):
                    notes.append(part.note)
                    yield part.result
                else:
                    yield part

    with connect(address) as client:
        for result in check(client, checker, work()):
            yield Outcome(result)
    for note in notes:
        print(note, file=sys.stderr)


def _note_stale_facts(checker, as_of: dt.date) -> None:
    """Once per run, not on every finding: the facts may be older than the documents."""
    from zhguard.lexicon.stats import newest_fact, stale_note

    note = stale_note(newest_fact(checker.compiled.lexicon), as_of)
    if note is not None:
        print(note, file=sys.stderr)


class _Progress:
    """``已检查 120/2000 个文件`` on stderr, redrawn in place: only on a terminal, for many files,
    and never inside pre-commit (which captures output).  A line of text needs no library."""

    MIN_FILES = 50

    @classmethod
    def wanted(cls, count: int) -> bool:
        return count >= cls.MIN_FILES and sys.stderr.isatty() and "PRE_COMMIT" not in os.environ

    def __init__(self) -> None:
        self._shown = -1

    def __call__(self, done: int, total: int) -> None:
        percent = done * 100 // total
        if percent != self._shown:
            self._shown = percent
            sys.stderr.write(f"\r已检查 {done}/{total} 个文件 ({percent}%)")
            sys.stderr.flush()

    def finish(self) -> None:
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()


def _print_results(results: list, output_format: str) -> None:
    if output_format in ("json", "sarif", "html"):
        from zhguard.report import html, json as json_report, sarif

        reporter = {"json": json_report, "sarif": sarif, "html": html}[output_format]
        print(reporter.format_results(results), end="" if output_format == "html" else "\n")
        return
    from zhguard.report.text import format_error, format_findings

    for result in results:
        if result.error is not None:
            print(format_error(result), file=sys.stderr)
        for line in format_findings(result):
            print(line)


def _run_rule(args: argparse.Namespace) -> int:
    if args.all or not args.code:
        for rule in RULES.values():
            print(f"{rule.code}  {rule.name:<32} [{rule.severity.label}] {rule.status.value}  "
                  f"{rule.summary}")
        return EXIT_CLEAN
    rule = RULES.get(args.code.upper())
    if rule is None:
        print(f"zhguard: error: unknown rule {args.code!r} (see `zhguard rule --all`)", file=sys.stderr)
        return EXIT_ERROR
    print(f"{rule.code} {rule.name}")
    print(f"类别: {rule.category.value}  类型: {rule.kind.value}  严重程度: {rule.severity.label}  "
          f"状态: {rule.status.value}")
    print(rule.summary)
    print(f"示例: {rule.example}")
    print(f"改正: {rule.fixed}")
    print(f"自动修正: {describe_fix(rule)}")
    return EXIT_CLEAN


def _run_lexicon_check(args: argparse.Namespace) -> int:
    """Every problem of every file, one ``zhguard: error: path:line: reason`` line each."""
    from zhguard.lexicon.load import bundled_files, load_lexicon, user_files
    from zhguard.lexicon.validate import check_all

    files = bundled_files() + user_files(args.paths)
    problems = check_all(files)
    for problem in problems:
        print(f"zhguard: error: {problem}", file=sys.stderr)
    if problems:
        return EXIT_ERROR
    lexicon = load_lexicon(files)
    print(f"ok: {len(lexicon.entries)} terms, {len(lexicon.allows)} allowed phrases, "
          f"{len(lexicon.sources)} sources")
    return EXIT_CLEAN


def _run_lexicon_stats(args: argparse.Namespace) -> int:
    from zhguard.lexicon.load import bundled_files, load_lexicon, user_files
    from zhguard.lexicon.stats import age_in_days, newest_fact, parse_all, row_counts, source_dates, totals

    files = bundled_files() + user_files(args.paths)
    parsed = parse_all(files)
    counts = row_counts(parsed)
    newest_source, cited, published = source_dates(parsed)
    today = dt.date.today()
    for name, label, rows in counts:
        dated = newest_source.get(name)
        age = f"  newest source {dated} ({age_in_days(dated, today)} days old)" if dated else ""
        print(f"{rows:>7}  {label:<28} {name}{age}")
    for label, rows in sorted(totals(counts).items()):
        print(f"{rows:>7}  {label}")
    print("rows citing each source (source id, its date):")
    for source, rows in sorted(cited.items(), key=lambda item: (-item[1], item[0])):
        print(f"{rows:>7}  {source}  {published.get(source) or 'undated'}")
    newest = newest_fact(load_lexicon(files))
    shown = newest.isoformat() if newest else "none"
    print(f"newest fact: {shown} (latest valid_from or valid_to of an office)")
    return EXIT_CLEAN


def _run_lexicon_build(args: argparse.Namespace) -> int:
    from zhguard.charmodel import load_char_model
    from zhguard.detect import typos
    from zhguard.detect.townships import load_townships
    from zhguard.lexicon.load import load_compiled, user_files
    from zhguard.wordmodel import load_word_model

    compiled = load_compiled(user_files(args.paths), bundled=True)
    print(f"ok: {len(compiled.patterns)} patterns compiled and cached")
    # The general-typo scan's tables and models are built on a first check otherwise (~5 s): a CI image
    # warmed with this command starts every check warm.
    typos.load_tables(typos.lexicon_words(compiled))
    load_word_model()
    load_char_model()
    load_townships()
    print("ok: the general-typo tables, word and character models and township table cached")
    return EXIT_CLEAN


def _run_learn(args: argparse.Namespace) -> int:
    from pathlib import Path

    from zhguard.batch import targets
    from zhguard.checker import Checker
    from zhguard.document import read_document
    from zhguard.formats import prose
    from zhguard.learn import learn, write_lexicon

    pages, failed = [], 0
    for item in targets(args.paths):
        if item.path is None:
            print(f"zhguard: error: {item.name}: {item.error or 'cannot read standard input here'}",
                  file=sys.stderr)
            failed += 1
            continue
        try:
            pages.append((item.name, prose(item.name, read_document(item.path).text)[0]))
        except ZhguardError as exc:
            print(f"zhguard: error: {exc}", file=sys.stderr)
            failed += 1
    checker = Checker()
    known = {e.canonical for e in checker.compiled.lexicon.entries}
    titles = [cue.cue for cue in checker._judge.title_cues]
    rows = learn(pages, known, titles)
    written = write_lexicon(rows, Path(args.output), " ".join(args.paths))
    counts = ", ".join(f"{category} {sum(r.category == category for r in rows)}"
                       for category in sorted({r.category for r in rows})) or "nothing"
    print(f"{len(pages)} pages read; {len(rows)} names proposed ({counts}); wrote "
          + ", ".join(str(path) for path in written))
    print("review each row, then: zhguard lexicon check DIR; zhguard check --lexicon DIR …")
    return EXIT_ERROR if failed else EXIT_CLEAN


def _run_serve(args: argparse.Namespace) -> int:
    try:
        from zhguard.server.run import serve  # Starlette and uvicorn only here: an optional extra
    except ImportError as exc:
        if (exc.name or "").startswith("zhguard"):
            raise
        print(f"zhguard: error: zhguard serve needs the server extra ({exc.name} is missing): "
              "pip install 'zhguard[server]'", file=sys.stderr)
        return EXIT_ERROR

    return serve(args.host, args.port, token=args.token, max_bytes=args.max_bytes, timeout=args.timeout,
                 config_path=args.config, lexicons=args.lexicon)


def _run_cache_clear(args: argparse.Namespace) -> int:
    from zhguard.lexicon.cache import cache_dir, clear

    print(f"removed {clear()} cached file(s) from {cache_dir()}")
    return EXIT_CLEAN
