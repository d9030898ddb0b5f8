"""The HTTP service in-process (Starlette's TestClient) and once under a real uvicorn for its logs."""

from __future__ import annotations

import datetime as dt
import logging
import os
import subprocess
import sys
import threading
import time

import pytest

pytest.importorskip("starlette", reason="the server extra is not installed (pip install '.[server]')")
pytest.importorskip("python_multipart", reason="the server extra is not installed")

from starlette.testclient import TestClient  # noqa: E402

from zhguard import __version__  # noqa: E402
from zhguard.checker import Checker  # noqa: E402
from zhguard.config import Config  # noqa: E402
from zhguard.rules import RULES  # noqa: E402
from zhguard.server import Settings, create_app  # noqa: E402

DRAFT = "深入学习习进平总书记重要讲话精神。坚持以习近平新时代中国特色社会主义思想为指导。"
# A draft no log line may quote; unusual enough that no other text contains it.
SECRET = "机密草稿甲乙丙丁戊己庚辛"


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app()) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def small_client():
    with TestClient(create_app(Settings(max_bytes=1000))) as test_client:
        yield test_client


def error(response, status: int) -> tuple[str, str | None]:
    assert response.status_code == status, response.text
    body = response.json()
    return body["error"], body["field"]


# ---------- POST /v1/check ----------

def test_check_returns_the_findings_the_library_gives(client, checker):
    response = client.post("/v1/check", json={"text": DRAFT})
    assert response.status_code == 200
    body = response.json()
    assert body["findings"] == [f.to_dict() for f in checker.check(DRAFT)]
    [finding] = body["findings"]
    assert (finding["code"], finding["start"], finding["end"], finding["suggestions"]) == (
        "ZG101", 4, 7, ["习近平"])
    assert body["version"] == __version__ and len(body["lexicon_version"]) == 12
    assert response.headers["cache-control"] == "no-store"


@pytest.mark.parametrize("options, config", [
    ({"select": ["ZG8"]}, Config(select=("ZG8",))),
    ({"select": "ZG1, zg8"}, Config(select=("ZG1", "ZG8"))),
    ({"ignore": ["ZG1"]}, Config(ignore=("ZG1",))),
    ({"min_confidence": 0.96}, Config(min_confidence=0.96)),
    ({"min_confidence": 0}, Config(min_confidence=0.0)),
    ({"select": ["ZG733"]}, Config(select=("ZG733",))),  # a preview rule, selected explicitly
    ({"as_of": "2017-01-01"}, Config(as_of=dt.date(2017, 1, 1))),
])
def test_each_option_gives_what_a_checker_with_that_config_gives(client, options, config):
    text = (DRAFT + "区环保局联系电话13812345678，依据中华人民共和国合同法办理。习近干总书记。"
            "国务院总理丁薛祥。")
    expected = [f.to_dict() for f in Checker(config).check(text)]
    response = client.post("/v1/check", json={"text": text, **options})
    assert response.status_code == 200, response.text
    assert response.json()["findings"] == expected


def test_markdown_format_checks_prose_only_with_offsets_into_the_text(client):
    text = "学习习进平讲话 `习进平` [链接](http://example.com/习进平)\n"
    findings = client.post("/v1/check", json={"text": text, "format": "markdown"}).json()["findings"]
    assert [(f["start"], f["end"]) for f in findings] == [(2, 5)]
    assert len(client.post("/v1/check", json={"text": text}).json()["findings"]) == 3


def test_offsets_are_code_points_even_after_astral_characters(client):
    text = "𠀀𠀁学习习进平讲话"
    [finding] = client.post("/v1/check", json={"text": text}).json()["findings"]
    assert text[finding["start"]:finding["end"]] == "习进平"


@pytest.mark.parametrize("body", [b"{", b"\xff\xfe", b"", b'{"text": "a",}'])
def test_a_body_that_is_not_json_is_400(client, body):
    message, field = error(client.post("/v1/check", content=body,
                                       headers={"content-type": "application/json"}), 400)
    assert "JSON" in message and field is None


