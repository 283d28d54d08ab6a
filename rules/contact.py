"""GX3xx: can readers reach the office, and find the report's electronic version.

The labels, digit counts and download phrases are format facts kept in grammar/contact.json.  The
text is searched as written (full-width digits, colons and ＠ included) so that every finding
points at the characters in the file; values are normalised (NFKC) only to be judged, since the
linter must tolerate width variants (docs/format.md, Tables).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from gxlint.data import read_text
from gxlint.model import Span
from gxlint.rule import Option, Rule

from .input import is_report

_COLON = r"[ \t\u3000]*[:：][ \t\u3000]*"
_SEPARATORS = r"\-－—–‐ \u3000()（）"


@lru_cache(maxsize=1)
def facts() -> dict:
    return json.loads(read_text("contact.json"))


def _label_pattern(labels) -> str:
    """An alternation of labels, longest first, tolerating spaces between their characters
    (``电 话``, ``邮 编`` in text extracted from PDF)."""
    parts = []
    for label in sorted(labels, key=len, reverse=True):
        parts.append(r"[ \t\u3000]*".join(re.escape(ch) for ch in label))
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    labels = facts()["labels"]
    return {
        "address": re.compile(_label_pattern(labels["address"]) + _COLON + r"(?P<v>[^\s；;，,。）)]{2,})"),
        "phone": re.compile(_label_pattern(labels["phone"]) + r"(?:(?P<colon>" + _COLON + r")|[ \t\u3000]*)"
                            + rf"(?P<v>(?:[+＋][ ]?)?[（(]?\d[\d{_SEPARATORS}转、,，/或]*\d)"),
        "email_label": re.compile(_label_pattern(labels["email"]) + _COLON
                                  + r"\[?(?P<v>[A-Za-z0-9._%+\-@＠．。]*[A-Za-z0-9])", re.I),
        "postcode": re.compile(_label_pattern(labels["postcode"]) + r"(?:" + _COLON + r"|[ \t\u3000]*)"
                               + r"(?P<v>\d+)"),
    }


_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+\-])(?P<v>[A-Za-z0-9._%+\-]+[ \t]*[@＠][ \t]*[A-Za-z0-9\-]+"
                    r"(?:[.．。][A-Za-z0-9\-]+)*)")
_EMAIL_VALID = re.compile(r"^[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*"
                          r"@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
                          r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$")
_LANDLINE = re.compile(r"(?<!\d)[（(]?0\d{2,3}[)）]?[\-－—–‐ ]?\d{7,8}(?!\d)")
_NUMBER = re.compile(rf"(?:[+＋][ ]?)?[（(]?\d[\d{_SEPARATORS}]*\d|\d")


def _phone_like(value: str) -> bool:
    digits = re.findall(r"\d", value)
    return len(digits) >= 7 or _nfkc(value).lstrip("(（").startswith("0")


def _checkable(report) -> bool:
    return report.readable and bool(report.source.text.strip()) and is_report(report)


_FULL_WIDTH_EMAIL = re.compile("[\uff01-\uff5e\u3002]")


@dataclass(frozen=True)
class Found:
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
    text = match.string[match.start():value_start]
    return re.sub(r"[\s\u3000:：]", "", text)


def _found(kind: str, m: re.Match, report, para) -> Found:
    return Found(kind, _label_of(m, m.start("v")), m.group("v"), _span(report, para, *m.span("v")))


def scan(report) -> list[Found]:
    """Every address, phone number, email and postcode the report's text gives."""
    pats = _patterns()
    out: list[Found] = []
    for para in report.paragraphs:
        text = para.text
        for m in pats["address"].finditer(text):
            if re.search(r"[\u4e00-\u9fff]", m.group("v")):  # "网站地址：www…" is no postal address
                out.append(_found("address", m, report, para))
        for m in pats["phone"].finditer(text):
            label = _label_of(m, m.start("v"))
            if m.group("colon") is None and not _phone_like(m.group("v")):
                continue  # "接听咨询电话450余次": a count after the word, not a number to call
            base = m.start("v")
            with_area_code = False
            for i, n in enumerate(_NUMBER.finditer(m.group("v"))):
                if i and len(re.findall(r"\d", n.group())) < 5:
                    break  # what follows a list of numbers ("，2020年…") is not one of them
                s, e = base + n.start(), base + n.end()
                out.append(Found("phone", label, text[s:e], _span(report, para, s, e), with_area_code))
                with_area_code = with_area_code or _nfkc(n.group()).lstrip("(（").startswith("0")
        for m in pats["postcode"].finditer(text):
            out.append(_found("postcode", m, report, para))
        seen = set()
        for m in _EMAIL.finditer(text):
            if text[max(0, m.start() - 7):m.start()].lower().endswith("mailto:"):
                continue  # the target of a markdown link repeats the address shown
            value = re.sub(r"[ \t]", "", m.group("v"))
            if value in seen:
                continue
            seen.add(value)
            out.append(Found("email", "", value, _span(report, para, *m.span("v"))))
        for m in pats["email_label"].finditer(text):
            value = m.group("v")
            if value and "@" not in value and "＠" not in value:
                out.append(_found("email", m, report, para))
        if not any(f.kind == "phone" for f in out):
            for m in _LANDLINE.finditer(text):
                out.append(Found("phone", "", m.group(), _span(report, para, *m.span())))
    return out


