"""Instructions per character of the default check() on clean-2026, counted by callgrind: a speed A/B
that machine noise cannot move.

Run: ``python benchmarks/instructions.py [SRC ...]`` (each SRC a ``src`` folder of a checkout or a
``git worktree``; default: this checkout's).  The first SRC is the baseline; each other one is shown
as a ratio to it.

Wall-clock runs on this shared 2-core machine move by 5-10% between minutes (a paired A/B of the same
code gave 0.92 and 0.98 within the hour), more than most single changes save.  callgrind counts the
instructions the interpreter executes, which repeat to 0.1% between runs.  Only the checks are
counted: the child process loads the lexicon and builds the steady state's scanners uncounted, then
checks every report once inside ``functools.reduce``, whose C function callgrind is told to count in
(``--toggle-collect``).  Instructions are not time (memory stalls are not counted), but a change that
removes 5% of them is a change that removes work.  One run takes ~45 s (valgrind runs ~50x slower).

Skipped, saying so, without valgrind or ../shared; an interpreter built without symbols counts
nothing, which is reported rather than shown as zero.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from splits import clean_2026_files  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
COUNTED = "functools_reduce"  # the C function whose calls callgrind counts (see CHILD)
# The child: everything but the reduce is uncounted.  FAST_AFTER = 0 builds each automaton's faster
# twin at the first check, as a batch or a server runs (throughput.py's "default check()").
CHILD = """
import functools, os, sys
from pathlib import Path
texts = [Path(p).read_text(encoding="utf-8") for p in sys.argv[1:]]
from zhguard.checker import Checker
from zhguard.lexicon import fanout
fanout.FAST_AFTER = 0
checker = Checker()
checker.check(texts[0])
if not os.environ.get("ZHGUARD_WARM_ONLY"):
    functools.reduce(lambda kept, text: (checker.check(text), kept)[1], texts, 0)
"""


def count(src: Path, files: list[Path], out: Path) -> int | None:
    """Instructions of one check of every file, with zhguard imported from ``src``."""
    env = dict(os.environ, PYTHONPATH=str(src))
    argv = [sys.executable, "-c", CHILD, *map(str, files)]
    # the lexicon caches built outside valgrind (a cold build under it would take minutes)
    subprocess.run(argv, env=dict(env, ZHGUARD_WARM_ONLY="1"), check=True)
    subprocess.run(["valgrind", "--tool=callgrind", "--collect-atstart=no", f"--toggle-collect={COUNTED}",
                    f"--callgrind-out-file={out}", *argv], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for line in out.read_text().splitlines():
        if line.startswith("summary:"):
            return int(line.split()[1]) or None
    return None


def main() -> int:
    files = clean_2026_files()
    if not files:
        print("skipped: ../shared/data/clean-2026 is not present (it is only in the developers' workspace)")
        return 0
    if shutil.which("valgrind") is None:
        print("skipped: valgrind is not installed (apt install valgrind)")
        return 0
    sources = [Path(arg).resolve() for arg in sys.argv[1:]] or [ROOT / "src"]
    chars = sum(len(path.read_text(encoding="utf-8")) for path in files)
    print(f"clean-2026: {len(files)} reports, {chars:,} characters; one check of each, steady-state scanners")
    baseline = None
    with tempfile.TemporaryDirectory(prefix="zhguard-callgrind-") as work:
        for number, src in enumerate(sources):
            total = count(src, files, Path(work) / f"callgrind-{number}.out")
            if total is None:
                print(f"  {src}: nothing counted (an interpreter without symbols has no {COUNTED} to count in)")
                continue
            baseline = baseline or total
            print(f"  {src}: {total:,} instructions, {total / chars:,.0f} per character, "
                  f"{total / baseline:.3f}x the first")
    return 0


if __name__ == "__main__":
    sys.exit(main())
