"""The wheel's build hook: ship the caches a first check would build, so a fresh install starts warm.

A first ``zhguard check`` after ``pip install .`` spent ~2 s compiling the bundled lexicon and building
the word model, the character model and the township table into the cache directory (issue 21).  This
hook builds them while the wheel is built, by running zhguard from the source tree with
``ZHGUARD_CACHE_DIR`` set to a temporary directory, and ships the files as ``zhguard/_prebuilt/*.pickle``.
zhguard.lexicon.cache reads a file there (never writes it) when the cache directory lacks it.

The files are keyed by content (zhguard's version and ``.py`` files, the interpreter, pyahocorasick's
extension, jieba's dictionary, the data), so they serve only an install that matches the build: the
same interpreter, and the same releases of the runtime dependencies, which is why the hook asks for
them in the build environment (``require-runtime-dependencies``).  Anything else misses and builds into
the cache directory as before; a hook that cannot build them warns and ships a wheel without them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PACKAGE = "zhguard"
PREBUILT = f"{PACKAGE}/_prebuilt"
# What a default check of a plain page loads, through the same functions it uses.  The general-typo
# tables (ZG915/916, opt-in with --select ZG9) are left out: 12 MB for a preview rule.
WARM_UP = """\
from zhguard.charmodel import load_char_model
from zhguard.checker import Checker
from zhguard.detect.townships import load_townships
from zhguard.wordmodel import load_word_model

Checker().check("湖北省武汉市洪山区卓刀泉街道、江夏区纸坊街道，镇人大主任，深入学习习进平总书记重要讲话。")
load_word_model()
load_char_model()
load_townships()
"""
KINDS = ("chars", "lexicon", "townships", "words")  # at least these


class PrebuiltCachesHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if version == "editable":  # runs from the source tree, whose caches live in the cache directory
            return
        self._scratch = tempfile.mkdtemp(prefix="zhguard-prebuilt-")
        problem = self._unshipped_code() or build_caches(Path(self.root) / "src", Path(self._scratch))
        if problem:
            self.app.display_warning(f"zhguard: the wheel ships no prebuilt caches: {problem}")
            return
        for path in sorted(Path(self._scratch).glob("*.pickle")):
            build_data["force_include"][str(path)] = f"{PREBUILT}/{path.name}"
            self.app.display_info(f"zhguard: prebuilt {path.name} ({path.stat().st_size / 1e6:.1f} MB)")

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        scratch = getattr(self, "_scratch", None)
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)

    def _unshipped_code(self) -> str:
        """Why the wheel's code would differ from what the build imports (the keys hash every ``.py``
        file below the package), or ''."""
        source = Path(self.root) / "src" / PACKAGE
        imported = {p.relative_to(source.parent).as_posix() for p in source.rglob("*.py")}
        shipped = {f.distribution_path.replace(os.sep, "/")
                   for f in self.build_config.builder.recurse_selected_project_files()
                   if f.distribution_path.endswith(".py")}
        differ = sorted(imported ^ shipped)
        return f"the wheel's .py files are not the source tree's: {', '.join(differ[:5])}" if differ else ""


def build_caches(source: Path, into: Path) -> str:
    """Run the warm-up from ``source`` with the cache in ``into``; '' on success, else what went wrong."""
    # pip's isolated build environment reaches its packages through PYTHONPATH: keep it, after ours
    pythonpath = os.pathsep.join(filter(None, [str(source), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "ZHGUARD_CACHE_DIR": str(into), "PYTHONPATH": pythonpath,
           "PYTHONDONTWRITEBYTECODE": "1"}  # leave no __pycache__ in the source tree
    try:
        done = subprocess.run([sys.executable, "-c", WARM_UP], env=env, cwd=into, capture_output=True,
                              text=True, timeout=600, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        return str(exc)
    if done.returncode != 0:
        return done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"
    built = {path.name.split("-", 1)[0] for path in into.glob("*.pickle")}
    missing = sorted(set(KINDS) - built)  # a cache a default check loads later is shipped too
    return f"the warm-up built no {', '.join(missing)} cache" if missing else ""
