"""What a check returns: frozen data, no logic beyond ordering."""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import NamedTuple


class Severity(IntEnum):
    """The rule's impact; ordered so that ``f.severity >= Severity.WARNING`` works."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()


class Category(StrEnum):
    """What kind of term is wrong; the value appears in JSON, SARIF and lexicon headers."""

    META = "meta"
    LEADER_NAME = "leader_name"
    POLITICAL_TERM = "political_term"
    TITLE = "title"
    INSTITUTION = "institution"
    PLACE = "place"
    LAW_NAME = "law_name"
    FORMAT = "format"
    PRIVACY = "privacy"
    GENERAL = "general"


# How each category is named in a message (the message is for editors: Chinese).
CATEGORY_LABEL = {
    Category.LEADER_NAME: "领导人姓名",
    Category.POLITICAL_TERM: "政治表述",
    Category.TITLE: "职务称谓",
    Category.INSTITUTION: "机构名称",
    Category.PLACE: "地名",
    Category.LAW_NAME: "法律名称",
    Category.GENERAL: "用字",
}


class Kind(StrEnum):
    """How the mistake was made, i.e. which detector found it."""

    UNUSED_SUPPRESSION = "unused_suppression"
    KNOWN_WRONG = "known_wrong"
    HOMOPHONE = "homophone"
    SHAPE = "shape"
    OMISSION = "omission"
    INSERTION = "insertion"
    TRANSPOSITION = "transposition"
    SUBSTITUTION = "substitution"  # one inner character of a long term replaced by any other
    INITIALS = "initials"  # a word with the same pinyin initials (an input method's 简拼 pick)
    WRONG_BINDING = "wrong_binding"
    OUTDATED = "outdated"
    NONSTANDARD = "nonstandard"
    OTHER_PLACE = "other_place"  # another place's name where the site's own belongs (热爱西安 on 烟台's site)
    TRADITIONAL = "traditional"  # a traditional character in simplified text (組织)
    WORD_HOMOPHONE = "word_homophone"  # a frequent word misspelt by sound (dictionary scan: 峻工)
    WORD_SHAPE = "word_shape"  # a frequent word misspelt by a look-alike (dictionary scan: 己经)
    INCONSISTENT = "inconsistent"  # a name the document writes right elsewhere, here with one slip
    # format: document numbers and punctuation (GB/T 9704-2012, GB/T 15834-2011)
    YEAR_BRACKETS = "year_brackets"
    NUMBER_SPACING = "number_spacing"
    SERIAL_ZEROS = "serial_zeros"
    HALFWIDTH_PUNCTUATION = "halfwidth_punctuation"
    DOUBLED_PUNCTUATION = "doubled_punctuation"
    UNBALANCED_PAIR = "unbalanced_pair"
    MISSING_BOOK_MARKS = "missing_book_marks"
    # privacy: personal data that must be de-identified before publication
    ID_NUMBER = "id_number"
    MOBILE_NUMBER = "mobile_number"
    BANK_CARD = "bank_card"


class Applicability(StrEnum):
    """How safe a finding's fix is (ruff's three levels); ``--fix`` applies SAFE only."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display_only"


class Finding(NamedTuple):
    """One problem in the caller's text.

    ``[start, end)`` are half-open code-point offsets into the text given to
    ``check``, and ``text[start:end] == found`` always holds.  A NamedTuple rather than a frozen
    dataclass: importing dataclasses (and the inspect module it loads) cost ~7 ms of every run's
    start (issue 21); ``finding._replace(...)`` makes a changed copy.
    """

    start: int
    end: int
    code: str
    found: str
    suggestions: tuple[str, ...]
    category: Category
    kind: Kind
    severity: Severity
    confidence: float
    applicability: Applicability
    message: str
    origin: str | None = None

    @property
    def sort_key(self) -> tuple[int, int, str]:
        """Findings are reported by position, then by code."""
        return (self.start, self.end, self.code)

    @property
    def suggestion(self) -> str | None:
        """The best suggestion, or None when the finding can only warn."""
        return self.suggestions[0] if self.suggestions else None

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping; enum values are their stable strings."""
        return {
            "code": self.code,
            "start": self.start,
            "end": self.end,
            "found": self.found,
            "suggestions": list(self.suggestions),
            "category": self.category.value,
            "kind": self.kind.value,
            "severity": self.severity.label,
            "confidence": round(self.confidence, 3),
            "applicability": self.applicability.value,
            "message": self.message,
            "origin": self.origin,
        }