@pytest.mark.parametrize("payload, field", [
    ({}, "text"),
    ({"text": 1}, "text"),
    ({"text": None}, "text"),
    ({"text": "x", "as_of": "2024-02-30"}, "as_of"),
    ({"text": "x", "as_of": 20240101}, "as_of"),
    ({"text": "x", "select": ["ZX1"]}, "select"),
    ({"text": "x", "select": [1]}, "select"),
    ({"text": "x", "ignore": {"ZG1": True}}, "ignore"),
    ({"text": "x", "min_confidence": 1.5}, "min_confidence"),
    ({"text": "x", "min_confidence": True}, "min_confidence"),
    ({"text": "x", "min_confidence": "high"}, "min_confidence"),
    ({"text": "x", "format": "docx"}, "format"),
    ({"text": "x", "min_confidance": 0.5}, "min_confidance"),
])
def test_a_bad_field_is_422_naming_the_field(client, payload, field):
    message, named = error(client.post("/v1/check", json=payload), 422)
    assert named == field and message.startswith(f"{field}: ")


def test_a_json_array_is_422(client):
    message, _ = error(client.post("/v1/check", json=[DRAFT]), 422)
    assert "JSON object" in message


def test_a_body_over_the_limit_is_413_whether_its_length_is_declared_or_not(small_client):
    message, _ = error(small_client.post("/v1/check", json={"text": "字" * 400}), 413)
    assert "1,000-byte limit" in message and "--max-bytes" in message
    chunks = (b'{"text": "' + b"a" * 300 for _ in range(5))  # chunked: no Content-Length
    error(small_client.post("/v1/check", content=chunks), 413)
    error(small_client.post("/v1/check-file", files={"file": ("a.txt", "字".encode() * 400)}), 413)
    assert small_client.post("/v1/check", json={"text": "字" * 100}).status_code == 200


# ---------- POST /v1/check-file ----------

def test_an_uploaded_text_file_is_decoded_and_checked(client):
    for data, encoding in [(DRAFT.encode(), "utf-8"), (b"\xef\xbb\xbf" + DRAFT.encode(), "utf-8-sig"),
                           (DRAFT.encode("gb18030"), "gb18030")]:
        body = client.post("/v1/check-file", files={"file": ("草稿.txt", data, "text/plain")}).json()
        assert (body["text"], body["encoding"], body["filename"]) == (DRAFT, encoding, "草稿.txt")
        assert [f["found"] for f in body["findings"]] == ["习进平"]


def test_uploaded_markdown_and_html_are_checked_as_prose(client):
    markdown = "# 学习习进平讲话\n\n```\n习进平\n```\n"
    html = '<p title="习进平">学习习进平讲话</p><script>var a = "习进平";</script><!-- 习进平 -->'
    for name, text in [("a.md", markdown), ("a.HTML", html)]:
        body = client.post("/v1/check-file", files={"file": (name, text.encode())}).json()
        assert body["text"] == text
        spans = [(f["start"], f["end"]) for f in body["findings"]]
        assert all(text[s:e] == "习进平" for s, e in spans)
        assert len(spans) == (1 if name == "a.md" else 2), spans  # the title attribute is prose


def test_an_uploaded_page_with_character_references_points_at_them(client):
    html = "<p>深入学习习&#36827;平总书记讲话</p>"
    body = client.post("/v1/check-file", files={"file": ("page.html", html.encode())}).json()
    [finding] = body["findings"]
    assert html[finding["start"]:finding["end"]] == finding["found"] == "习&#36827;平"
    assert finding["suggestions"] == ["习近平"]


