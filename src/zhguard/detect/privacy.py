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

from zhguard.detect import Candidate
from zhguard.finding import Applicability, Category, Kind

_ID18 = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])")
_ID15 = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{14}(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9A-Za-z])1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![0-9A-Za-z])")
_CARD = re.compile(r"(?<![0-9A-Za-z])(?:\d[ ]?){15,18}\d(?![0-9A-Za-z])")
_CARD_WORDS = ("卡号", "账号", "帐号", "银行卡", "开户", "收款", "账户", "帐户")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def detect(text: str) -> Iterator[Candidate]:
    if not any(c.isdigit() for c in text):
        return
    taken: list[tuple[int, int]] = []
    for m in _ID18.finditer(text):
        number = m.group()
        if _valid_id18(number):
            taken.append(m.span())
            yield _finding(m, Kind.ID_NUMBER, number[:6] + "*" * 8 + number[14:],
                           "疑似完整的居民身份证号码（校验位正确）：公开发布前应脱敏", 0.95)
    for m in _ID15.finditer(text):
        number = m.group()
        if _birth_date("19" + number[6:12]) is not None and not _inside(m.span(), taken):
            taken.append(m.span())
            yield _finding(m, Kind.ID_NUMBER, number[:6] + "*" * 6 + number[12:],
                           "疑似15位旧式居民身份证号码：公开发布前应脱敏", 0.7)
    for m in _CARD.finditer(text):
        digits = m.group().replace(" ", "")
        if (16 <= len(digits) <= 19 and _luhn(digits) and not _inside(m.span(), taken)
                and any(word in text[max(0, m.start() - 12):m.start()] for word in _CARD_WORDS)):
            taken.append(m.span())
            yield _finding(m, Kind.BANK_CARD, digits[:4] + "*" * (len(digits) - 8) + digits[-4:],
                           "疑似完整的银行卡号（校验正确）：公开发布前应脱敏", 0.9)
    for m in _MOBILE.finditer(text):
        digits = re.sub(r"[- ]", "", m.group())
        if not _inside(m.span(), taken):
            yield _finding(m, Kind.MOBILE_NUMBER, digits[:3] + "****" + digits[7:],
                           "疑似完整的手机号码：公开发布前应脱敏", 0.9)


def _finding(m: re.Match[str], kind: Kind, masked: str, reason: str, confidence: float) -> Candidate:
    return Candidate(m.start(), m.end(), Category.PRIVACY, kind, (masked,), confidence, None, reason,
                     Applicability.UNSAFE)


def _inside(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in taken)


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
