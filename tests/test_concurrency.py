"""One Checker across processes, two processes compiling one cache, and --fix killed mid-write."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from concurrent.futures import ProcessPoolExecutor

import pytest

TEXTS = ["深入学习习进平总书记讲话，区环保局。", "湖南省宜昌市，国务园办公厅。", "中国特色社会注意思想 13812345678"]


def _check_in_worker(args):
    checker, text = args
    return [(f.code, f.start, f.end, f.suggestion) for f in checker.check(text)]


def test_a_process_pool_gives_the_single_process_findings(checker):
    expected = [_check_in_worker((checker, t)) for t in TEXTS]
    with ProcessPoolExecutor(max_workers=2) as pool:
        assert list(pool.map(_check_in_worker, [(checker, t) for t in TEXTS])) == expected


def test_two_processes_compiling_one_cache_both_get_a_correct_result(tmp_path):
    # an installed wheel's prebuilt lexicon (issue 21) would spare them the compiling
    code = ("from zhguard.lexicon import cache; cache.PREBUILT_DIR = cache.PREBUILT_DIR.with_name('none'); "
            "import zhguard; print([f.code for f in zhguard.check('学习习进平讲话')])")
    env = {**os.environ, "ZHGUARD_CACHE_DIR": str(tmp_path)}
    procs = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
             for _ in range(2)]
    outputs = [p.communicate(timeout=300)[0].strip() for p in procs]
    assert outputs == ["['ZG101']", "['ZG101']"]
    assert len(list(tmp_path.glob("lexicon-*.pickle"))) == 1
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")
def test_a_fix_killed_mid_write_leaves_the_original_intact(tmp_path):
    """The writer is stopped after the temporary file is written but before the rename."""
    doc = tmp_path / "a.txt"
    original = "学习习进平讲话\n" * 20000
    doc.write_text(original, encoding="utf-8")
    script = textwrap.dedent(f"""
        import os, time
        from pathlib import Path
        from zhguard.fix import write_fixed
        real_replace = os.replace
        def slow_replace(src, dst):
            print("written", flush=True)
            time.sleep(60)
            real_replace(src, dst)
        os.replace = slow_replace
        path = Path({str(doc)!r})
        data = path.read_bytes()
        write_fixed(path, data, data.decode().replace("习进平", "习近平"))
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "written"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert doc.read_text(encoding="utf-8") == original
