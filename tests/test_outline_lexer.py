"""The outline's shortcuts against their definitions: the grammar's tokens read with its lexer alone
give the chapters and blocks that Lark's LALR parse of the grammar gives, with the lexer's own
pattern; and the check for a line long enough to unfold is the longest line's length."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

from gxlint.read import outline
from gxlint.read.outline import RawBlock, RawChapter, parse_outline
from gxlint.read.source import read_path
from gxlint.read.unfold import MIN_LINE, Unfolded, has_long_line, unfold

ROOT = Path(__file__).resolve().parent.parent

# one line of each kind the grammar tells apart, and lines that sit between two kinds
LINES = [
    "",
    " \t",
    "\u3000",
    "\u2003",
    "一、总体情况",
    "## 二、主动公开政府信息情况",
    "**三、收到和处理政府信息公开申请情况**",
    "十一、其他需要报告的事项" + "很长" * 40,
    "# 示例县2023年政府信息公开工作年度报告",
    "示例县人民政府办公室",
    "2023年，示例县全面推进政务公开。",
    "规章\t0\t0\t28",
    "\t\t",
    "第二十条第（一）项",
    "第二十条第(五)项",
    "| 信息内容 | 本年制发件数 |",
    "|---|:--:|",
    "| --- | x |",
    "规章 |",
    "  ||||  ",
    "a|b",
    "1. 不予公开\t3",
    "\t示例县教育局",
    "\t本局认真贯彻落实条例。\t",
    "（一）予以公开 | 3 | 0 |",
]


def _lark_outline(unfolded: Unfolded) -> list[RawChapter]:
    """parse_outline as it was read with Lark's LALR parser (the grammar's parse)."""
    text = unfolded.text if unfolded.text.endswith("\n") else unfolded.text + "\n"
    try:
        tree = outline.parser().parse(text)
    except Exception:
        return [RawChapter(None, [RawBlock("text", [outline._line(unfolded, "TEXT", text, 0, len(text))])])]
    chapters = []
    for heading, tokens in tree:
        chapter = RawChapter(
            outline._token(unfolded, heading.type, heading, heading.start_pos)
            if heading is not None
            else None
        )
        for token in tokens:
            run = token.type
            if run == "TEXTS":
                lines = outline._run_lines(unfolded, run, token, token.start_pos)
                chapter.blocks.extend(RawBlock("text", [line]) for line in lines)
            elif run == "MD_HEADING":
                chapter.blocks.append(
                    RawBlock("markup", [outline._token(unfolded, run, token, token.start_pos)])
                )
            else:
                lines = outline._run_lines(unfolded, run, token, token.start_pos)
                if run == "TABLE" and outline._indented_text(lines):  # words tabbed in: text, not a table
                    chapter.blocks.extend(
                        RawBlock("text", [outline.Line("TEXT", line.text, line.start, line.end)])
                        for line in lines
                    )
                    continue
                chapter.blocks.append(RawBlock(outline._BLOCK_KIND[run], lines))
        chapters.append(chapter)
    return chapters


def _same(text: str) -> None:
    unfolded = Unfolded(text, [])
    assert repr(parse_outline(unfolded)) == repr(_lark_outline(unfolded)), text


def test_the_lexer_is_larks_own():
    lark_lexer = outline.parser().parser.lexer
    for scanner_owner in [lark_lexer.root_lexer, *set(lark_lexer.lexers.values())]:
        names = {t.name for t in scanner_owner.terminals}
        if "TEXTS" not in names:  # the states that take a HEADING only: never lexed in (see below)
            continue
        (pattern,) = scanner_owner.scanner._mres
        assert pattern.pattern == outline.lexer().pattern


def test_every_state_the_parser_lexes_in_takes_every_block():
    """The parse is the token sequence because, after each token, the parser's state takes any
    token: each state's lexer that is ever used holds every terminal."""
    lark_lexer = outline.parser().parser.lexer
    every = {t.name for t in lark_lexer.root_lexer.terminals}
    for text in ["\n", "一、总体情况\n规章\t0\n", "示例\n\n| a | b |\n二、x\n## y\n规章 |\n|---|\n"]:
        interactive = outline.parser().parse_interactive(text)
        tokens = 0
        for _ in interactive.iter_parse():  # each token is lexed in the state the parser is in here
            assert {t.name for t in lark_lexer.lexers[interactive.parser_state.position].terminals} == every
            tokens += 1
        assert tokens >= text.count("\n") // 2


def test_mixes_of_lines_read_as_larks_parse():
    for n in (1, 2):
        for lines in itertools.product(LINES, repeat=n):
            _same("\n".join(lines) + "\n")
            _same("\n".join(lines))
    rng = random.Random(3)
    for _ in range(1500):
        _same("\n".join(rng.choices(LINES, k=3)))


def test_random_documents_read_as_larks_parse():
    rng = random.Random(8)
    for _ in range(400):
        _same("\n".join(rng.choice(LINES) for _ in range(rng.randint(1, 40))))


def test_real_files_read_as_larks_parse():
    files = [*ROOT.glob("examples/*.txt"), *ROOT.glob("tests/fixtures/*.txt")]
    files += sorted((ROOT / "benchmarks" / "corpus").glob("*/*.txt"))[:40]
    assert files
    for path in files:
        text = read_path(path).text
        for part in (text, text[:1500]):
            unfolded = unfold(part, ["总体情况", "主动公开政府信息情况"])
            assert repr(parse_outline(unfolded)) == repr(_lark_outline(unfolded)), path


def test_lines_of_the_spaces_a_blank_line_leaves_out():
    for text in ["\x0c\n", "\x1c\n", "\r\n", "\x85\n"]:
        _same(text)


def test_the_long_line_check_is_the_longest_lines_length():
    rng = random.Random(8)
    lengths = [0, 1, 5, MIN_LINE - 2, MIN_LINE - 1, MIN_LINE, MIN_LINE + 1, 2 * MIN_LINE]
    for _ in range(5000):
        lines = ["x" * rng.choice([*lengths, rng.randint(0, 2 * MIN_LINE)]) for _ in range(rng.randint(0, 6))]
        text = "\n".join(lines)
        text = ("\n" if rng.random() < 0.3 else "") + text + ("\n" if rng.random() < 0.3 else "")
        assert has_long_line(text) == (max(map(len, text.split("\n"))) >= MIN_LINE), [len(x) for x in lines]


def test_words_tabbed_in_are_text_and_a_table_with_label_rows_stays_a_table():
    # a first-line indent typed as a tab, an organ's name tabbed towards the right above the date
    [chapter] = parse_outline(Unfolded("\t本局认真贯彻落实条例。\n\t\t示例县教育局\t\n2022年1月20日\n", []))
    assert [(b.kind, b.lines[0].text) for b in chapter.blocks] == [
        ("text", "\t本局认真贯彻落实条例。"),
        ("text", "\t\t示例县教育局\t"),
        ("text", "2022年1月20日"),
    ]
    # a row of one label among rows of cells, and a number alone, are a table's
    for text in ("\t\t\t申请人情况\n一、本年新收\t3\t0\n", "\t356\n", "\t行政\t许可\n"):
        [chapter] = parse_outline(Unfolded(text, []))
        assert [b.kind for b in chapter.blocks] == ["tabs"], text
