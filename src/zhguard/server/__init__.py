"""An HTTP check service and a page for editors: ``zhguard serve`` (needs ``zhguard[server]``).

Drafts are unpublished official text: the service keeps them in memory for the
length of one request and never logs or stores them.  Only this subpackage
imports Starlette and uvicorn, so ``import zhguard`` and ``zhguard check`` never do.
"""

from __future__ import annotations

from zhguard.server.app import Settings, create_app

__all__ = ["Settings", "create_app"]
