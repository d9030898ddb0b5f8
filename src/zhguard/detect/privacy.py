"""Personal data that must be de-identified before a page is published (公示名单, 补贴名单).

Resident ID numbers are validated with the GB 11643-1999 check digit (and a
real birth date), bank cards with the Luhn check and a nearby account word,
mobile numbers by their number plan.  Masked forms (5101********1234,
138****5678) never match.  Messages never repeat the number; the suggestion
is the masked form.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from zhguard.detect import Candidate, Scan
from zhguard.finding import Applicability, Category, Kind

# One pass finds every run of 11+ digits (with the spaces or hyphens numbers are written with); the
# specific checks then run on those few runs only.
_RUN = re.compile(r"(?<![0-9A-Za-z*])\d[\d -]{9,22}[\dXx](?![0-9A-Za-z*])")
_ID18 = re.compile(r"[1-9]\d{16}[\dXx]")
_ID15 = re.compile(r"[1-9]\d{14}")
_MOBILE = re.compile(r"1[3-9]\d[- ]?\d{4}[- ]?\d{4}")
_CARD = re.compile(r"(?:\d ?){15,18}\d")
_CARD_WORDS = ("卡号", "账号", "帐号", "银行卡", "开户", "收款", "账户", "帐户")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


# _RUN without its look-arounds: whatever _RUN matches, this does, and most pages have neither; without
# the look-behind tried at every position it scans in a third of the time.
_ELEVEN_DIGITS = re.compile(r"\d[\d -]{9,22}[\dXx]")


def detect(scan: Scan) -> Iterator[Candidate]:
    text = scan.text
    if _ELEVEN_DIGITS.search(text) is None:
        return
    for run in _RUN.finditer(text):
        candidate = _classify(text, run)
        if candidate is not None:
            yield candidate


def _classify(text: str, run: re.Match[str]) -> Candidate | None:
    number = run.group()
    if _ID18.fullmatch(number) and _valid_id18(number):
        return _finding(run, Kind.ID_NUMBER, number[:6] + "*" * 8 + number[14:],
                        "疑似完整的居民身份证号码（校验位正确）：公开发布前应脱敏", 0.95)
    if _MOBILE.fullmatch(number):
        digits = re.sub(r"[- ]", "", number)
        return _finding(run, Kind.MOBILE_NUMBER, digits[:3] + "****" + digits[7:],
                        "疑似完整的手机号码：公开发布前应脱敏", 0.9)
    if _CARD.fullmatch(number):
        digits = number.replace(" ", "")
        if _luhn(digits) and any(word in text[max(0, run.start() - 12):run.start()] for word in _CARD_WORDS):
            return _finding(run, Kind.BANK_CARD, digits[:4] + "*" * (len(digits) - 8) + digits[-4:],
                            "疑似完整的银行卡号（校验正确）：公开发布前应脱敏", 0.9)
    if _ID15.fullmatch(number) and _birth_date("19" + number[6:12]) is not None:
        return _finding(run, Kind.ID_NUMBER, number[:6] + "*" * 6 + number[12:],
                        "疑似15位旧式居民身份证号码：公开发布前应脱敏", 0.7)
    return None


def _finding(m: re.Match[str], kind: Kind, masked: str, reason: str, confidence: float) -> Candidate:
    return Candidate(m.start(), m.end(), Category.PRIVACY, kind, (masked,), confidence, None, reason,
                     Applicability.UNSAFE)


def _valid_id18(number: str) -> bool:
    """GB 11643-1999: a real birth date and the ISO 7064 MOD 11-2 check character."""
    if _birth_date(number[6:14]) is None:
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _WEIGHTS))
    return _CHECK[total % 11] == number[17].upper()


def _birth_date(yyyymmdd: str) -> dt.date | None:
    try:
        born = dt.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return None
    return born if dt.date(1900, 1, 1) <= born <= dt.date.today() else None


def _luhn(digits: str) -> bool:
    total = 0
    for i, char in enumerate(reversed(digits)):
        d = int(char)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0
