"""numpy for long texts only: a text this long pays for numpy's import (~50 ms) within its first check;
a page never imports it (issue 21: a CLI run on a page stays within 1.2x codespell's time).

Used by the document's three-character count (detect/trigrams.py) and the sound keys' translation
(lexicon/sound.py), each of which keeps its plain-Python path for shorter texts and gives the same answer.
"""

from __future__ import annotations

import functools
import threading
from typing import TYPE_CHECKING

from zhguard.lexicon.held import built_once

if TYPE_CHECKING:
    import numpy

# A report (17,000 characters on average in clean-2026) takes the numpy path; a page (2,000) does not.
ARRAY_MIN_LENGTH = 8_000


def long_enough(text: str) -> bool:
    return len(text) >= ARRAY_MIN_LENGTH


@functools.cache
def numpy_module():
    import numpy

    return numpy


def translated(text: str, table: str) -> str:
    """``text.translate(table)`` for a table that is a string indexed by code point (one character for
    each; a character past its end is left as it is), as one lookup in an array of code points: a third
    of translate's time on the 22 reports, where translate makes or fetches an object per character."""
    np = numpy_module()
    codes = built_once(_CODES, table, _code_points, _LOCK)
    units = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), "<u4")
    inside = units < len(codes)
    out = np.where(inside, codes[np.where(inside, units, 0)], units)
    return out.astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")


def _code_points(table: str) -> numpy.ndarray:
    return numpy_module().frombuffer(table.encode("utf-32-le", "surrogatepass"), "<u4")


_CODES: dict = {}
_LOCK = threading.Lock()
