"""Web archives (issue 22): HTML responses checked as pages named ARCHIVE#URL; the rest counted."""

from __future__ import annotations

import io
import json

import pytest

from zhguard.cli import main

warcio = pytest.importorskip("warcio")

PAGE = "<html><body>\n<p>深入学习习进平总书记重要讲话</p>\n</body></html>\n"
CLEAN = "<html><body><p>深入学习习近平总书记重要讲话</p></body></html>"


def write_warc(path, records):
    """records: (url, status, content_type, body bytes)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=str(path).endswith(".gz"))
        for url, status, content_type, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def site_records():
    return [
        ("https://example.gov.cn/a.html", "200 OK", "text/html; charset=utf-8", PAGE.encode()),
        ("https://example.gov.cn/b/", "200 OK", "text/html; charset=gbk", CLEAN.encode("gbk")),
        ("https://example.gov.cn/logo.png", "200 OK", "image/png", b"\x89PNG\0\0"),
        ("https://example.gov.cn/old", "301 Moved Permanently", "text/html", b"moved"),
        ("https://example.gov.cn/gone", "404 Not Found", "text/html", PAGE.encode()),
    ]


def test_archive_finding_names_url_and_line(tmp_path, capsys):
    archive = tmp_path / "site.warc.gz"
    write_warc(archive, site_records())
    assert main(["check", str(archive)]) == 1
    out, err = capsys.readouterr()
    assert f"{archive}#https://example.gov.cn/a.html:2:8: ZG101" in out
    assert "example.gov.cn/b/" not in out and "/gone" not in out
    assert "2 HTML pages checked; skipped 1 error response, 1 non-HTML, 1 redirect" in err


def test_archive_json_has_one_entry_per_page(tmp_path, capsys):
    archive = tmp_path / "site.warc"
    write_warc(archive, site_records())
    main(["check", "--format", "json", str(archive)])
    files = json.loads(capsys.readouterr().out)["files"]
    assert [f["path"] for f in files] == [f"{archive}#https://example.gov.cn/a.html",
                                         f"{archive}#https://example.gov.cn/b/", str(archive)]
    assert [x["code"] for x in files[0]["findings"]] == ["ZG101"]


def test_damaged_archive_keeps_what_was_read(tmp_path, capsys):
    archive = tmp_path / "cut.warc.gz"
    write_warc(archive, site_records()[:1])
    archive.write_bytes(archive.read_bytes() + b"this is no WARC record\r\n" * 4)
    assert main(["check", str(archive)]) == 2
    out, err = capsys.readouterr()
    assert "a.html:2:8: ZG101" in out
    assert "cut.warc.gz" in err


WGET = "/usr/bin/wget"


def test_wget_archive_of_a_served_site(tmp_path, capsys):
    """End to end: pages served by http.server on 127.0.0.1, archived by Debian's wget --warc-file."""
    import os
    import shutil
    import socket
    import subprocess
    import sys
    import time

    wget = WGET if os.access(WGET, os.X_OK) else shutil.which("wget")
    if wget is None:
        pytest.skip("wget is not installed (.ci/run installs it with apt-get where it can)")
    root = tmp_path / "www"
    (root / "news").mkdir(parents=True)
    (root / "index.html").write_text('<html><body><a href="news/1.html">1</a> <a href="logo.png">logo</a>'
                                     '<p>欢迎</p></body></html>', encoding="utf-8")
    (root / "news/1.html").write_text("<html><body>\n<p>坚持中国特色社会注意道路</p>\n</body></html>",
                                      encoding="utf-8")
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
                              cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        subprocess.run([wget, "-q", "-r", "-l", "2", "--no-host-directories", "-P", str(tmp_path / "mirror"),
                        "--warc-file", str(tmp_path / "site"), f"http://127.0.0.1:{port}/index.html"],
                       check=False, timeout=60, cwd=tmp_path)
    finally:
        server.terminate()
        server.wait(timeout=10)
    archive = tmp_path / "site.warc.gz"
    assert main(["check", str(archive)]) == 1
    out, err = capsys.readouterr()
    assert f"{archive}#http://127.0.0.1:{port}/news/1.html:2:6: ZG201" in out
    # wget asks for robots.txt first: http.server answers 404
    assert "2 HTML pages checked; skipped 1 error response, 1 non-HTML" in err
