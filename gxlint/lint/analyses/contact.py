"""A report's contact details, and whether it says where its electronic version is: what the
contact rules (GX301-GX303) read, offered to any rule.

* :func:`contacts` -- every address, phone number, email and postcode the text gives (a
  :class:`Found` each: its kind, label, value as written and place), found once per report;
  :func:`scan` finds them without sharing;
* :func:`judge_phone`, :func:`judge_email` -- whether a phone number or an email address is
  written so that it works;
* :func:`stated_area_codes` -- the area codes the report states in words (``区号为0591``);
* :func:`states_download` -- whether some sentence says where the report's electronic version is;
* :func:`facts` -- the format facts behind them (grammar/contact.json: labels, digit counts,
  download phrases).

The text is searched as written (full-width digits, colons and ＠ included) so that every finding
points at the characters in the file; values are normalised (NFKC) only to be judged, since the
linter must tolerate width variants (docs/format.md, Tables).
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right

from functools import lru_cache
from typing import Iterator, NamedTuple

from gxlint.chinese import HSPACE, has_cjk_run, holds_any
from gxlint.data import read_text
from gxlint.model import Span

_COLONS = ":："
_COLON = rf"{HSPACE}*[{_COLONS}]{HSPACE}*"
_SEPARATORS = r"\-－—–‐ \u3000()（）"
#: an area code, a tilde, the number (0591~61113333): the tilde only there -- elsewhere it marks a range
_TILDE_PHONE = r"0\d{2,3}[~～〜]\d{5,8}(?![\d~～〜])"


@lru_cache(maxsize=1)
def facts() -> dict:
    """The format facts of grammar/contact.json: the labels of each kind of contact detail, the digit
    counts of phone numbers and postcodes, the words of a download statement."""
    return json.loads(read_text("contact.json"))


def _label_pattern(labels) -> str:
    """An alternation of labels, longest first, tolerating spaces between their characters
    (``电 话``, ``邮 编`` in text extracted from PDF)."""
    return "(?:" + "|".join(_label_alternatives(labels)) + ")"


def _label_alternatives(labels) -> list[str]:
    return [
        (HSPACE + "*").join(re.escape(ch) for ch in label) for label in sorted(labels, key=len, reverse=True)
    ]


def _email_labels(labels) -> str:
    """The email labels, the Latin ones (E-mail, Email) in any case.  Each Latin label opens with
    its first letter as a plain character, in either case, and only the rest is matched without
    case: ``re`` skips ahead to where a pattern can start only when every alternative opens with a
    character, and a ``(?i:…)`` group would make it try every position of a paragraph
    (tests/test_contact_search_shortcuts.py holds it to the whole label without case)."""
    han = [x for x in labels if not x.isascii()]
    latin = [x for x in labels if x.isascii()]
    parts = _label_alternatives(han)
    for label in sorted(latin, key=len, reverse=True):
        rest = "".join(HSPACE + "*" + re.escape(ch) for ch in label[1:])
        for first in sorted({label[0].upper(), label[0].lower()}):
            parts.append(re.escape(first) + ("(?i:" + rest + ")" if rest else ""))
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    labels = facts()["labels"]
    return {
        # 地址：…, or 地址为/是/在… (办公地址为示例县建设路18号)
        "address": re.compile(
            _label_pattern(labels["address"])
            + rf"(?:{_COLON}|{HSPACE}*[为是在]{HSPACE}*)"
            + r"(?P<v>[^\s；;，,。）)]{2,})"
        ),
        "phone": re.compile(
            _label_pattern(labels["phone"])
            # a note between the label and its colon: 联系电话（工作日）：, 联系电话（区号：0591）：
            + rf"(?:{HSPACE}*[（(](?P<note>[^（()）\d]{{0,8}}\d*)[)）](?={HSPACE}*[{_COLONS}]))?"
            + r"(?:(?P<colon>"
            + _COLON
            + rf")|{HSPACE}*)"
            + rf"(?P<v>{_TILDE_PHONE}|(?:[+＋][ ]?)?[（(]?\d[\d{_SEPARATORS}转、,，/或]*\d)"
        ),
        # Only the Latin labels (E-mail, Email) in any case: re.I on the whole pattern costs more.
        "email_label": re.compile(
            _email_labels(labels["email"]) + _COLON + r"\[?(?P<v>[A-Za-z0-9._%+\-@＠．。]*[A-Za-z0-9])"
        ),
        "postcode": re.compile(
            _label_pattern(labels["postcode"]) + r"(?:" + _COLON + rf"|{HSPACE}*)" + r"(?P<v>\d+)"
        ),
    }


@lru_cache(maxsize=1)
def _no_value() -> frozenset[str]:
    """The words that say there is no e-mail address (contact.json's ``no_value``)."""
    return frozenset(facts()["no_value"]["words"])


@lru_cache(maxsize=1)
def _label_ends() -> dict[str, str]:
    """Per kind of label, the last characters of its labels (both cases): a paragraph holding none
    of them has no such label, and its pattern is not run on it.  Looked for with
    :func:`gxlint.chinese.holds_any`, not a character class: a class of scattered CJK characters
    is slow to compile, and a few ``in`` tests search a paragraph faster."""
    return _label_chars(-1)


@lru_cache(maxsize=1)
def _label_starts() -> dict[str, str]:
    """Per kind of label, the first characters of its labels (both cases), looked for when a
    paragraph holds a last one: some last characters are common words of their own (件, 式)."""
    return _label_chars(0)


def _label_chars(at: int) -> dict[str, str]:
    out = {}
    for kind, labels in facts()["labels"].items():
        out[kind] = "".join(sorted({v for x in labels for v in (x[at], x[at].lower(), x[at].upper())}))
    return out


_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])(?P<v>[A-Za-z0-9._%+\-]+[ \t]*[@＠]+[ \t]*[A-Za-z0-9\-]+"
    r"(?:[.．。][A-Za-z0-9\-]+)*)"
)
# the characters of an address's local part, as _EMAIL's first class
_LOCAL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-")


