"""Checking on a Dask cluster (``pip install 'zhguard[dask]'``; issue 22).

The Checker (picklable, ~10 MB) goes to each worker once, through a worker plugin, not with every
task.  Items are files (``batch.Target``) or web-archive pages (``warc.Page``); each gives a
``FileResult``, and a failure on one is an error result that stops nothing.  ``check`` yields the
results in the order of the items, so the findings are those of a single-process run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError as exc:  # pragma: no cover - the extra is not installed
    raise ImportError("zhguard.dask needs the dask extra: pip install 'zhguard[dask]'") from exc

from zhguard.report import FileResult

PLUGIN = "zhguard-checker"
# Items per task: enough to outweigh a task's overhead (~1 ms), few enough to spread an archive.
BATCH = 64
# Tasks in flight per worker thread: bounded, so a 1 GB archive is never all in memory at once.
IN_FLIGHT_PER_THREAD = 4


class CheckerPlugin(WorkerPlugin):
    """A worker plugin holding the Checker: pickled once per worker when it is registered."""

    name = PLUGIN

    def __init__(self, checker) -> None:
        self.checker = checker

    def setup(self, worker) -> None:
        pass


def register(client, checker) -> None:
    """Send ``checker`` to every worker of ``client`` (and to workers that join later)."""
    client.register_plugin(CheckerPlugin(checker), name=PLUGIN)


def _checker():
    from distributed import get_worker

    return get_worker().plugins[PLUGIN].checker


def check_item(checker, item) -> FileResult:
    """One file's or one archive page's result; never raises."""
    from zhguard.batch import Options, check_target
    from zhguard.warc import Page, check_page

    try:
        if isinstance(item, FileResult):  # decided on the client (an archive's own entry)
            return item
        if isinstance(item, Page):
            return check_page(checker, item)
        return check_target(checker, item, Options()).result
    except Exception as exc:  # noqa: BLE001 - recorded in the output, stops nothing
        return FileResult(getattr(item, "name", repr(item)), error=f"{type(exc).__name__}: {exc}")


def check_batch(items: list) -> list[FileResult]:
    """A task: the worker's own Checker (from the plugin) over a batch of items."""
    checker = _checker()
    return [check_item(checker, item) for item in items]


def check_bag(bag, client, checker):
    """A dask.bag of FileResults for a bag of files (``Target``) or archive pages (``Page``)."""
    register(client, checker)
    return bag.map_partitions(check_batch)


def check(client, checker, items: Iterable) -> Iterator[FileResult]:
    """Results in the order of ``items``, each batch as soon as it and those before it are done;
    ``items`` is read lazily (an archive's pages are streamed), with a bounded number of tasks out."""
    register(client, checker)
    threads = sum(client.nthreads().values()) or 1
    window = threads * IN_FLIGHT_PER_THREAD
    items = iter(items)
    pending = []
    while True:
        while len(pending) < window:
            batch = list(islice(items, BATCH))
            if not batch:
                break
            pending.append(client.submit(check_batch, batch, pure=False))
        if not pending:
            return
        future = pending.pop(0)
        yield from future.result()
        future.release()


@contextmanager
def connect(address: str):
    """A Client for ``local:N`` (a LocalCluster of N one-thread worker processes, closed after) or
    for a scheduler's address (``tcp://host:8786``)."""
    from distributed import Client, LocalCluster

    if not address.startswith("local:"):
        with Client(address) as client:
            yield client
        return
    workers = int(address.partition(":")[2])
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) \
            as cluster, Client(cluster) as client:
        yield client