# -- GX301 ---------------------------------------------------------------------------------------

class MissingContact(Rule):
    """The report gives no way to contact the office: no address, no phone number, no email.

    Reports close their introduction with whom to ask about the report: a contact address,
    postcode, phone number and email.  This rule looks through the whole text for any of the
    three (``地址：`` / ``联系地址：``…, ``电话：`` / ``联系电话：`` / ``电话/传真：``… or a number written
    with its area code, and any email address) and reports once when none is there, naming all
    three.  Malformed values still count as present (GX302 reports them).

    The contact details are good practice that readers and evaluators expect, not a written
    requirement of the regulation or of the unified format (which prescribes the six chapters and
    the three tables), so the finding is a warning, like the missing period statement (GX401).

    Anti-pattern::

        本报告电子版可在示例县人民政府门户网站下载。

    Best practice::

        如对本报告有疑问，请与示例县教育局办公室联系（地址：示例县建设路18号；邮编：450100；
        电话：0371-61234567；电子邮箱：gkb@shili.example.gov.cn）。
    """

    code = "GX301"
    name = "missing-contact"
    severity = "warning"
    summary = "no way to contact the office: no address, phone or email"
    summary_zh = "未提供联系方式：地址、电话、电子邮箱均缺失"
    doc_zh = """报告没有提供任何联系方式：没有地址、电话，也没有电子邮箱。

    报告通常在前言末尾说明如何就本报告咨询：联系地址、邮编、电话和电子邮箱。本规则在全文中
    查找这三者中的任何一项（“地址：”“联系地址：”等，“电话：”“联系电话：”“电话/传真：”等或
    带区号的号码，以及任何电子邮箱），三者都没有时报告一条，并列出所缺的三项。格式有误的
    联系方式仍算已提供（由 GX302 报告）。

    联系方式是读者和评估者期待的良好做法，而不是《条例》或统一格式（规定的是六个部分和三张
    表）的明文要求，因此本规则为警告，与缺少统计期限（GX401）相同。"""
    spec = "good-practice"

    def check(self, report, ctx):
        if not _checkable(report):
            return
        kinds = {f.kind for f in ctx.memo(('gxlint_rules.contact', 'scan'), lambda: scan(report))}
        if kinds & {"address", "phone", "email"}:
            return
        where = report.title_span or Span(1, 1, 1, 1)
        yield ctx.finding(where,
                          zh="报告未提供联系方式：没有联系地址、联系电话，也没有电子邮箱",
                          en="the report gives no way to contact the office: "
                             "no address, no phone number and no email",
                          fix_zh="在前言中写明联系地址、邮编、电话（含区号）和电子邮箱",
                          fix_en="state the office's address, postcode, phone number (with area code) "
                                 "and email in the introduction",
                          key="no-contact")


# -- GX302 ---------------------------------------------------------------------------------------

def judge_phone(value: str) -> tuple[str, int]:
    """('ok' | 'no-area-code' | 'malformed', digit count) for a phone number as written."""
    p = facts()["phone"]
    text = _nfkc(value).strip()
    groups = re.findall(r"\d+", text)
    if text.startswith("+"):  # international form: +86 951 5012345, the area code without its 0
        country = p["country_code"]
        digits = "".join(groups)
        if not digits.startswith(country):
            return "ok", len(digits)  # another country's numbering plan: not judged here
        rest = digits[len(country):]
        if rest.startswith(p["mobile_prefix"]) and len(rest) == p["mobile_digits"]:
            return "ok", len(digits)
        lo = p["area_code_digits"][0] - 1 + p["local_digits"][0]
        hi = p["area_code_digits"][1] - 1 + p["local_digits"][1]
        return ("ok" if lo <= len(rest) <= hi else "malformed"), len(digits)
    digits = "".join(groups)
    n = len(digits)
    area_lo, area_hi = p["area_code_digits"]
    local_lo, local_hi = p["local_digits"]
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
        return "malformed", n
    svc_lo, svc_hi = p["service_digits"]
    if digits.startswith(p["service_prefix"]) and svc_lo <= n <= svc_hi and len(groups) == 1:
        return "ok", n
    if len(groups) == 1 and local_lo <= n <= local_hi:
        return "no-area-code", n
    return "malformed", n


