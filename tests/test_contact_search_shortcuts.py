"""Shortcuts of the contact analysis held to the definitions they replace: each finds what the
plain pattern finds, on texts made of the characters that matter to it."""

from __future__ import annotations

import random
import re


from gxlint.chinese import HSPACE
from gxlint.lint.analyses import contact


def _random_texts(pieces: list[str], seed: int, count: int = 3000, longest: int = 16) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_emails_are_what_finditer_finds():
    pieces = [*"ab1.-_%+@＠ \t。．，:", "gk", "x.cn", "mailto:", "@@", "＠ ", " @", "示例", "\n"]
    texts = [
        "邮箱：gk1@shili8.example.gov.cn；a@b.c。x@y",
        "a@b_c@d, a@b-c@d, a @ b.cn, ab cd@x.cn, 电子邮箱 gk@x．cn＠y",
        *_random_texts(pieces, 8),
    ]
    for text in texts:
        expected = [(m.span(), m.group("v")) for m in contact._EMAIL.finditer(text)]
        assert [(m.span(), m.group("v")) for m in contact._emails(text)] == expected, text


def test_email_labels_match_the_latin_labels_in_any_case():
    labels = contact.facts()["labels"]["email"]
    han = [x for x in labels if not x.isascii()]
    latin = [x for x in labels if x.isascii()]
    # the first letters are written in both cases: no other character matches them without case
    for label in latin:
        first = label[0]
        assert {chr(cp) for cp in range(0x10000) if re.fullmatch(f"(?i:{re.escape(first)})", chr(cp))} == {
            first.lower(),
            first.upper(),
        }
    whole = "(?:" + contact._label_pattern(han) + "|(?i:" + contact._label_pattern(latin) + "))"
    suffix = contact._patterns()["email_label"].pattern[len(contact._email_labels(labels)) :]
    old = re.compile(whole + suffix)
    new = contact._patterns()["email_label"]
    pieces = [*labels, *"eEmMaAiIlL-:： \t@.", "电子", "邮", "gk1", "x.cn", "\u3000", "E-MAIL：", "e mail:"]
    for text in [
        "电子邮箱：gk@x.cn；E-mail：a@b.cn；EMAIL: c@d.cn；e - Mail：e@f.cn",
        *_random_texts(pieces, 9),
    ]:
        expected = [(m.span(), m.group("v")) for m in old.finditer(text)]
        assert [(m.span(), m.group("v")) for m in new.finditer(text)] == expected, text
    assert HSPACE in new.pattern
