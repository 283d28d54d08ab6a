"""The reader's shortcuts against their plain definitions: the title's lines taken one by one (site
chrome and menus dropped as the title is looked for) are those the whole preamble gives."""

from __future__ import annotations

import random

from gxlint.model import Paragraph
from gxlint.read import build
from gxlint.read.source import from_text


def _without_chrome_plain(items: list) -> list[Paragraph]:
    """build._without_chrome as a list of the whole preamble: chrome and runs of 3+ menu items out."""
    paragraphs: list[Paragraph] = []
    value_of_field = False
    for item in items:
        if not isinstance(item, Paragraph):
            continue
        text = item.text.strip()
        if build._is_chrome(text):
            value_of_field = text.endswith((":", "："))
        elif value_of_field and "报告" not in text:
            value_of_field = False
        else:
            value_of_field = False
            paragraphs.append(item)
    nav = [build._is_nav_item(p.text) and "报告" not in p.text for p in paragraphs]
    keep: list[Paragraph] = []
    i = 0
    while i < len(paragraphs):
        j = i
        while j < len(paragraphs) and nav[j]:
            j += 1
        if j - i >= 3:
            i = j
            continue
        keep.extend(paragraphs[i : max(j, i + 1)])
        i = max(j, i + 1)
    return keep


LINES = [
    "首页", "政务公开", "互动交流", "示例县", "当前位置：首页 > 政务公开", "索引号：", "名称：", "123-456",
    "示例县教育局2021年政府信息公开工作年度报告", "2021年度报告", "发布日期：2022-01-20 来源：本站 浏览次数：3",
    "本报告依据《条例》编制。", "【字体：大 中 小】", "打印本页", "信息公开", "table",
]  # fmt: skip


def test_the_preamble_without_chrome_one_by_one_is_the_plain_list():
    rng = random.Random(17)
    source = from_text("x" * 100)
    for _ in range(4000):
        items = [
            object() if text == "table" else Paragraph(text, source.span(0, 1), ((0, 0, 1),))
            for text in (rng.choice(LINES) for _ in range(rng.randrange(12)))
        ]
        assert list(build._without_chrome(items)) == _without_chrome_plain(items)


def test_a_split_heading_has_the_parts_of_the_heading_cut_from_it():
    from gxlint.read.outline import Line

    builder = build._Builder(from_text(""), build.default_context(), None)
    rng = random.Random(23)
    starts = ["", "  ", "## ", "**", "# **", "\u3000"]
    numbers = ["一", "二", "十一", "三"]
    marks = ["、", ".", "．", " 、 "]
    titles = [
        "主动公开政府信息情况",
        "总体情况",
        "其他需要报告的事项",
        "收到和处理政府信息公开申请情况",
        "概述",
    ]
    rests = ["", " ", "。", "：", " 第二十条规定", "**", " 1 2 3", "（一）主动公开"]
    for _ in range(3000):
        text = rng.choice(starts) + rng.choice(numbers) + rng.choice(marks) + rng.choice(titles)
        text += rng.choice(rests) + rng.choice(rests)
        head, _, number, title = builder._split_heading(Line("HEADING", text, 10, 10 + len(text)))
        assert (number, title) == build._heading_parts(head.text), text


def test_the_numbers_after_a_row_label_are_cut_off_whole_written_apart_or_run_in():
    for title in (
        "结转下年度继续办理1100002",
        "结转下年度继续办理 1 1 0 0 0 0 2",
        "结转下年度继续办理\u30001.5 -2",
    ):
        assert title.rstrip(build._NUMBER_CHARS) == "结转下年度继续办理", title
    # no row label ends in a digit: one is never cut short
    for key in build.default_context().row_label_ends:
        assert not key[-1:].isdigit(), key


def test_the_head_of_a_pipe_is_read_past_its_size(tmp_path):
    """Pairing reads a file as much as it holds, by its size: a pipe, whose size is 0, is read to the
    limit as a file is."""
    import os
    import threading

    import pytest

    from gxlint.run import runner

    if not os.path.isdir("/dev/fd"):
        pytest.skip("no /dev/fd")
    data = "示例县教育局2021年政府信息公开工作年度报告\n本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。\n"
    path = tmp_path / "r.txt"
    path.write_text(data * 40, encoding="utf-8")
    read, write = os.pipe()
    writer = threading.Thread(target=lambda: (os.write(write, path.read_bytes()), os.close(write)))
    writer.start()
    try:
        assert runner._text_head(f"/dev/fd/{read}", 1 << 20) == runner._text_head(str(path), 1 << 20)
    finally:
        writer.join()
        os.close(read)