def test_upload_fields_choose_rules_like_the_json_ones(client):
    data = (DRAFT + "联系电话13812345678。").encode()
    body = client.post("/v1/check-file", files={"file": ("a.txt", data)}, data={"select": "ZG8"}).json()
    assert [f["code"] for f in body["findings"]] == ["ZG821"]
    message, field = error(client.post("/v1/check-file", files={"file": ("a.txt", data)},
                                       data={"as_of": "yesterday"}), 422)
    assert field == "as_of"


def test_an_undecodable_upload_is_422_saying_why(client):
    message, field = error(client.post("/v1/check-file", files={"file": ("a.txt", b"\x80abc\xff" * 10)}), 422)
    assert field == "file" and "UTF-8" in message
    message, _ = error(client.post("/v1/check-file", files={"file": ("a.md", b"a\0b")}), 422)
    assert "binary" in message


def test_an_unknown_file_type_is_415(client):
    message, field = error(client.post("/v1/check-file", files={"file": ("a.pdf", b"%PDF-1.4")}), 415)
    assert field == "file" and ".pdf" in message


def test_docx_is_read_when_this_zhguard_has_the_word_adapter_else_415(client):
    import importlib.util

    if importlib.util.find_spec("zhguard.formats.docx") is None:
        message, _ = error(client.post("/v1/check-file", files={"file": ("a.docx", b"PK\x03\x04")}), 415)
        assert ".docx" in message
        return
    docx = pytest.importorskip("docx")
    import io

    document = docx.Document()
    document.add_paragraph("坚持以习近平新时代中国特色社会主义思想为指导。")
    document.add_paragraph("深入学习习进平总书记重要讲话精神。")
    buffer = io.BytesIO()
    document.save(buffer)
    body = client.post("/v1/check-file", files={"file": ("a.docx", buffer.getvalue())}).json()
    assert body["encoding"] == "extracted"
    [finding] = body["findings"]
    assert body["text"][finding["start"]:finding["end"]] == "习进平"
    message, field = error(client.post("/v1/check-file", files={"file": ("a.docx", b"not a zip")}), 422)
    assert field == "file"


@pytest.mark.parametrize("kwargs, status, field", [
    ({"json": {"text": DRAFT}}, 400, None),                          # not multipart
    ({"data": {"text": DRAFT}}, 400, None),                          # url-encoded form
    ({"files": {"draft": ("a.txt", b"x")}}, 422, "file"),            # no part named file
    ({"files": {"file": ("a.txt", b"x")}, "data": {"x": "1"}}, 422, "x"),
])
def test_an_upload_without_a_file_part_says_so(client, kwargs, status, field):
    _, named = error(client.post("/v1/check-file", **kwargs), status)
    assert named == field


def test_an_upload_never_touches_the_disk(client, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise AssertionError("a draft was about to be written to a temporary file")

    for name in ("SpooledTemporaryFile", "NamedTemporaryFile", "TemporaryFile", "mkstemp"):
        monkeypatch.setattr(tempfile, name, refuse)
    data = ("各级政府要坚持以人民为中心的发展思想。" * 30000).encode()[:1_900_000]  # over 1 MiB
    assert client.post("/v1/check-file", files={"file": ("a.txt", data)}).status_code == 200


# ---------- the other routes ----------

def test_rules_lists_every_code(client):
    rules = client.get("/v1/rules").json()["rules"]
    assert [r["code"] for r in rules] == list(RULES)
    assert {"code", "name", "severity", "status", "summary", "example", "fixed"} <= set(rules[0])


def test_healthz(client):
    assert client.get("/healthz").json() == {
        "status": "ok", "version": __version__,
        "lexicon_version": client.post("/v1/check", json={"text": ""}).json()["lexicon_version"]}


def test_the_page_and_its_assets_are_served_with_a_strict_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "script-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/app.js", "/static/app.css", "/docs", "/static/docs.js"):
        assert client.get(asset).status_code == 200, asset
    # relative links only, so that a proxy may serve it under a sub-path (/zhguard/)
    assert 'href="/' not in page.text and 'src="/' not in page.text
    # The page's script never parses the draft as HTML: no innerHTML, outerHTML, insertAdjacentHTML.
    script = client.get("/static/app.js").text
    assert not any(sink in script for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML",
                                               "document.write", "eval("))


