"""Shared fixtures: one Checker per session, and an isolated cache directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Evaluation data lives beside the project, never inside it; tests that need it skip without it.
SHARED = ROOT.parent / "shared"


SOURCES_HEADER = ("# zhguard: kind=sources "
                  "columns=id,title,publisher,url_or_document,published,retrieved,note\n")


def write_lexicon(folder: Path, sources: str, **files: str) -> Path:
    """A site's lexicon in ``folder``: SOURCES.tsv holding the ``sources`` rows, and each ``name=text``
    as ``name.tsv``."""
    (folder / "SOURCES.tsv").write_text(SOURCES_HEADER + sources, encoding="utf-8")
    for name, text in files.items():
        (folder / f"{name}.tsv").write_text(text, encoding="utf-8")
    return folder


def place_findings(checker, text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The place findings (ZG5) of ``text``: what each found, and its suggestions."""
    return [(f.found, f.suggestions) for f in checker.check(text) if f.code.startswith("ZG5")]


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read or write the user's real cache."""
    os.environ["ZHGUARD_CACHE_DIR"] = str(tmp_path_factory.mktemp("zhguard-cache"))


@pytest.fixture(scope="session")
def checker():
    from zhguard.checker import Checker

    return Checker()


@pytest.fixture(scope="session")
def codes(checker):
    """``codes(text)`` → the codes found, in order (the pyflakes one-line style)."""
    return lambda text: [f.code for f in checker.check(text)]


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"evaluation data {'/'.join(parts)} is not present (../shared is only in the "
                    "developers' workspace, not in a user's clone)")
    return path
