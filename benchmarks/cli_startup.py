"""Whole-process runs of the CLI on one 6 KB page, paired with codespell on the same file.

Run: ``python benchmarks/cli_startup.py [N]`` (N pairs, default 10).

Issue 21's line: a warm ``zhguard check`` of one 6 KB page takes at most 1.2x codespell's time on
it, with a peak RSS of at most 100 MB.  The two commands run in turn, N times, so the machine's
load falls on both alike; each figure is the median of its N runs, and the peak RSS is the child's
own (``os.wait4``).  The page is the first 6 KB of a 2026 report where ../shared is present, else the
sample notice repeated.  Warm = zhguard's cache directory holds the compiled tables; cold = it is
emptied before every run (parse and compile, as the first run after a source install).  codespell
is skipped, saying so, where it is not installed (``pip install codespell``).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from splits import clean_2026_files  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample.txt"
PAGE_BYTES = 6 * 1024


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and the child's peak RSS in MB."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def page(directory: Path) -> Path:
    files = clean_2026_files()
    text = files[0].read_text("utf-8") if files else SAMPLE.read_text("utf-8") * 20
    data = text.encode("utf-8")[:PAGE_BYTES].decode("utf-8", "ignore")
    path = directory / "page.txt"
    path.write_text(data, encoding="utf-8")
    return path


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    work = Path(tempfile.mkdtemp(prefix="zhguard-bench-"))
    cache = work / "cache"
    # Bytecode is written as after a normal install (a sandbox may set PYTHONDONTWRITEBYTECODE, which
    # would make every run recompile every module).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["ZHGUARD_CACHE_DIR"] = str(cache)
    target = page(work)
    bin_dir = Path(sys.executable).parent
    zhguard = [str(bin_dir / "zhguard"), "check", str(target)]
    codespell = shutil.which("codespell", path=str(bin_dir)) or shutil.which("codespell")

    cold = []
    for _ in range(max(3, runs // 3)):
        shutil.rmtree(cache, ignore_errors=True)
        cold.append(run(zhguard, env))
    run(zhguard, env)  # warm the cache
    pairs = []
    for _ in range(runs):
        pairs.append((run(zhguard, env), run([codespell, str(target)], env) if codespell else None))
    shutil.rmtree(work, ignore_errors=True)

    warm = statistics.median(z[0] for z, _ in pairs)
    print(f"{runs} paired runs, median; {sys.version.split()[0]}, {os.cpu_count()} CPUs; "
          f"page of {target.stat().st_size if target.exists() else PAGE_BYTES} bytes")
    print(f"  zhguard check, warm cache   {warm * 1000:6.0f} ms   peak RSS {max(z[1] for z, _ in pairs):4.0f} MB"
          "   (issue 21: <= 100 MB)")
    print(f"  zhguard check, cold cache   {statistics.median(t for t, _ in cold) * 1000:6.0f} ms   "
          f"peak RSS {max(r for _, r in cold):4.0f} MB")
    if codespell:
        theirs = statistics.median(c[0] for _, c in pairs)
        print(f"  codespell                   {theirs * 1000:6.0f} ms   peak RSS "
              f"{max(c[1] for _, c in pairs):4.0f} MB")
        print(f"  zhguard / codespell = {warm / theirs:.2f}   (issue 21: <= 1.2)")
    else:
        print("  codespell: not installed (pip install codespell), no pairing")


if __name__ == "__main__":
    main()
