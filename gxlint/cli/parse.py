"""``gxlint parse``: the report model gxlint reads, the text it read, or a data set of many reports
(gxlint.run.dataset does the reading)."""

from __future__ import annotations

import sys

import click

from gxlint.run.dataset import FORMATS, MANY

from .app import CONTEXT, GxCommand, _option, main
from .streams import _flush_quietly
from .ui import (
    _LANG_HELP,
    _LANG_HELP_ZH,
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    _command_lang,
    _t,
    run_errors,
    ui_lang,
)


@main.command(
    "parse",
    cls=GxCommand,
    context_settings=CONTEXT,
    help_zh="""显示 gxlint 从 PATH 读出的报告模型（章节、表格、每个单元格），或用 --format source
              显示它从 Word、网页或 PDF 文件中读出的文本。

              --format csv 把多个报告的统计表写成一个数据集（每个表格单元格一行），--format json-lines
              每行一个报告的模型；这两种格式接受多个文件和目录（像检查命令一样在目录中查找报告）。
              无法读取的文件不输出任何行，在标准错误中说明，退出码为 1，其余文件照常输出。""",
)
@click.argument(
    "paths", nargs=-1, required=True, metavar="PATH...", type=click.Path(readable=False, path_type=str)
)
@_option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    help="text or json: the report model; source: the text gxlint read from the file, "
    "numbered, with where each line came from (page, paragraph, table cell); csv: one row per "
    "table cell of every report (a data set); json-lines: one report's JSON model per line  "
    "[default: text]",
    help_zh="text 或 json：报告模型；source：gxlint 从文件中读出的文本，带行号及每行的来源"
    "（页、段落、表格单元格）；csv：每个报告的每个表格单元格一行（数据集）；json-lines："
    "每行一个报告的 JSON 模型  [默认：text]",
)
@_option(
    "-o",
    "--output-file",
    type=click.Path(dir_okay=False, path_type=str),
    help="Write the output to this file instead of standard output.",
    help_zh="把输出写入此文件，而不是标准输出。",
)
@_option(
    "--template",
    type=click.Choice(["auto", "2019", "2021"]),
    default="auto",
    help="Read the tables against this format.",
    help_zh="按此格式读取表格。",
)
@_option(
    "--include",
    multiple=True,
    metavar="GLOB",
    help="File globs to read inside directories  [default: *.txt, *.md, *.docx, *.html, *.htm, *.mhtml, *.mht, *.pdf, *.doc, *.wps]",
    help_zh="在目录中读取的文件通配模式  [默认：*.txt、*.md、*.docx、*.html、*.htm、*.mhtml、*.mht、*.pdf、*.doc、*.wps]",
)
@_option(
    "--exclude",
    multiple=True,
    metavar="GLOB",
    help="Globs of files or folders to skip.",
    help_zh="要跳过的文件或目录的通配模式。",
)
@_option("--lang", type=click.Choice(["zh", "en"]), default=None, help=_LANG_HELP, help_zh=_LANG_HELP_ZH)
def parse_cmd(
    paths: tuple[str, ...], fmt: str, output_file: str | None, template: str, include, exclude, lang
) -> None:
    """Print the report model gxlint reads from PATH (chapters, tables, every cell), or with
    --format source the text it read from a Word, web or PDF file.

    --format csv writes the statistics tables of many reports as one data set (one row per table
    cell), --format json-lines one report's model per line; these two take several files and
    folders (searched for reports as by the check).  A file that cannot be read gives no rows and a
    message on standard error, and the exit status is 1; the other files are still written."""
    from gxlint.run import dataset

    _command_lang(lang)  # the messages' language is chosen before click runs (gxlint.cli.ui._early_lang)
    chosen = None if template == "auto" else template
    if fmt in MANY:
        with run_errors():
            failed = dataset.parse_many(
                paths, fmt, output_file, chosen, tuple(include), tuple(exclude), say=_say_after_output
            )
        sys.exit(EXIT_FINDINGS if failed else EXIT_OK)
    with run_errors():
        parsed = dataset.parse_one(paths, fmt, chosen, ui_lang(), say=_say_after_output)
        with dataset.open_output(output_file) as stream:
            click.echo(parsed.text, nl=False, file=stream)
    if parsed.error:
        click.echo(_t(*parsed.error), err=True)
        sys.exit(EXIT_ERROR)


def _say_after_output(en: str, zh: str) -> None:
    """A line for standard error (a file that could not be read, a plugin that failed to load),
    after what is written so far."""
    _flush_quietly()
    click.echo(_t(en, zh), err=True)
