"""Shared by the browser tests: a real uvicorn server on a free loopback port, and Debian's Chromium
driven by Playwright.

Playwright's own browser download cannot run here (nor in CI), so the system Chromium is launched
by path; .ci/run installs it where it is missing.  A test that needs it skips, saying why, only
where Chromium or the playwright package is absent.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import socket
import threading
import time
from collections.abc import Iterator

import pytest

CHROMIUM = "/usr/bin/chromium"
# No sandbox: CI runs as root, where Chromium refuses its sandbox.  The rest keeps a headless run
# from reaching out to the network on its own.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def browser_missing() -> str | None:
    """Why no browser test can run here, or None when one can."""
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is not installed (pip install '.[test]')"
    if not os.access(CHROMIUM, os.X_OK):
        return f"{CHROMIUM} is missing (apt-get install chromium; .ci/run does this where it can)"
    return None


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium ``Browser``; skips the calling test when none can be launched."""
    reason = browser_missing()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def served(app, *, log_level: str = "info") -> Iterator[str]:
    """``app`` under a real uvicorn on 127.0.0.1 and a port the OS picked; yields its base URL.

    uvicorn's logging is left unconfigured (log_config=None), so its records reach the root logger
    and pytest's caplog like any other library's.
    """
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, log_config=None, log_level=log_level, access_log=False, lifespan="on",
                            timeout_graceful_shutdown=2)  # a browser's idle keep-alive must not hold it
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
