"""The Starlette application: five API routes, the editors' page, the OpenAPI document.

Every error is ``{"error": message, "field": name or null}`` with a status that says whose fault it
is: 400 an unreadable body, 413 too large, 415 a file type we do not read, 422 a field with a wrong
value, 503 busy, 504 too slow.  Messages never repeat the draft.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import dataclass, field
from importlib import resources

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from zhguard import __version__
from zhguard.config import Config
from zhguard.rules import RULES
from zhguard.server.middleware import AccessLog, BearerToken, SafeHeaders
from zhguard.server.service import (
    FILE_OPTION_FIELDS, OPTION_FIELDS, Busy, CheckService, FieldError, TooSlow, parse_options)
from zhguard.server.upload import UploadError, parse_upload, upload_text

log = logging.getLogger("zhguard.server")
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
DEFAULT_TIMEOUT = 10.0


@dataclass(frozen=True, slots=True)
class Settings:
    """What ``zhguard serve`` can set; the defaults suit one editor's machine."""

    config: Config = field(default_factory=Config)
    token: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    workers: int = field(default_factory=lambda: min(4, os.cpu_count() or 1))


class _Refusal(Exception):
    def __init__(self, status: int, message: str, field: str | None = None) -> None:
        self.status = status
        self.field = field
        super().__init__(message)


def create_app(settings: Settings | None = None) -> Starlette:
    """The ASGI app; compiles the lexicons now, so the first request is as fast as the others.

    Raises LexiconError for a bad user lexicon.
    """
    settings = settings or Settings()
    service = CheckService(settings.config, workers=settings.workers, timeout=settings.timeout)
    static = resources.files("zhguard.server").joinpath("static")
    api = _Api(service, settings)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        service.close()

    app = Starlette(routes=[
        Route("/", lambda request: FileResponse(str(static.joinpath("index.html"))), methods=["GET"]),
        Route("/docs", lambda request: FileResponse(str(static.joinpath("docs.html"))), methods=["GET"]),
        Route("/healthz", api.healthz, methods=["GET"]),
        Route("/openapi.json", api.openapi, methods=["GET"]),
        Route("/v1/rules", api.rules, methods=["GET"]),
        Route("/v1/check", api.check, methods=["POST"]),
        Route("/v1/check-file", api.check_file, methods=["POST"]),
        Route("/v1/fix", api.fix, methods=["POST"]),
        Mount("/static", StaticFiles(packages=[("zhguard.server", "static")]), name="static"),
    ], lifespan=lifespan)
    app.state.service = service
    app.add_middleware(BearerToken, token=settings.token)
    app.add_middleware(SafeHeaders)
    app.add_middleware(AccessLog)
    return app


class _Api:
    def __init__(self, service: CheckService, settings: Settings) -> None:
        self.service = service
        self.max_bytes = settings.max_bytes
        spec = json.loads(resources.files("zhguard.server").joinpath("static", "openapi.json").read_text("utf-8"))
        spec["info"]["version"] = __version__
        self.spec = spec

    async def healthz(self, request: Request) -> Response:
        return JSONResponse({"status": "ok", "version": __version__,
                             "lexicon_version": self.service.lexicon_version})

    async def openapi(self, request: Request) -> Response:
        return JSONResponse(self.spec)

    async def rules(self, request: Request) -> Response:
        return JSONResponse({"version": __version__, "rules": [
            {"code": r.code, "name": r.name, "category": r.category.value, "kind": r.kind.value,
             "severity": r.severity.label, "status": r.status.value, "summary": r.summary,
             "example": r.example, "fixed": r.fixed} for r in RULES.values()]})

    async def check(self, request: Request) -> Response:
        try:
            text, options = await self._text_and_options(request)
            findings = await self.service.run(self.service.findings, text, options)
            return self._answer(findings)
        except Exception as exc:  # noqa: BLE001 - each kind is mapped in one place
            return _refusal(exc)

    async def fix(self, request: Request) -> Response:
        """The draft with its safe fixes applied as ``zhguard check --fix`` does (rechecked, history
        kept), and the findings of the fixed text: the editors' page's 全部接受."""
        try:
            text, options = await self._text_and_options(request)
            fixed, applied, findings = await self.service.run(self.service.fix, text, options)
            return self._answer(findings, text=fixed, applied=applied)
        except Exception as exc:  # noqa: BLE001
            return _refusal(exc)

    async def _text_and_options(self, request: Request):
        body = await self._body(request)
        try:
            payload = json.loads(body)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            # the decoder's message names a position, never the content
            raise _Refusal(400, f"the body is not UTF-8 JSON: {exc.__class__.__name__} at "
                                f"{getattr(exc, 'pos', getattr(exc, 'start', '?'))}") from None
        if not isinstance(payload, dict):
            raise _Refusal(422, "the body must be a JSON object such as {\"text\": \"…\"}")
        if "text" not in payload:
            raise FieldError("text", "required")
        text = payload.pop("text")
        if not isinstance(text, str):
            raise FieldError("text", "expected a string")
        return text, parse_options(payload, OPTION_FIELDS)

    async def check_file(self, request: Request) -> Response:
        try:
            body = await self._body(request)
            upload = parse_upload(request.headers.get("content-type", ""), body)
            options = parse_options(upload.fields, FILE_OPTION_FIELDS)
            text, encoding = upload_text(upload)
            findings = await self.service.run(self.service.findings, text, options, upload.filename)
            return self._answer(findings, text=text, encoding=encoding, filename=upload.filename)
        except Exception as exc:  # noqa: BLE001
            return _refusal(exc)

    async def _body(self, request: Request) -> bytes:
        """The whole body, refused with 413 as soon as it is known to be over the limit."""
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise _Refusal(413, _too_large(self.max_bytes))
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > self.max_bytes:
                raise _Refusal(413, _too_large(self.max_bytes))
            chunks.append(chunk)
        return b"".join(chunks)

    def _answer(self, findings, **extra) -> Response:
        return JSONResponse({"findings": [f.to_dict() for f in findings], "version": __version__,
                             "lexicon_version": self.service.lexicon_version, **extra})


def _too_large(limit: int) -> str:
    return (f"the request is over the {limit:,}-byte limit (zhguard serve --max-bytes); "
            "split the document into pages")


def _refusal(exc: Exception) -> Response:
    if isinstance(exc, _Refusal | UploadError):
        status, message, field_name = exc.status, str(exc), exc.field
    elif isinstance(exc, FieldError):
        status, message, field_name = 422, str(exc), exc.field
    elif isinstance(exc, Busy):
        return JSONResponse({"error": "the server is busy: every worker stayed taken for the whole "
                                      "time limit; try again shortly", "field": None},
                            status_code=503, headers={"Retry-After": "5"})
    elif isinstance(exc, TooSlow):
        status, message, field_name = 504, ("the check took longer than the time limit "
                                            "(zhguard serve --timeout); split the document"), None
    else:
        # the type only: an exception's message or traceback could quote the draft
        log.error("check failed: %s", exc.__class__.__name__)
        status, message, field_name = 500, "internal error while checking; the draft was not kept", None
    return JSONResponse({"error": message, "field": field_name}, status_code=status)
