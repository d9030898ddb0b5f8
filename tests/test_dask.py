"""Checking on a Dask cluster (issue 22): the same findings as a run without it, in the same order."""

from __future__ import annotations

import json

import pytest

from zhguard.cli import main

pytest.importorskip("distributed")
pytest.importorskip("dask.bag")

from test_warc import site_records, write_warc  # noqa: E402

TEXTS = {
    "a.txt": "深入学习习进平总书记重要讲话\n",
    "b.html": "<p>坚持中国特色社会注意</p>\n<p>深入学习习近平总书记重要讲话</p>\n",
    "c/d.md": "# 通知\n\n再接再励，一如继往。\n",
    "c/e.txt": "这是干净的文本。\n",
}


@pytest.fixture
def site(tmp_path):
    folder = tmp_path / "site"
    for name, text in TEXTS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    archive = tmp_path / "site.warc.gz"
    write_warc(archive, site_records() + [("https://example.gov.cn/broken.html", "200 OK",
                                           "text/html", b"\0\0binary")])
    return folder, archive


def run_jsonl(capsys, *args):
    status = main(["check", "--format", "jsonl", *args])
    captured = capsys.readouterr()
    return status, [json.loads(line) for line in captured.out.splitlines()], captured.err


def test_dask_local_cluster_gives_the_same_findings(site, capsys):
    folder, archive = site
    plain = run_jsonl(capsys, str(folder), str(archive))
    on_dask = run_jsonl(capsys, "--dask", "local:2", str(folder), str(archive))
    assert on_dask[:2] == plain[:2]
    status, lines, err = on_dask
    assert status == 2  # the binary record is an error result, and nothing else stopped
    paths = [line["path"] for line in lines]
    assert paths[:4] == [str(folder / "a.txt"), str(folder / "b.html"), str(folder / "c/d.md"),
                         str(folder / "c/e.txt")]
    assert "binary" in lines[paths.index(f"{archive}#https://example.gov.cn/broken.html")]["error"]
    assert [f["code"] for f in lines[paths.index(f"{archive}#https://example.gov.cn/a.html")]["findings"]] \
        == ["ZG101"]
    assert "3 HTML pages checked; skipped 1 error response, 1 non-HTML, 1 redirect" in err


def test_dask_bag_api_on_two_worker_processes(site):
    import dask.bag as db
    from distributed import Client, LocalCluster

    import zhguard.dask
    from zhguard.batch import targets
    from zhguard.checker import Checker
    from zhguard.warc import pages

    folder, archive = site
    items = [*targets([str(folder)]), *pages(str(archive))]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        results = zhguard.dask.check_bag(db.from_sequence(items, npartitions=3), client, Checker()).compute()
        pids = client.run(lambda dask_worker: dask_worker.plugins[zhguard.dask.PLUGIN].checker is not None)
    assert len(pids) == 2 and all(pids.values())  # each worker holds the Checker, sent once
    by_path = {r.path: r for r in results}
    assert [f.code for f in by_path[str(folder / "a.txt")].findings] == ["ZG101"]
    assert [f.code for f in by_path[f"{archive}#https://example.gov.cn/a.html"].findings] == ["ZG101"]
    assert by_path[f"{archive}#https://example.gov.cn/broken.html"].error