def _emails(text: str) -> Iterator[re.Match[str]]:
    """What ``_EMAIL.finditer(text)`` finds, trying the pattern only where the local part before an
    @ or ＠ begins: a pattern that opens with a look-behind is tried at every character, and a
    match can begin nowhere else (tests/test_contact_search_shortcuts.py holds it to finditer)."""
    places = []
    for sign in "@＠":
        at = text.find(sign)
        while at >= 0:
            i = at
            while i > 0 and text[i - 1] in " \t":
                i -= 1
            start = i
            while start > 0 and text[start - 1] in _LOCAL:
                start -= 1
            if start < i:
                places.append(start)
            at = text.find(sign, at + 1)
    end = 0  # as finditer: the next match begins where the last one ended
    for start in sorted(places):
        if start >= end:
            m = _EMAIL.match(text, start)
            if m is not None:
                yield m
                end = m.end()


_EMAIL_VALID = re.compile(
    r"^[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*"
    r"@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$"
)
# what every landline number holds: a quick test first (a first digit apart lets ``re`` skip to the
# digits instead of trying the whole pattern at every character)
_SEVEN_DIGITS = re.compile(r"\d\d{6}")
# an unlabelled number is looked for only when no labelled one was found: compiled on first use
# (``re`` caches)
_UNLABELLED_PHONE = r"(?<![\d.])(?:[（(]?0\d{2,3}[)）]?[\-－—–‐~～〜 ]?\d{7,8}|1[3-9]\d{9}|[48]00[\-－ ]?\d{3}[\-－ ]?\d{4})(?![\d.])"
_AREA_CODE_STATED = re.compile(r"区号(?:为|是)?[:：]?\s*(0\d{2,3})(?!\d)")


def stated_area_codes(report) -> set[str]:
    """The area codes the report states in words anywhere (``本局电话区号为0591``, ``区号：0591``)."""
    return {
        m.group(1)
        for para in report.paragraphs
        if "区号" in para.text
        for m in _AREA_CODE_STATED.finditer(para.text)
    }


