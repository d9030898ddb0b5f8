"""Many files and large ones: --jobs keeps the single-process output, large text is checked in
segments with the same findings in bounded memory, and a file the user cannot read is named."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from zhguard.cli import main

LINES = ["各单位要认真学习贯彻会议精神，推动工作落实。", "深入学习习进平总书记重要讲话精神。",
         "坚持和发展中国特色社会注意。", "区环保局召开会议。", "人民政府,街道办事处"]


def _json(args, capsys) -> tuple[int, list]:
    code = main(["check", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)["files"]


def test_jobs_give_the_single_process_output_in_the_same_order(tmp_path, capsys):
    for i in range(24):
        (tmp_path / f"page{i:02}.txt").write_text("\n".join(LINES[: 1 + i % len(LINES)]), encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe\x00binary")
    single = _json(["--jobs", "1", str(tmp_path)], capsys)
    parallel = _json(["--jobs", "2", str(tmp_path)], capsys)
    assert single == parallel
    code, files = single
    assert code == 2 and len(files) == 25 and "error" in files[0]  # broken.txt sorts first
    assert sum(len(f.get("findings", ())) for f in files) > 24


def test_jobs_fix_every_file(tmp_path, capsys):
    for i in range(12):
        (tmp_path / f"page{i:02}.txt").write_text("深入学习习进平总书记讲话\n", encoding="utf-8")
    assert main(["check", "--jobs", "2", "--fix", str(tmp_path)]) == 0
    assert {p.read_text(encoding="utf-8") for p in tmp_path.iterdir()} == {"深入学习习近平总书记讲话\n"}


def _large_text() -> str:
    lines = [LINES[i % len(LINES)] + ("\r\n" if i % 7 == 0 else "\n") for i in range(400)]
    lines.insert(200, "长" * 3000 + "\n")  # a line longer than a segment: cut where it must be
    return "".join(lines)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_large_file_in_segments_has_the_whole_files_findings(tmp_path, capsys, monkeypatch, encoding):
    import zhguard.document as document

    path = tmp_path / "archive.txt"
    path.write_bytes(_large_text().encode(encoding))
    whole = _json([str(path)], capsys)
    monkeypatch.setattr(document, "LARGE_BYTES", 2048)
    monkeypatch.setattr(document, "SEGMENT_BYTES", 1024)
    monkeypatch.setattr(document, "_DETECT_BYTES", 1024)
    segmented = _json([str(path)], capsys)
    assert segmented == whole
    assert whole[0] == 1 and len(whole[1][0]["findings"]) > 300


def test_a_large_file_that_stops_decoding_is_named_with_the_byte(tmp_path, capsys, monkeypatch):
    import zhguard.document as document

    monkeypatch.setattr(document, "LARGE_BYTES", 2048)
    monkeypatch.setattr(document, "SEGMENT_BYTES", 1024)
    monkeypatch.setattr(document, "_DETECT_BYTES", 1024)
    path = tmp_path / "archive.txt"
    data = _large_text().encode("utf-8")
    path.write_bytes(data[:5000] + b"\xff" + data[5000:])
    (tmp_path / "page.txt").write_text("深入学习习进平总书记讲话", encoding="utf-8")
    assert main(["check", str(path), str(tmp_path / "page.txt")]) == 2
    captured = capsys.readouterr()
    assert f"{path}: error: not valid utf-8 at byte 5000" in captured.err
    assert "page.txt:1:5: ZG101" in captured.out


def test_large_files_are_checked_in_bounded_memory(tmp_path):
    """Peak memory checking a 6 MB file in segments is that of checking a small one."""
    script = textwrap.dedent("""
        import resource, sys, io, contextlib
        import zhguard.document as document
        document.LARGE_BYTES, document.SEGMENT_BYTES = 1 << 20, 1 << 18
        from zhguard.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            main(["check", "--format", "json", sys.argv[1]])
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    """)
    def text(lines: int) -> str:  # findings are kept, so only a few: one every thousand lines
        return "".join(f"第{i}条 各单位要认真学习贯彻会议精神，推动工作落实，深入学习"
                       f"{'习进平' if i % 1000 == 0 else '习近平'}讲话。\n" for i in range(lines))

    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text(text(2000), encoding="utf-8")
    large.write_text(text(60000), encoding="utf-8")
    assert large.stat().st_size > 6_000_000

    def peak_kb(path) -> int:
        done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True,
                              check=True, timeout=600)
        return int(done.stdout.split()[-1])

    # holding the whole text (and its coded copies) would add well over 30 MB
    assert peak_kb(large) - peak_kb(small) < 20_000


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("setpriv") is None,
                    reason="needs root to run the check as another user (setpriv)")
def test_a_file_the_user_cannot_read_is_named_and_the_others_checked():
    """Root reads everything, so the check runs as nobody, in a directory nobody may enter."""
    import tempfile
    from pathlib import Path

    shared = Path(tempfile.mkdtemp(prefix="zhguard-nobody-"))
    try:
        _check_as_nobody(shared)
    finally:
        shutil.rmtree(shared)


def _check_as_nobody(shared):
    secret, page = shared / "secret.txt", shared / "page.txt"
    secret.write_text("学习习进平", encoding="utf-8")
    page.write_text("学习习进平", encoding="utf-8")
    secret.chmod(0)
    cache = shared / "cache"
    shutil.copytree(os.environ["ZHGUARD_CACHE_DIR"], cache)
    for path in (shared, cache, *cache.iterdir()):
        path.chmod(0o777 if path.is_dir() else 0o644)
    page.chmod(0o644)
    done = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                           sys.executable, "-m", "zhguard", "check", str(secret), str(page)],
                          capture_output=True, text=True, timeout=600,
                          env={**os.environ, "ZHGUARD_CACHE_DIR": str(cache), "HOME": str(shared)})
    assert done.returncode == 2, done.stderr
    assert f"{secret}: error: cannot read: Permission denied" in done.stderr
    assert f"{page}:1:3: ZG101" in done.stdout


def test_default_jobs_follow_the_usable_cpus_and_stay_bounded(monkeypatch):
    from zhguard import batch

    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(64)), raising=False)
    assert batch.default_jobs() == batch.MAX_DEFAULT_JOBS
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {3}, raising=False)
    assert batch.default_jobs() == 1


def _children(pid: int) -> set[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        return {int(child) for child in path.read_text().split()}
    except OSError:
        return set()


def _alive(pid: int) -> bool:
    """Running or sleeping: a zombie (a reaper that never waits, as in some containers) is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] not in "ZX"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("signal_number", [signal.SIGKILL, signal.SIGTERM])
def test_workers_exit_when_the_parent_is_killed_issue_24(tmp_path, signal_number):
    """Issue 24: after kill -9 (or SIGTERM) of a --jobs run, its workers slept for hours under PID 1."""
    import time

    paragraph = "各单位要认真学习贯彻会议精神，深入学习习进平总书记重要讲话。" * 400
    for i in range(400):
        (tmp_path / f"{i:03}.txt").write_text(paragraph, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, "-m", "zhguard", "check", "--jobs", "2", str(tmp_path)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
            workers = _children(parent.pid)
            time.sleep(0.05)
        assert len(workers) == 2, "the run ended before its workers could be seen"
        parent.send_signal(signal_number)
        parent.wait(10)
        deadline = time.monotonic() + 5
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in workers if _alive(pid)]
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        for pid in workers:  # a failed run must not leave them behind either
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
