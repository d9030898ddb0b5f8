"""A bounded load test of ``zhguard serve`` on loopback: throughput and latency percentiles.

Not part of the test run (it takes a while and its figures depend on the machine).  It starts
``python -m zhguard serve`` on a free loopback port, unless --url names a running one, and sends
--requests POST /v1/check requests, --concurrency at a time, each a page-sized draft:

    python benchmarks/load_serve.py --requests 500 --concurrency 20

Needs the test extra (httpx2 and the server extra).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator

import httpx2 as httpx

# A page of a government site: a notice with three findings among ordinary sentences.
PAGE = ("关于开展政府网站内容自查的通知\n各街道、区直各部门：\n"
        "为深入学习习进平总书记关于网络强国的重要思想，坚持中国特色社会注意道路，现就有关事项通知如下。\n"
        "一、区环保局负责本部门网站栏目的日常检查，确保发布内容准确规范。\n"
        "二、各单位要坚持以人民为中心的发展思想，推进国家治理体系和治理能力现代化。\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--kb", type=float, default=2.0, help="size of each draft in KB of UTF-8")
    parser.add_argument("--url", default=None, help="a running server (default: start one)")
    args = parser.parse_args()
    repeat = max(1, round(args.kb * 1024 / len(PAGE.encode())))
    text = PAGE * repeat
    with _server(args.url) as url:
        latencies, statuses, elapsed = asyncio.run(_load(url, text, args.requests, args.concurrency))
    ordered = sorted(latencies)

    def percentile(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000

    print(f"{args.requests} requests, {args.concurrency} concurrent, {len(text.encode()) / 1024:.1f} KB each, "
          f"{os.cpu_count()} CPUs")
    print(f"status: {dict(sorted(statuses.items()))}")
    print(f"throughput: {args.requests / elapsed:.1f} requests/s ({elapsed:.2f} s in all)")
    print(f"latency ms: p50 {percentile(50):.1f}  p90 {percentile(90):.1f}  p99 {percentile(99):.1f}  "
          f"max {ordered[-1] * 1000:.1f}  mean {statistics.fmean(ordered) * 1000:.1f}")
    return 0 if set(statuses) == {200} else 1


async def _load(url: str, text: str, total: int, concurrency: int):
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    queue = iter(range(total))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:
        await client.post("/v1/check", json={"text": text})  # the first request pays for nothing

        async def worker() -> None:
            for _ in queue:
                started = time.perf_counter()
                response = await client.post("/v1/check", json={"text": text})
                latencies.append(time.perf_counter() - started)
                statuses[response.status_code] += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return latencies, statuses, time.perf_counter() - started


@contextlib.contextmanager
def _server(url: str | None) -> Iterator[str]:
    if url:
        yield url.rstrip("/")
        return
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "zhguard", "serve", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{url}/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("zhguard serve did not start")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(10)


if __name__ == "__main__":
    raise SystemExit(main())
