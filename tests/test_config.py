"""Configuration files: zhguard.toml or [tool.zhguard]; bad keys and values name file and key."""

from __future__ import annotations

import datetime as dt

import pytest

from zhguard.cli import main
from zhguard.config_file import find_config, load_config
from zhguard.errors import ConfigError
from zhguard.finding import Severity


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_pyproject_table_is_read_with_paths_relative_to_it(tmp_path):
    path = write(tmp_path / "pyproject.toml", """
[project]
name = "site"
[tool.zhguard]
select = ["ZG1", "ZG4"]
ignore = "ZG411"
fail-on = "error"
min-confidence = 0.7
lexicons = ["lexicons"]
as-of = 2017-05-01
exclude = ["archive/**"]
per-file-ignores = { "news/2017/*.md" = ["ZG4"] }
""")
    config = load_config(path)
    assert config.select == ("ZG1", "ZG4") and config.ignore == ("ZG411",)
    assert config.fail_on is Severity.ERROR and config.min_confidence == 0.7
    assert config.lexicons == (str(tmp_path / "lexicons"),)
    assert config.as_of == dt.date(2017, 5, 1)
    assert config.exclude == ("archive/**",)
    assert config.per_file_ignores == (("news/2017/*.md", ("ZG4",)),)


@pytest.mark.parametrize(("body", "expected"), [
    ("selct = ['ZG1']", "zhguard.toml: selct: unknown key"),
    ("select = ['XX1']", "zhguard.toml: select: 'XX1' is not a code prefix"),
    ("fail-on = 'fatal'", "zhguard.toml: fail-on: must be one of info, warning, error"),
    ("min-confidence = 2", "zhguard.toml: min-confidence: must be a number between 0 and 1"),
    ("as-of = 'yesterday'", "zhguard.toml: as-of: Invalid isoformat string"),
    ("lexicons = 3", "zhguard.toml: lexicons: must be a string or a list of strings"),
    ("place = 3", "zhguard.toml: place: must be a division's full name"),
    ("select = [", "zhguard.toml: not valid TOML"),
])
def test_bad_keys_and_values_name_file_and_key(tmp_path, body, expected):
    path = write(tmp_path / "zhguard.toml", body)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value).startswith(str(tmp_path / expected))


def test_discovery_prefers_zhguard_toml_and_skips_pyproject_without_a_table(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    (tmp_path / "sub").mkdir()
    assert find_config(tmp_path / "sub") != tmp_path / "pyproject.toml"
    write(tmp_path / "zhguard.toml", "select = ['ZG1']\n")
    assert find_config(tmp_path / "sub") == tmp_path / "zhguard.toml"


def test_the_cli_applies_the_config_and_flags_override_it(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "zhguard.toml", 'ignore = ["ZG1"]\nexclude = ["archive/*"]\n'
          'per-file-ignores = { "old/*.txt" = ["ZG4"] }\n')
    (tmp_path / "archive").mkdir()
    (tmp_path / "old").mkdir()
    write(tmp_path / "a.txt", "学习习进平讲话，区环保局。")
    write(tmp_path / "archive" / "b.txt", "学习习进平讲话。")
    write(tmp_path / "old" / "c.txt", "区环保局。")
    assert main(["check", "."]) == 1
    out = capsys.readouterr().out
    assert [line.split(":")[0] for line in out.splitlines()] == ["a.txt"]
    assert "ZG411" in out and "ZG101" not in out
    assert main(["check", "--ignore", "ZG4", "a.txt"]) == 1  # the flag replaces the file's ignore
    assert "ZG101" in capsys.readouterr().out


def test_a_broken_config_exits_2_naming_it(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "zhguard.toml", "colour = 'red'\n")
    write(tmp_path / "a.txt", "正文")
    assert main(["check", "a.txt"]) == 2
    assert capsys.readouterr().err.startswith(f"zhguard: error: {tmp_path / 'zhguard.toml'}: colour: unknown key")


def test_the_sites_place_from_the_config_or_the_flag_reports_another_citys_slogan(tmp_path, monkeypatch,
                                                                                    capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", "热爱祖国，热爱西安。")
    assert main(["check", "a.txt"]) == 0  # no place configured: nothing to compare with
    write(tmp_path / "zhguard.toml", 'place = "烟台市"\n')
    assert main(["check", "a.txt"]) == 1
    assert "ZG513" in capsys.readouterr().out
    assert main(["check", "--place", "西安市", "a.txt"]) == 0  # the flag replaces the file's place
    assert main(["check", "--place", "烟台", "a.txt"]) == 2  # a short name is no division's full name
    assert "place: '烟台' is not the full name of an administrative division" in capsys.readouterr().err


@pytest.mark.parametrize("table", ["[tool.zhguard]\nselect = ['ZG1']\n",
                                   "[ tool . \"zhguard\" ]\nselect = ['ZG1']\n",
                                   "tool.zhguard.select = ['ZG1']\n",
                                   "[tool]\nzhguard = { select = ['ZG1'] }\n",
                                   "tool = { zhguard = { select = ['ZG1'] } }\n"])
def test_every_toml_form_of_the_table_is_found(tmp_path, table):
    write(tmp_path / "pyproject.toml", "[project]\nname = 'site'\n" + table if table.startswith("[")
          else table + "[project]\nname = 'site'\n")
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"
    assert load_config(tmp_path / "pyproject.toml").select == ("ZG1",)


def test_a_pyproject_that_cannot_hold_the_table_is_not_parsed(tmp_path):
    # not even read as TOML (issue 21): a broken file that is not ours is no error of ours
    write(tmp_path / "pyproject.toml", "[project]\nname = 'zhguard-site'\n[tool.ruff\n")
    assert find_config(tmp_path) is None
