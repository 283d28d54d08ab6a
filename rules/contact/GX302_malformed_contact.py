"""GX302: a phone number without its area code, or an invalid email address or postcode."""

from __future__ import annotations

from functools import cache

import re
import unicodedata
from functools import lru_cache

from gxlint.lint.analyses.chapters import checkable
from gxlint.lint.analyses.contact import (
    Found,
    contacts,
    facts,
    judge_email,
    judge_phone,
    stated_area_codes,
)
from gxlint.lint.rule import Message, Option, Phrase, Rule

_FULL_WIDTH_EMAIL = re.compile("[\uff01-\uff5e\u3002]")
_DIGITS = re.compile(r"\d+")


class MalformedContact(Rule):
    """A phone number without its area code, or an invalid email address or postcode.

    The report is published on the web and read far from the office, so a landline is written
    with its area code (``0955-7063892``): a bare 7- or 8-digit local number cannot be dialled
    from elsewhere (a number listed right after one with an area code, ``0955-7063893、7063892``,
    shares it by convention and is accepted, and so is one whose paragraph states the area code:
    ``区号：0591，联系电话：61113333``, ``61113333（区号0591）``).  This includes a 监督电话 or 传真 beside a correctly written 联系电话 (the
    fix then suggests the area code the report uses elsewhere, or states: ``本局电话区号为0591``); set the option
    ``require-area-code: false`` to accept local numbers.  Mobiles (11 digits), 400/800 numbers
    and service numbers such as 12345 need none (also written with it: ``0591-12345``); a local number may be written in groups
    (``0591-6111 3333``), and a tilde may stand for the hyphen (``0591~61113333``).  Also reported: numbers with a wrong digit count, a wrong first digit
    (a mobile starts with 1, an area code with 0) or a letter typed for a digit (``6111333O``), email addresses that cannot work (no ``@``, two, no domain, ``163。com``) and postcodes
    that are not six digits.  An address written with full-width ``＠`` or ``．`` is reported too:
    a reader sees it, but a mail program given it cannot send.  Full-width digits in phone numbers
    and postcodes are accepted as written, and so is a postcode that a line end cut in two in text
    hard-wrapped line by line (``邮编：450`` / ``100；电话…``, text from a PDF), and an email address
    cut so where only the two parts together make an address (``…gov.c`` / ``n``).

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
    建议会给出报告中其他号码使用或在别处写明的区号）；如需接受本地号码，可将选项 ``require-area-code``
    设为 false。同一段中写明区号的（“区号：0591，联系电话：61113333”“61113333（区号0591）”）不报告。
    手机（11 位）、400/800 号码和 12345 等服务号码不需要区号（带区号写成“0591-12345”也可）；本地号码可分组书写（“0591-6111 3333”），区号与号码之间也可用波浪号（“0591~61113333”）。
    位数不对、首位不对（手机以 1 开头，区号以 0 开头）或把数字写成字母（“6111333O”）的号码、
    无法使用的电子邮箱（缺少“@”、有两个“@”、缺少域名、写成“163。com”）以及不是 6 位数字的邮编也在此报告。
    电子邮箱中含全角“＠”“．”的也在此报告：读者看得懂，但复制到邮件程序中无法发送。电话和邮编中的全角数字
    按原样接受；逐行折行的文本（如 PDF 中的文字）中被行尾截成两段的邮编（“邮编：450”/“100；电话…”）
    按连起来的数字读取；被截断的电子邮箱地址，合起来才是有效地址的，也合起来读取。"""
    spec = "good-practice"
    options = {
        "require-area-code": Option(
            True,
            "report landline numbers written without their area code",
            help_zh="报告未写区号的固定电话号码",
        )
    }

    messages = {
        "email_width": Message(
            zh="电子邮箱“{value}”含全角字符（如“＠”“．”），复制到邮件程序中无法发送",
            en="the email address “{value}” has full-width characters (“＠”, “．”): copied into a mail program it does not work",
            fix_zh="改用半角字符：{fixed}",
            fix_en="use half-width characters: {fixed}",
        ),
        "email_invalid": Message(
            zh="电子邮箱“{value}”格式不正确：{why}",
            en="the email address “{value}” is invalid: {why}",
            fix_zh="写成“名称@域名”的完整形式，如 office@163.com",
            fix_en="write the full address, name@domain, e.g. office@163.com",
        ),
        "no_at": Message(zh="缺少“@”", en="it has no @"),
        "two_at": Message(zh="有不止一个“@”", en="it has more than one @"),
        "bad_domain": Message(
            zh="域名不完整或含非法字符", en="its domain is incomplete or has invalid characters"
        ),
        "postcode": Message(
            zh="邮编“{value}”有 {n} 位数字，邮政编码应为 {want} 位",
            en="the postcode “{value}” has {n} digits; a postcode has {want}",
        ),
        "no_area_code": Message(
            zh="{label}“{value}”缺少区号：在网上发布的固定电话应带区号",
            en="the phone number “{value}”{label} has no area code: a landline published on the web needs its "
            "area code",
            fix_zh="写明区号，如 {example}",
            fix_en="add the area code, e.g. {example}",
        ),
        "letter_phone": Message(
            zh="{label}“{value}”不是有效的电话号码：其中有字母（如把 0 写成 O）",
            en="the phone number “{value}”{label} is not valid: it has a letter in it (an O typed for 0?)",
            fix_zh="电话号码只写数字",
            fix_en="write the number in digits only",
        ),
        "prefix_phone": Message(
            zh="{label}“{value}”不是有效的电话号码：手机号码以 1 开头，固定电话的区号以 0 开头",
            en="the phone number “{value}”{label} is not valid: a mobile number starts with 1, a landline's "
            "area code with 0",
        ),
        "malformed_phone": Message(
            zh="{label}“{value}”不是有效的电话号码（{n} 位数字；固定电话为区号加 7–8 位号码，手机为 11 位）",
            en="the phone number “{value}”{label} is not valid ({n} digits; "
            "a landline is an area code and 7–8 digits, a mobile 11 digits)",
        ),
    }

    def check(self, report, ctx):
        if not checkable(report):
            return
        found = contacts(report, ctx)
        written = [
            _DIGITS.findall(_nfkc(f.value))
            for f in found
            if f.kind == "phone" and judge_phone(f.value)[0] == "ok"
        ]
        used = {g[0] for g in written if len(g) >= 2 and g[0].startswith("0")}

        @cache
        def area_codes() -> list[str]:
            # the codes the report uses or states, for a fix: looked for only when one is needed
            return sorted(used | stated_area_codes(report))

        for item in found:
            if item.kind == "phone":
                yield from self._phone(item, area_codes, ctx)
            elif item.kind == "email" and judge_email(item.value) and _FULL_WIDTH_EMAIL.search(item.value):
                # 全角 ＠ or ．: people read it, but a mail program given it will not send
                yield ctx.say(
                    item.span,
                    "email_width",
                    value=item.value,
                    fixed=_nfkc(item.value).replace("。", "."),
                    key=f"email-width:{item.value}",
                )
            elif item.kind == "email" and not judge_email(item.value):
                ats = item.value.count("@") + item.value.count("＠")
                why = ctx.phrase("no_at" if not ats else "two_at" if ats > 1 else "bad_domain")
                yield ctx.say(
                    item.span, "email_invalid", value=item.value, why=why, key=f"email:{item.value}"
                )
            elif item.kind == "postcode":
                digits = _nfkc(item.value)
                want = facts()["postcode_digits"]
                if len(digits) != want:
                    yield ctx.say(
                        item.span,
                        "postcode",
                        value=item.value,
                        n=len(digits),
                        want=want,
                        key=f"postcode:{item.value}",
                    )

    def _phone(self, item: Found, area_codes, ctx):
        verdict, n = judge_phone(item.value)
        # the report's label, which the Chinese message starts with; in English it is named beside
        # the number (“the phone number … (labelled “监督电话”)”), not made the sentence's subject
        label = Phrase(item.label or "电话", f" (labelled “{item.label}”)" if item.label else "")
        if verdict == "no-area-code":
            if item.shares_area_code or not ctx.options.get("require-area-code", True):
                return
            codes = area_codes()
            example = f"{codes[0]}-{item.value.strip()}" if len(codes) == 1 else "0XXX-XXXXXXX"
            yield ctx.say(
                item.span,
                "no_area_code",
                label=label,
                value=item.value,
                example=example,
                key=f"phone:{item.value}",
            )
        elif verdict == "malformed":
            digits = "".join(_DIGITS.findall(_nfkc(item.value)))
            if any(ch.isascii() and ch.isalpha() for ch in item.value):
                message = "letter_phone"
            elif digits[:1] not in ("0", "1") and n in _whole_number_digits():
                message = "prefix_phone"  # the length of a mobile or of a landline with its area code
            else:
                message = "malformed_phone"
            yield ctx.say(item.span, message, label=label, value=item.value, n=n, key=f"phone:{item.value}")


@lru_cache(maxsize=1)
def _whole_number_digits() -> frozenset[int]:
    """The digit counts of a whole number: a mobile's, or a landline's with its area code."""
    p = facts()["phone"]
    (area_lo, area_hi), (local_lo, local_hi) = p["area_code_digits"], p["local_digits"]
    return frozenset({p["mobile_digits"], *range(area_lo + local_lo, area_hi + local_hi + 1)})


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)