#: letters typed for digits (O for 0, l or I for 1)
_LOOK_ALIKE = frozenset("OoIl")
_LABEL_NOTE = re.compile(r"[（(][^（()）]*[)）]")
_NUMBER = re.compile(rf"{_TILDE_PHONE}|(?:[+＋][ ]?)?[（(]?\d[\d{_SEPARATORS}]*\d|\d")
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
_BLANKS = re.compile(r"[ \t]")
# \s holds U+3000 (the ideographic space) and every other blank
_LABEL_NOISE = re.compile(r"[\s:：]")


def _phone_like(value: str) -> bool:
    digits = _DIGIT.findall(value)
    return len(digits) >= 7 or _nfkc(value).lstrip("(（").startswith("0")


# a named tuple, not a dataclass: made at start-up in a tenth of the time (docs/performance.md)
class Found(NamedTuple):
    """A contact item found in the text: its kind, value as written, and where.  ``shares_area_code``
    marks a number listed after one written with its area code (``0371-61234567、61234568``), which
    by convention shares it."""

    kind: str  # address, phone, email, postcode
    label: str
    value: str
    span: Span
    shares_area_code: bool = False


def _span(report, para, start: int, end: int) -> Span:
    return report.source.span(para.source_offset(start), para.source_offset(max(start, end - 1)) + 1)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _label_of(match: re.Match, value_start: int) -> str:
    text = match.string[match.start() : value_start]
    return _LABEL_NOISE.sub("", text)


def _found(kind: str, m: re.Match, report, para) -> Found:
    return Found(kind, _label_of(m, m.start("v")), m.group("v"), _span(report, para, *m.span("v")))


def scan(report) -> list[Found]:
    """Every address, phone number, email and postcode the report's text gives, in the order of its
    paragraphs; a malformed value is found too (judge it with :func:`judge_phone`,
    :func:`judge_email`)."""
    pats = _patterns()
    ends, starts = _label_ends(), _label_starts()
    out: list[Found] = []
    phoned = False  # a phone number is in ``out``
    paragraphs = list(report.paragraphs)
    # which paragraphs hold a label's last character or an @, found in the text of them all at
    # once: most paragraphs hold none, and are not searched one by one
    within = _Within([para.text for para in paragraphs])
    address, phone, postcode = (within.holding(ends[k]) for k in ("address", "phone", "postcode"))
    # an email label stands before its colon: the paragraphs holding a colon, fewer than those
    # holding the labels' last characters (件 ends a common word, and a Latin l is slow to look for
    # in Chinese text)
    email = within.holding(_COLONS)
    at_sign = within.holding("@＠")
    # most paragraphs hold no label, @ or number: only the landline search may look at them
    wanted = address | phone | email | postcode | at_sign
    for index, para in enumerate(paragraphs):
        text = para.text
        if index in wanted:
            for m in (
                pats["address"].finditer(text)
                if index in address and holds_any(text, starts["address"])
                else ()
            ):
                if has_cjk_run(m.group("v"), 1):  # "网站地址：www…" is no postal address
                    out.append(_found("address", m, report, para))
            # 区号：0591 written in the paragraph: its local numbers have their area code
            area_stated = "区号" in text and _AREA_CODE_STATED.search(text) is not None
            for m in (
                pats["phone"].finditer(text) if index in phone and holds_any(text, starts["phone"]) else ()
            ):
                label = _LABEL_NOTE.sub("", _label_of(m, m.start("v")))
                if m.group("colon") is None and not _phone_like(m.group("v")):
                    continue  # "接听咨询电话450余次": a count after the word, not a number to call
                base = m.start("v")
                with_area_code = area_stated
                for i, n in enumerate(_NUMBER.finditer(m.group("v"))):
                    if i and len(_DIGIT.findall(n.group())) < 5:
                        break  # what follows a list of numbers ("，2020年…") is not one of them
                    s, e = base + n.start(), base + n.end()
                    if text[e : e + 1] in _LOOK_ALIKE and not text[e + 1 : e + 2].isalpha():
                        e += 1  # 0591-6111333O: a letter typed for the last digit is part of the number
                    out.append(Found("phone", label, text[s:e], _span(report, para, s, e), with_area_code))
                    phoned = True
                    with_area_code = with_area_code or _nfkc(n.group()).lstrip("(（").startswith("0")
            for m in (
                pats["postcode"].finditer(text)
                if index in postcode and holds_any(text, starts["postcode"])
                else ()
            ):
                found = _found("postcode", m, report, para)
                group = _POSTCODE_GROUP.match(text, m.end())
                if group and len(found.value) + len(group.group(1)) == facts()["postcode_digits"]:
                    # 邮编：350 100: the six digits in two groups, as a phone number's may be
                    span = _span(report, para, m.start("v"), group.end())
                    found = Found("postcode", found.label, found.value + group.group(1), span)
                rest = _continued(paragraphs, index, m)
                if rest and len(found.value) + len(rest) <= facts()["postcode_digits"]:
                    # 邮编：450 / 100：the line ended inside the number (hard-wrapped text)
                    found = Found("postcode", found.label, found.value + rest, found.span)
                out.append(found)
            seen = set()
            for m in _emails(text) if index in at_sign else ():
                if text[max(0, m.start() - 7) : m.start()].lower().endswith("mailto:"):
                    continue  # the target of a markdown link repeats the address shown
                value = _BLANKS.sub("", m.group("v"))
                rest = _continued_address(paragraphs, index, m)
                if rest and not judge_email(value) and judge_email(value + rest):
                    value += rest  # gkb@shili.example.gov.c / n: the line end cut the address
                if value in seen:
                    continue
                seen.add(value)
                out.append(Found("email", "", value, _span(report, para, *m.span("v"))))
            for m in (
                pats["email_label"].finditer(text)
                if index in email and holds_any(text, starts["email"])
                else ()
            ):
                value = m.group("v")
                if value and "@" not in value and "＠" not in value and value.lower() not in _no_value():
                    out.append(_found("email", m, report, para))
        # searched paragraph by paragraph, not in all of them at once: the search ends where the
        # first phone number is found, most often by its label before its digits are reached
        if not phoned and _SEVEN_DIGITS.search(text):
            # a number written so that it can only be a phone: with its area code, a mobile, a
            # 400/800 number (联系人：王某，13812345678)
            for m in re.finditer(_UNLABELLED_PHONE, text):
                out.append(Found("phone", "", m.group(), _span(report, para, *m.span())))
                phoned = True
    return out