def judge_email(value: str) -> bool:
    return bool(_EMAIL_VALID.match(_nfkc(value).replace(" ", "")))


class MalformedContact(Rule):
    """A phone number without its area code, or an invalid email address or postcode.

    The report is published on the web and read far from the office, so a landline is written
    with its area code (``0955-7063892``): a bare 7- or 8-digit local number cannot be dialled
    from elsewhere (a number listed right after one with an area code, ``0955-7063893、7063892``,
    shares it by convention and is accepted).  This includes a 监督电话 or 传真 beside a correctly written 联系电话 (the
    fix then suggests the area code the report uses elsewhere); set the option
    ``require-area-code: false`` to accept local numbers.  Mobiles (11 digits), 400/800 numbers
    and service numbers such as 12345 need none.  Also reported: numbers with a wrong digit
    count, email addresses that cannot work (no ``@``, no domain, ``163。com``) and postcodes
    that are not six digits.  An address written with full-width ``＠`` or ``．`` is reported too:
    a reader sees it, but a mail program given it cannot send.  Full-width digits in phone numbers
    and postcodes are accepted as written.

    Anti-pattern::

        联系电话：0955-7063893；监督电话：7063892；电子邮箱：office163.com；邮编：75100

    Best practice::

        联系电话：0955-7063893；监督电话：0955-7063892；电子邮箱：office@163.com；邮编：751000
    """

    code = "GX302"
    name = "malformed-contact"
    severity = "warning"
    summary = "a phone number without area code, or an invalid email or postcode"
    summary_zh = "联系电话缺少区号，或电子邮箱、邮编格式不正确"
    doc_zh = """联系电话缺少区号，或电子邮箱、邮政编码格式不正确。

    报告在网上发布，读者往往不在本地，固定电话应连同区号书写（如 0955-7063892）：只有 7 位或
    8 位的本地号码在外地无法拨通（紧跟在带区号号码之后列出的号码，如“0955-7063893、7063892”，
    按惯例共用该区号，不报告）。与正确书写的联系电话并列的监督电话、传真也一样（此时修改
    建议会给出报告中其他号码使用的区号）；如需接受本地号码，可将选项 ``require-area-code``
    设为 false。手机（11 位）、400/800 号码和 12345 等服务号码不需要区号。位数不对的号码、
    无法使用的电子邮箱（缺少“@”、缺少域名、写成“163。com”）以及不是 6 位数字的邮编也在此报告。
    电子邮箱中含全角“＠”“．”的也在此报告：读者看得懂，但复制到邮件程序中无法发送。电话和邮编中的全角数字
    按原样接受。"""
    spec = "good-practice"
    options = {"require-area-code": Option(True, "report landline numbers written without their area code")}

    def check(self, report, ctx):
        if not _checkable(report):
            return
        found = ctx.memo(('gxlint_rules.contact', 'scan'), lambda: scan(report))
        written = [re.findall(r"\d+", _nfkc(f.value)) for f in found
                   if f.kind == "phone" and judge_phone(f.value)[0] == "ok"]
        area_codes = sorted({g[0] for g in written if len(g) >= 2 and g[0].startswith("0")})
        for item in found:
            if item.kind == "phone":
                yield from self._phone(item, area_codes, ctx)
            elif item.kind == "email" and judge_email(item.value) and _FULL_WIDTH_EMAIL.search(item.value):
                # 全角 ＠ or ．: people read it, but a mail program given it will not send
                fixed = _nfkc(item.value).replace("。", ".")
                yield ctx.finding(item.span,
                                  zh=f"电子邮箱“{item.value}”含全角字符（如“＠”“．”），复制到邮件程序中无法发送",
                                  en=f"the email address “{item.value}” has full-width characters (＠, ．): "
                                     "copied into a mail program it does not work",
                                  fix_zh=f"改用半角字符：{fixed}", fix_en=f"use half-width characters: {fixed}",
                                  key=f"email-width:{item.value}")
            elif item.kind == "email" and not judge_email(item.value):
                why_zh, why_en = ("缺少“@”", "it has no @") if not re.search("[@＠]", item.value) else (
                    "域名不完整或含非法字符", "its domain is incomplete or has invalid characters")
                yield ctx.finding(item.span, zh=f"电子邮箱“{item.value}”格式不正确：{why_zh}",
                                  en=f"the email address “{item.value}” is invalid: {why_en}",
                                  fix_zh="写成“名称@域名”的完整形式，如 office@163.com",
                                  fix_en="write the full address, name@domain, e.g. office@163.com",
                                  key=f"email:{item.value}")
            elif item.kind == "postcode":
                digits = _nfkc(item.value)
                want = facts()["postcode_digits"]
                if len(digits) != want:
                    yield ctx.finding(item.span,
                                      zh=f"邮编“{item.value}”有 {len(digits)} 位数字，邮政编码应为 {want} 位",
                                      en=f"the postcode “{item.value}” has {len(digits)} digits; "
                                         f"a postcode has {want}",
                                      key=f"postcode:{item.value}")

    def _phone(self, item: Found, area_codes: list[str], ctx):
        verdict, n = judge_phone(item.value)
        label = item.label or "电话"
        if verdict == "no-area-code":
            if item.shares_area_code or not ctx.options.get("require-area-code", True):
                return
            fix_zh = fix_en = None
            if len(area_codes) == 1:
                fix_zh = f"写明区号，如 {area_codes[0]}-{item.value.strip()}"
                fix_en = f"add the area code, e.g. {area_codes[0]}-{item.value.strip()}"
            else:
                fix_zh, fix_en = "写明区号，如 0XXX-XXXXXXX", "add the area code, e.g. 0XXX-XXXXXXX"
            yield ctx.finding(item.span, zh=f"{label}“{item.value}”缺少区号：在网上发布的固定电话应带区号",
                              en=f"{label} “{item.value}” has no area code: a landline published on the web "
                                 "needs its area code",
                              fix_zh=fix_zh, fix_en=fix_en, key=f"phone:{item.value}")
        elif verdict == "malformed":
            yield ctx.finding(item.span,
                              zh=f"{label}“{item.value}”不是有效的电话号码（{n} 位数字；固定电话为区号加 7–8 位号码，"
                                 "手机为 11 位）",
                              en=f"{label} “{item.value}” is not a valid phone number ({n} digits; "
                                 "a landline is an area code and 7–8 digits, a mobile 11 digits)",
                              key=f"phone:{item.value}")