def test_openapi_describes_every_route_and_the_answers_match_it(client):
    jsonschema = pytest.importorskip("jsonschema")
    spec = client.get("/openapi.json").json()
    assert spec["info"]["version"] == __version__
    routes = {route.path for route in client.app.routes if route.path.startswith(("/v1/", "/healthz"))}
    assert routes == {p for p in spec["paths"] if p != "/openapi.json"}

    def validate(instance, name):
        schema = {"$ref": f"#/components/schemas/{name}", "components": spec["components"]}
        jsonschema.Draft202012Validator(schema).validate(instance)

    validate({"text": DRAFT, "select": ["ZG1"], "as_of": "2024-01-01"}, "CheckRequest")
    validate(client.post("/v1/check", json={"text": DRAFT}).json(), "CheckResponse")
    validate(client.post("/v1/check-file", files={"file": ("a.txt", DRAFT.encode())}).json(),
             "CheckFileResponse")
    validate(client.post("/v1/fix", json={"text": DRAFT}).json(), "FixResponse")
    validate(client.get("/v1/rules").json(), "RulesResponse")
    validate(client.get("/healthz").json(), "Health")
    validate(client.post("/v1/check", json={}).json(), "Error")


# ---------- accept all: /v1/fix ----------

def test_fix_applies_the_safe_fixes_as_the_cli_does(client, checker):
    from zhguard.fix import apply_fixes

    draft = "学习习进平讲话。坚持中国特色社会注意。联系电话13812345678。"
    body = client.post("/v1/fix", json={"text": draft}).json()
    assert body["text"] == apply_fixes(draft, checker.check(draft))
    assert body["text"] == "学习习近平讲话。坚持中国特色社会主义。联系电话13812345678。"
    assert body["applied"] == 2
    # the findings are the fixed text's: the phone number (an unsafe fix) is left to the editor
    assert body["findings"] == [f.to_dict() for f in checker.check(body["text"])]
    assert [f["code"] for f in body["findings"]] == [checker.check(draft)[-1].code]


def test_fix_keeps_a_draft_without_safe_fixes_and_refuses_bad_bodies(client):
    body = client.post("/v1/fix", json={"text": "坚持以人民为中心。"}).json()
    assert (body["text"], body["applied"], body["findings"]) == ("坚持以人民为中心。", 0, [])
    assert error(client.post("/v1/fix", json={"txt": "x"}), 422) == ("text: required", "text")


# ---------- token, limits in time ----------