_POSTCODE_GROUP = re.compile(r"[ \u3000\u00a0](\d{2,4})(?!\d)")


def _continued(paragraphs: list, index: int, m: re.Match) -> str:
    """The digits that open the paragraph after ``paragraphs[index]`` when ``m``'s value ends that
    paragraph: a number the line end cut in two, in text hard-wrapped line by line (a PDF's text,
    ``pdftotext -layout``), whose lines are paragraphs of their own."""
    if m.end("v") != len(m.string.rstrip()) or index + 1 >= len(paragraphs):
        return ""
    more = _DIGITS.match(paragraphs[index + 1].text.lstrip(" \u3000"))
    return more.group() if more else ""


_ADDRESS_REST = re.compile(r"[A-Za-z0-9.\-]+(?![A-Za-z0-9@＠])")


def _continued_address(paragraphs: list, index: int, m: re.Match) -> str:
    """The rest of an email address that ends its paragraph, where the next paragraph opens with
    what may end it (``n``, ``mple.gov.cn``) and nothing else Latin: text hard-wrapped line by line."""
    after = m.string[m.end("v") :]
    if after[:1].isspace() and after.strip():
        following = after.lstrip()  # the lines joined into one paragraph, the break a blank
    elif after.strip() or index + 1 >= len(paragraphs):
        return ""
    else:
        following = paragraphs[index + 1].text.lstrip(" \u3000")
    more = _ADDRESS_REST.match(following)
    if more is None or (
        len(following) > more.end() and following[more.end()].isascii() and following[more.end()].isalpha()
    ):
        return ""
    return more.group()


class _Within:
    """Paragraphs' texts joined by line ends, to find which paragraphs hold a character or a
    pattern (that does not match a line end) with one search of them all."""

    def __init__(self, texts: list[str]) -> None:
        self.text = "\n".join(texts)
        self.starts = []
        at = 0
        for text in texts:
            self.starts.append(at)
            at += len(text) + 1

    def holding(self, chars: str) -> set[int]:
        """The indices of the paragraphs that hold one of ``chars``."""
        found = set()
        text, starts = self.text, self.starts
        for ch in chars:
            at = text.find(ch)
            while at >= 0:
                i = bisect_right(starts, at) - 1
                found.add(i)
                at = text.find(ch, starts[i + 1]) if i + 1 < len(starts) else -1
        return found


