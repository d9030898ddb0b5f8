"""1 Dask worker against 2 on a web archive of clean official prose (issue 22).

    python benchmarks/dask_scaling.py [--mb 50] [--workers 1,2]

Writes a temporary WARC of HTML pages (~3,000 characters each) cut from the clean 2026 work
reports in ../shared/data/clean-2026, read in place and repeated until the archive holds --mb
megabytes of pages (nothing is copied into the repository), checks it with ``zhguard.dask.check``
on a LocalCluster of 1 and then 2 one-thread worker processes, and prints the time, the speed-up,
each worker's peak RSS and whether the findings are identical.  Skips, saying why, when the data
is absent.
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "clean-2026"
PAGE_CHARS = 3000


def write_archive(path: Path, megabytes: float) -> tuple[int, int]:
    """(pages, characters) written: gzip-compressed WARC, as wget writes it."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    text = "".join(p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt")))
    chunks = [text[i:i + PAGE_CHARS] for i in range(0, len(text), PAGE_CHARS)]
    target, written, pages, chars = megabytes * 1e6, 0, 0, 0
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        while written < target:
            chunk = chunks[pages % len(chunks)]
            body = ("<html><head><title>第%d页</title></head><body>\n<p>" % pages
                    + chunk.replace("\n", "</p>\n<p>") + "</p>\n</body></html>\n").encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            url = f"https://example.gov.cn/p/{pages}.html"
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
            written += len(body)
            pages += 1
            chars += len(chunk)
    return pages, chars


def peak_rss_mb() -> float:
    """This process's peak RSS: VmHWM, which starts afresh in a new program (ru_maxrss is carried
    over from the parent a worker was started from, here the benchmark holding its own Checker)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(archive: Path, workers: int, checker) -> tuple[float, list, dict]:
    from distributed import Client, LocalCluster

    import zhguard.dask
    from zhguard.warc import pages

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) \
            as cluster, Client(cluster) as client:
        zhguard.dask.register(client, checker)
        client.run(lambda: None)  # workers up and holding the Checker before the clock starts
        started = time.perf_counter()
        results = [(r.path, tuple((f.code, f.start) for f in r.findings), r.error)
                   for r in zhguard.dask.check(client, checker, pages(str(archive)))]
        elapsed = time.perf_counter() - started
        rss = client.run(peak_rss_mb)
    return elapsed, results, rss


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=50)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--archive", type=Path, default=None, help="reuse (or write) this archive")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent (the clean 2026 work reports)")
        return 0
    from zhguard.checker import Checker

    with tempfile.TemporaryDirectory() as tmp:
        archive = args.archive or Path(tmp) / "site.warc.gz"
        if not archive.exists():
            pages, chars = write_archive(archive, args.mb)
            print(f"archive: {pages} pages, {chars / 1e6:.1f} M characters, "
                  f"{args.mb:.0f} MB of HTML, {archive.stat().st_size / 1e6:.1f} MB gzipped")
        checker = Checker()
        checker.check("预热")
        baseline = None
        timings = {}
        for workers in (int(w) for w in args.workers.split(",")):
            elapsed, results, rss = run(archive, workers, checker)
            timings[workers] = elapsed
            same = "" if baseline is None else \
                f"; findings identical to {min(timings)} worker(s): {results == baseline}"
            baseline = baseline or results
            findings = sum(len(r[1]) for r in results)
            peaks = ", ".join(f"{v:.0f}" for v in rss.values())
            print(f"{workers} worker(s): {elapsed:.1f} s, {len(results)} pages, {findings} findings, "
                  f"peak RSS per worker {peaks} MB{same}")
        if len(timings) > 1:
            first, last = min(timings), max(timings)
            print(f"speed-up {last} vs {first} worker(s): {timings[first] / timings[last]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
