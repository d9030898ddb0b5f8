"""Whole-process start-up of the CLI on one small file, beside ``python -c pass`` (min of N runs).

Run: ``python benchmarks/cli_startup.py [N]``.  Warm = the compiled lexicon is
cached; cold = the cache directory is emptied before every run (parse + compile).
Also prints the peak RSS of a process holding the default Checker (Linux: ru_maxrss in KB).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample.txt"


def best_of(runs: int, argv: list[str], env: dict[str, str], before=None) -> float:
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    cache = Path(tempfile.mkdtemp(prefix="zhguard-bench-"))
    # Bytecode is written as after a normal install (a sandbox may set PYTHONDONTWRITEBYTECODE, which
    # would make every run recompile every module).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["ZHGUARD_CACHE_DIR"] = str(cache)
    cli = [sys.executable, "-m", "zhguard", "check", str(SAMPLE)]

    def empty_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    rows = [
        ("python -c pass", best_of(runs, [sys.executable, "-c", "pass"], env)),
        ("python -c 'import zhguard'", best_of(runs, [sys.executable, "-c", "import zhguard"], env)),
        ("zhguard check sample (cold cache)", best_of(runs, cli, env, before=empty_cache)),
    ]
    subprocess.run(cli, env=env, stdout=subprocess.DEVNULL)  # warm the cache
    rows.append(("zhguard check sample (warm cache)", best_of(runs, cli, env)))
    base = rows[0][1]
    print(f"min of {runs} runs, {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    for name, seconds in rows:
        print(f"  {name:<36} {seconds * 1000:7.1f} ms   {seconds / base:5.2f}x python -c pass")
    print(f"  peak RSS, a process holding the default Checker after one check: {peak_rss_mb(env):.0f} MB")
    shutil.rmtree(cache, ignore_errors=True)


def peak_rss_mb(env: dict[str, str]) -> float:
    code = ("import resource, zhguard; zhguard.check('深入学习习进平总书记讲话'); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1]) / 1024


if __name__ == "__main__":
    main()