def contacts(report, ctx) -> list[Found]:
    """:func:`scan`, computed once per report and shared by every rule that asks (``ctx.memo``)."""
    return ctx.memo(("gxlint", "contacts"), lambda: scan(report))


# -- judging what was found --------------------------------------------------------------------------


def judge_phone(value: str) -> tuple[str, int]:
    """('ok' | 'no-area-code' | 'malformed', digit count) for a phone number as written."""
    p = facts()["phone"]
    text = _nfkc(value).strip()
    groups = _DIGITS.findall(text)
    if text.startswith("+"):  # international form: +86 951 5012345, the area code without its 0
        country = p["country_code"]
        digits = "".join(groups)
        if not digits.startswith(country):
            return "ok", len(digits)  # another country's numbering plan: not judged here
        rest = digits[len(country) :]
        if rest.startswith(p["mobile_prefix"]) and len(rest) == p["mobile_digits"]:
            return "ok", len(digits)
        lo = p["area_code_digits"][0] - 1 + p["local_digits"][0]
        hi = p["area_code_digits"][1] - 1 + p["local_digits"][1]
        return ("ok" if lo <= len(rest) <= hi else "malformed"), len(digits)
    digits = "".join(groups)
    n = len(digits)
    if any(ch.isascii() and ch.isalpha() for ch in text):
        return "malformed", n  # 0591-6111333O: a letter where a digit belongs
    area_lo, area_hi = p["area_code_digits"]
    local_lo, local_hi = p["local_digits"]
    svc_lo, svc_hi = p["service_digits"]
    if digits.startswith(p["mobile_prefix"]) and n == p["mobile_digits"]:
        return "ok", n
    if any(digits.startswith(x) for x in p["national_prefixes"]) and n == p["national_digits"]:
        return "ok", n
    if digits.startswith("0"):
        first = groups[0]
        if len(groups) >= 2 and area_lo <= len(first) <= area_hi and local_lo <= len(groups[1]) <= local_hi:
            return "ok", n  # further groups are an extension
        if len(groups) == 1 and area_lo + local_lo <= n <= area_hi + local_hi:
            return "ok", n
        local = groups[1:]
        if (
            area_lo <= len(first) <= area_hi
            and len(local) == 1
            and local[0].startswith(p["service_prefix"])
            and svc_lo <= len(local[0]) <= svc_hi
        ):
            return "ok", n  # a service number written with the area code: 0591-12345
        if (
            area_lo <= len(first) <= area_hi
            and len(local) >= 2
            and all(3 <= len(g) <= 4 for g in local)
            and local_lo <= sum(map(len, local)) <= local_hi
        ):
            return "ok", n  # the local number in groups: 0591-6111 3333
        return "malformed", n
    if digits.startswith(p["service_prefix"]) and svc_lo <= n <= svc_hi and len(groups) == 1:
        return "ok", n
    if len(groups) == 1 and local_lo <= n <= local_hi:
        return "no-area-code", n
    return "malformed", n


def judge_email(value: str) -> bool:
    """Whether an email address as written is well formed once width variants are normalised (a
    full-width ＠ or ．passes here; a mail program still needs the half-width one)."""
    return bool(_EMAIL_VALID.match(_nfkc(value).replace(" ", "")))


# -- the electronic version -------------------------------------------------------------------------

_SENTENCE = re.compile(r"[^。！？；!?;\n]+")


def states_download(report) -> bool:
    """Whether some sentence says where the report's electronic version can be found."""
    d = facts()["download"]
    for para in report.paragraphs:
        if not holds_any(para.text, d["verbs"]):  # then none of its sentences has one
            continue
        for m in _SENTENCE.finditer(para.text):
            s = m.group()
            if not any(v in s for v in d["verbs"]):
                continue
            if any(x in s for x in d["subjects"]):
                return True
            if any(x in s for x in d["report_words"]) and any(x in s.lower() for x in d["places"]):
                return True
    return False
