"""``zhguard check --jobs N`` on many files: the whole process, N = 1 beside N = 2 (min of runs).

Run: ``python benchmarks/jobs.py [FILES] [RUNS]`` (default 200 files, 3 runs).  The files are
pieces of the clean corpus (or of the sample where it is absent), about 4 KB each.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT.parent / "shared" / "data" / "clean"


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    sources = sorted(CLEAN.glob("*.txt")) or [ROOT / "examples" / "sample.txt"]
    text = "\n".join(p.read_text(encoding="utf-8") for p in sources)
    piece = 1400  # characters, ~4 KB of UTF-8
    with tempfile.TemporaryDirectory(prefix="zhguard-jobs-") as directory:
        for i in range(count):
            start = (i * piece) % max(1, len(text) - piece)
            Path(directory, f"page{i:04}.txt").write_text(text[start:start + piece], encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        base = [sys.executable, "-m", "zhguard", "check", "--format", "json", directory]
        subprocess.run(base, env=env, stdout=subprocess.DEVNULL)  # warm the cache
        times = {}
        outputs = {}
        for jobs in (1, 2):
            best = float("inf")
            for _ in range(runs):
                started = time.perf_counter()
                done = subprocess.run([*base, "--jobs", str(jobs)], env=env, capture_output=True)
                best = min(best, time.perf_counter() - started)
            times[jobs], outputs[jobs] = best, done.stdout
    print(f"{count} files of ~4 KB, min of {runs} runs, {os.cpu_count()} CPUs")
    for jobs, seconds in times.items():
        print(f"  --jobs {jobs}: {seconds:.2f} s")
    print(f"  speed-up --jobs 2 / --jobs 1: {times[1] / times[2]:.2f}x; same output: {outputs[1] == outputs[2]}")


if __name__ == "__main__":
    main()
