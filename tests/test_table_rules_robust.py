"""GX201-GX212 (and GX003) never crash (a crash would be a GX000 finding), whatever the text (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from gxlint.run.linter import Linter
from conftest import EXAMPLE, FIXTURES

pytestmark = pytest.mark.slow  # property runs (hypothesis)

OURS = [
    "GX201",
    "GX202",
    "GX203",
    "GX204",
    "GX205",
    "GX206",
    "GX207",
    "GX208",
    "GX209",
    "GX210",
    "GX211",
    "GX212",
]
LINTER = Linter(overrides={"select": [*OURS, "GX003"]}, isolated=True)
DEFECTS = sorted((FIXTURES / "defects").glob("*.txt"))
SEEDS = [
    p.read_text(encoding="utf-8")
    for p in (EXAMPLE, FIXTURES / "shili-2019-quirks.txt", FIXTURES / "shili-2021-inline.txt", *DEFECTS)
]
WORDS = st.sampled_from(
    [
        "收到",
        "申请",
        "政府信息公开",
        "未收到",
        "件",
        "个",
        "，",
        "。",
        "；",
        "依申请公开",
        "予以公开",
        "部分公开",
        "不予公开",
        "无法提供",
        "行政复议",
        "诉讼",
        "均获维持",
        "结转下年度",
        "上年结转",
        "规范性文件",
        "制发",
        "废止",
        "现行有效",
        "办结",
        "约",
        "%",
        "2021年",
        "0",
        "7",
        "12",
        "1 6",
        "\t",
        "\n",
        "一、本年新收政府信息公开申请数量",
        "（七）总计",
        "四、结转下年度继续办理",
        "三、",
        "第二十条第（一）项",
        "信息内容",
        "结果维持",
        "总计",
        "00",
        "1O",
        "—",
        "+1",
        "2.5",
        " ",
    ]
)


def _no_crash(text: str) -> None:
    found = LINTER.lint_text(text, path="t.txt")
    crashed = [f.message for f in found if f.code == "GX000"]
    assert not crashed, crashed


def test_edge_texts():
    for text in (
        "",
        "\n",
        "一、",
        "收到申请件",
        "均获维持",
        "未收到申请",
        "行政复议\n0\t0",
        "示例县2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n（七）总计\t\t\t\n",
        "示例县2021年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年制发件数\n",
        "依申请公开 件",
        "收到申请0件。未收到申请。",
        "申请" * 5000,
    ):
        _no_crash(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=200).map("".join))
def test_report_like_noise(text):
    _no_crash(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SEEDS), st.data())
def test_mutated_reports(seed, data):
    lines = seed.split("\n")
    for _ in range(data.draw(st.integers(0, 8))):
        if not lines:
            break
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["delete", "duplicate", "garble", "words"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        else:
            cut = data.draw(st.integers(0, len(lines[i])))
            extra = data.draw(
                st.text(max_size=10) if op == "garble" else st.lists(WORDS, max_size=6).map("".join)
            )
            lines[i] = lines[i][:cut] + extra + lines[i][cut:]
    _no_crash("\n".join(lines))
