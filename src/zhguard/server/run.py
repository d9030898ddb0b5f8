"""``zhguard serve``: the app under uvicorn, logging what happened to a request and never its content."""

from __future__ import annotations

import ipaddress
import logging
import logging.config
import os
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger("zhguard.server")

# uvicorn's own access log is off (ours leaves out the query string); its error log stays.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain",
                            "stream": "ext://sys.stderr"}},
    "loggers": {
        "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "zhguard": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}


def serve(host: str, port: int, *, token: str | None, max_bytes: int, timeout: float,
          config_path: Path | None = None, lexicons: Sequence[str] = ()) -> int:
    """Run until interrupted; raises ZhguardError when the server extra is missing or a file is bad."""
    from zhguard.config import Config
    from zhguard.config_file import find_config, load_config
    from zhguard.errors import ZhguardError

    try:
        import uvicorn

        from zhguard.server.app import Settings, create_app
    except ImportError as exc:
        raise ZhguardError(f"zhguard serve needs the server extra ({exc.name} is missing): "
                           "pip install 'zhguard[server]'") from None
    path = config_path or find_config(Path.cwd())
    config = load_config(path) if path is not None else Config()
    config = config._replace(lexicons=(*config.lexicons, *lexicons))
    token = token or os.environ.get("ZHGUARD_TOKEN") or None
    logging.config.dictConfig(LOGGING)
    if token is None and not _loopback(host):
        log.warning("listening on %s without a token: anyone who can reach it can use it "
                    "(set --token or ZHGUARD_TOKEN)", host)
    app = create_app(Settings(config=config, token=token, max_bytes=max_bytes, timeout=timeout))
    uvicorn.run(app, host=host, port=port, log_config=None, access_log=False, server_header=False)
    return 0


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
