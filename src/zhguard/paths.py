"""Where the package's data files are.

A directory beside this module: wheels install unzipped (the automaton library is a compiled extension,
so zhguard never runs from a zip).  importlib.resources would find the same files at ~4 ms of every
start, for it imports tempfile and shutil (issue 21).
"""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