def test_a_token_guards_the_api_but_not_the_page_or_healthz():
    with TestClient(create_app(Settings(token="s3cret"))) as guarded:
        assert guarded.get("/healthz").status_code == 200
        assert guarded.get("/").status_code == 200
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret"}):
            response = guarded.post("/v1/check", json={"text": DRAFT}, headers=headers)
            assert response.status_code == 401 and response.headers["www-authenticate"].startswith("Bearer")
            assert guarded.get("/v1/rules", headers=headers).status_code == 401
        ok = guarded.post("/v1/check", json={"text": DRAFT}, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200 and len(ok.json()["findings"]) == 1


def test_a_check_over_the_time_limit_is_504_and_a_queue_that_never_moves_is_503():
    app = create_app(Settings(timeout=0.3, workers=1))
    service = app.state.service
    real = service.findings
    # the check overruns until the test lets it go: a loaded machine cannot make it finish in time
    release = threading.Event()

    def slow(text, options, name=None):
        release.wait(30)
        return real(text, options, name)

    service.findings = slow
    with TestClient(app) as test_client:
        message, _ = error(test_client.post("/v1/check", json={"text": DRAFT}), 504)
        assert "--timeout" in message
        # the overrunning check above still holds the only worker, so this one never starts
        response = test_client.post("/v1/check", json={"text": DRAFT})
        assert response.status_code == 503 and response.headers["retry-after"]
        service.findings = real
        release.set()
        time.sleep(1.0)  # the released check finishes on its worker
        assert test_client.post("/v1/check", json={"text": DRAFT}).status_code == 200


def test_an_unexpected_error_is_500_and_logged_without_the_draft(caplog):
    app = create_app()

    def broken(text, options, name=None):
        raise ValueError(f"cannot handle {text}")

    app.state.service.findings = broken
    with caplog.at_level(logging.DEBUG), TestClient(app) as test_client:
        error(test_client.post("/v1/check", json={"text": SECRET}), 500)
    assert "ValueError" in caplog.text and SECRET not in caplog.text


# ---------- a real server: logs ----------

def test_no_draft_reaches_the_logs_of_a_real_server(caplog, capfd):
    httpx = pytest.importorskip("httpx2")
    from browser import served

    caplog.set_level(logging.DEBUG)
    with served(create_app(), log_level="debug") as url:
        draft = f"{SECRET}。{DRAFT}"
        responses = [
            httpx.post(f"{url}/v1/check", json={"text": draft}),
            httpx.post(f"{url}/v1/check?text={SECRET}", json={"text": draft, "as_of": "bad"}),
            httpx.post(f"{url}/v1/check", content=("{" + draft).encode()),
            httpx.post(f"{url}/v1/check-file", files={"file": (f"{SECRET}.md", draft.encode())}),
            httpx.post(f"{url}/v1/check-file", files={"file": ("a.txt", draft.encode("utf-16"))}),
        ]
    assert [r.status_code for r in responses] == [200, 422, 400, 200, 422]
    captured = capfd.readouterr()
    logged = caplog.text + captured.out + captured.err
    assert '"POST /v1/check" 200' in caplog.text and '"POST /v1/check-file" 422' in caplog.text
    assert SECRET not in logged and "习进平" not in logged


def test_zhguard_serve_starts_reads_the_token_from_the_environment_and_logs_no_draft(tmp_path):
    httpx = pytest.importorskip("httpx2")
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "ZHGUARD_TOKEN": "from-env"}
    log = (tmp_path / "serve.log").open("w+")
    process = subprocess.Popen([sys.executable, "-m", "zhguard", "serve", "--port", str(port)],
                               stdout=log, stderr=subprocess.STDOUT, env=env, cwd=tmp_path)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, open(log.name).read()
            time.sleep(0.1)
        assert httpx.post(f"{url}/v1/check", json={"text": SECRET}).status_code == 401
        answer = httpx.post(f"{url}/v1/check", json={"text": f"{SECRET}{DRAFT}"},
                            headers={"Authorization": "Bearer from-env"})
        assert answer.status_code == 200 and "ZG101" in [f["code"] for f in answer.json()["findings"]]
    finally:
        process.terminate()
        process.wait(10)
    output = open(log.name).read()
    assert '"POST /v1/check" 200' in output and SECRET not in output


def test_zhguard_serve_without_the_extra_says_how_to_install_it(tmp_path):
    # a sitecustomize that hides uvicorn, as on an install without zhguard[server]
    (tmp_path / "sitecustomize.py").write_text("import sys\nsys.modules['uvicorn'] = None\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "zhguard", "serve"], capture_output=True, text=True,
                            env=env, timeout=60)
    assert result.returncode == 2
    assert "pip install 'zhguard[server]'" in result.stderr


def test_import_zhguard_and_the_cli_load_no_server_code():
    code = ("import sys, zhguard, zhguard.cli; zhguard.cli._parser(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('starlette', 'uvicorn', 'python_multipart', 'anyio') or m.startswith('zhguard.server')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"