# -- GX303 ---------------------------------------------------------------------------------------

_SENTENCE = re.compile(r"[^。！？；!?;\n]+")


def states_download(report) -> bool:
    """Whether some sentence says where the report's electronic version can be found."""
    d = facts()["download"]
    for para in report.paragraphs:
        for m in _SENTENCE.finditer(para.text):
            s = m.group()
            if not any(v in s for v in d["verbs"]):
                continue
            if any(x in s for x in d["subjects"]):
                return True
            if any(x in s for x in d["report_words"]) and any(x in s.lower() for x in d["places"]):
                return True
    return False


class MissingDownloadLocation(Rule):
    """The report does not say where its electronic version can be found.

    Reports usually say in their introduction where the electronic version is published
    (``本报告电子版可在××人民政府门户网站“政府信息公开”专栏查阅和下载``), so that a printed or
    forwarded copy leads readers to the authoritative one.  The rule looks for a sentence that
    names the electronic version (电子版, 电子文本, 全文) or the report together with a website,
    column or platform, and a verb of finding it (下载, 查阅, 查看, 获取, 浏览, 公布, 刊登 …).  This is good
    practice, not a written requirement of the regulation or of the unified format, hence an info
    finding.

    Anti-pattern::

        本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。

    Best practice::

        本报告电子版可在示例县人民政府门户网站（www.shili.example.gov.cn）查阅和下载。
    """

    code = "GX303"
    name = "missing-download-location"
    severity = "info"
    summary = "the report does not say where its electronic version can be found"
    summary_zh = "未说明报告电子版的获取途径"
    doc_zh = """报告没有说明电子版在哪里可以找到。

    报告通常在前言中说明电子版的发布位置（如“本报告电子版可在××人民政府门户网站
    ‘政府信息公开’专栏查阅和下载”），使纸质或转发的文本能指引读者找到权威版本。本规则查找
    同时提到电子版（电子版、电子文本、全文）或“报告”与网站、专栏、平台，并带有下载、查阅、
    查看、获取、浏览、公布、刊登等动词的句子。这是良好做法，而不是《条例》或统一格式的明文要求，
    因此为提示级别。"""
    spec = "good-practice"

    def check(self, report, ctx):
        if not _checkable(report) or states_download(report):
            return
        yield ctx.finding(report.title_span or Span(1, 1, 1, 1),
                          zh="报告未说明电子版的获取途径（在哪个网站或栏目可以查阅、下载）",
                          en="the report does not say where its electronic version can be found "
                             "(which website or column to read or download it from)",
                          fix_zh="在前言中写明，如“本报告电子版可在××人民政府门户网站查阅和下载”",
                          fix_en="say so in the introduction, e.g. 本报告电子版可在××人民政府门户网站查阅和下载",
                          key="no-download")
