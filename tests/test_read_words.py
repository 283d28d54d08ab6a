"""Word lists the reader tests with plain string methods read exactly what the patterns they stand
for read: the suffix cut off a title to leave the agency, the units after a cell's number."""

from __future__ import annotations

import itertools
import re

import pytest

from gxlint.chinese import norm, title_agency
from gxlint.read import cells

TITLE_SUFFIX = (
    r"(?:政府信息公开工作的年度报告|政府信息公开工作年度报告|政府信息公开的年度报告|政府信息公开年度报告|政府信息公开工作报告|信息公开工作年度报告"
    r"|年度报告|工作报告|报告)$"
)
UNIT = r"^(?:万元|亿元|元|件|条|项|个|次|人次|家|份|%|％)"


def _agency_of(title: str) -> str | None:
    text = norm(title)
    text = re.sub(r"(?:\d{4}|[〇零○一二三四五六七八九]{4})年度?", "", text)
    text = re.sub(r"[(（][^()（）]{1,8}[)）]$", "", text)
    text = re.sub(r"(?<=报告)(?:的通知|的公告|的通告|通知|公告|通告)$", "", text)
    text = re.sub(TITLE_SUFFIX, "", text)
    text = text.strip("《》“”\"'：:，,")
    text = re.sub(r"(?:发布|公布|印发)$", "", text)
    text = re.sub(r"关于$", "", text)
    text = re.sub(r"^关于(?:发布|公布|印发)?", "", text)
    return text or None


@pytest.mark.slow  # a sweep: every title of four pieces (about 100,000)
def test_the_agency_is_what_the_suffix_pattern_leaves():
    pieces = "示例县 政府 信息 公开 工作 年度 报告 2021年 局 》 关于 的 （修订版） 发布 通知 公告".split() + [
        " ",
        "\n",
    ]
    for parts in itertools.product(pieces, repeat=4):
        title = "".join(parts)
        assert title_agency(title) == _agency_of(title), title


def test_a_unit_is_what_the_unit_pattern_matches():
    words = [
        "万元",
        "亿元",
        "元",
        "件",
        "条",
        "项",
        "个",
        "次",
        "人次",
        "人",
        "家",
        "份",
        "%",
        "％",
        "万",
        "亿",
        "x",
        " ",
    ]
    for parts in itertools.product(words, repeat=2):
        rest = "".join(parts)
        assert rest.startswith(cells._UNITS) == (re.match(UNIT, rest) is not None), rest
