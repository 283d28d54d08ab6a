"""A chapter's number, numeral and title are read from the match that made its heading a chapter:
held to :func:`_heading_parts` and :func:`_numeral_of` of the heading as built."""

import random

from gxlint.read import build
from gxlint.read.source import from_text


def test_chapter_parts_are_those_of_its_heading():
    rng = random.Random(31)
    starts = ["", "  ", "## ", "**", "# **", "\u3000"]
    numbers = ["一", "二", "三", "四", "五", "六", "七", "十一", "十十", "一二"]
    marks = ["、", ".", "．", " 、 "]
    titles = [
        "总体情况",
        "主动公开政府信息情况",
        "收到和处理政府信息公开申请情况",
        "政府信息公开行政复议、行政诉讼情况",
        "存在的主要问题及改进情况",
        "其他需要报告的事项",
        "概述",
        "结转下年度继续办理 1 2 3",
    ]
    rests = ["", " ", "。", "：", " 第二十条规定", "**", " 1 2 3", "（一）主动公开"]
    seen = 0
    for _ in range(300):
        lines = [
            "示例县教育局2021年政府信息公开工作年度报告",
            "本报告统计期限自2021年1月1日起至2021年12月31日止。",
        ]
        for _ in range(rng.randrange(1, 8)):
            lines.append(
                rng.choice(starts) + rng.choice(numbers) + rng.choice(marks) + rng.choice(titles)
                + rng.choice(rests) + rng.choice(rests)
            )  # fmt: skip
            lines.append("本机关认真贯彻落实《条例》，示例县的工作按时完成。")
        report = build.build_report(from_text("\n".join(lines) + "\n"))
        for chapter in report.chapters:
            seen += 1
            heading = report.source.text[chapter.span.start : chapter.span.end]
            assert (chapter.number, chapter.title) == build._heading_parts(heading), heading
            assert chapter.numeral == build._numeral_of(heading), heading
    assert seen > 500
