"""Pure ASGI middleware: the access log (never a body or a query), the bearer token, safe headers."""

from __future__ import annotations

import hmac
import json
import logging
import time

access_log = logging.getLogger("zhguard.server.access")

# The page's own script and style only: even a draft that slipped into the DOM as HTML could not run.
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'")


def route_path(scope) -> str:
    """The path inside this app: mounted under a prefix, ``path`` still starts with ``root_path``."""
    path, root = scope["path"], scope.get("root_path", "")
    return path[len(root):] if root and path.startswith(root) else path


class _HttpMiddleware:
    """Passes anything but HTTP (lifespan, websockets) straight through to ``app``."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.http(scope, receive, send)

    async def http(self, scope, receive, send) -> None:
        raise NotImplementedError


class AccessLog(_HttpMiddleware):
    """One line per request: client, method, path, status, bytes, time.

    The query string is left out as well as the bodies: a caller could put a draft there.
    """

    async def http(self, scope, receive, send) -> None:
        started = time.perf_counter()
        status, size = 500, 0

        async def logged_send(message) -> None:
            nonlocal status, size
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, logged_send)
        finally:
            client = scope.get("client") or ("-", 0)
            access_log.info('%s "%s %s" %d %dB %.1fms', client[0], scope["method"], scope["path"],
                            status, size, (time.perf_counter() - started) * 1000)


class SafeHeaders(_HttpMiddleware):
    """No caching of drafts or findings by a proxy; a strict CSP; no sniffing, no referrer."""

    async def http(self, scope, receive, send) -> None:
        api = route_path(scope).startswith("/v1/")

        async def with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
                            (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer")]
                if api:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


class BearerToken:
    """``/v1/`` requires ``Authorization: Bearer <token>`` when a token is set; the page, the docs
    and /healthz stay open (a browser cannot send the header when it loads a page)."""

    def __init__(self, app, token: str | None) -> None:
        self.app = app
        self.expected = f"Bearer {token}".encode() if token else None

    async def __call__(self, scope, receive, send) -> None:
        if self.expected is None or scope["type"] != "http" or not route_path(scope).startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        given = dict(scope.get("headers", [])).get(b"authorization", b"")
        if hmac.compare_digest(given, self.expected):
            await self.app(scope, receive, send)
            return
        body = json.dumps({"error": "a bearer token is required: send 'Authorization: Bearer <token>'",
                           "field": None}).encode()
        await send({"type": "http.response.start", "status": 401, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
            (b"www-authenticate", b'Bearer realm="zhguard"')]})
        await send({"type": "http.response.body", "body": body})
