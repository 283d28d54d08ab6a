"""``gxlint parse``: the report model gxlint reads, the text it read, or a data set of many reports."""

from __future__ import annotations

import contextlib
import os
import sys

import click

from .app import CONTEXT, GxCommand, _option, main
from .streams import _flush_quietly
from .ui import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, GxError, _t, _usage_error


@main.command("parse", cls=GxCommand, context_settings=CONTEXT,
              help_zh="""显示 gxlint 从 PATH 读出的报告模型（章节、表格、每个单元格），或用 --format source
              显示它从 Word、网页或 PDF 文件中读出的文本。

              --format csv 把多个报告的统计表写成一个数据集（每个表格单元格一行），--format json-lines
              每行一个报告的模型；这两种格式接受多个文件和目录（像检查命令一样在目录中查找报告）。
              无法读取的文件不输出任何行，在标准错误中说明，退出码为 1，其余文件照常输出。""")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...", type=click.Path(path_type=str))
@_option("-f", "--format", "fmt", type=click.Choice(["text", "json", "source", "csv", "json-lines"]),
         default="text",
         help="text or json: the report model; source: the text gxlint read from the file, "
              "numbered, with where each line came from (page, paragraph, table cell); csv: one row per "
              "table cell of every report (a data set); json-lines: one report's JSON model per line  "
              "[default: text]",
         help_zh="text 或 json：报告模型；source：gxlint 从文件中读出的文本，带行号及每行的来源"
                 "（页、段落、表格单元格）；csv：每个报告的每个表格单元格一行（数据集）；json-lines："
                 "每行一个报告的 JSON 模型  [默认：text]")
@_option("-o", "--output-file", type=click.Path(dir_okay=False, path_type=str),
         help="Write the output to this file instead of standard output.",
         help_zh="把输出写入此文件，而不是标准输出。")
@_option("--template", type=click.Choice(["auto", "2019", "2021"]), default="auto",
         help="Read the tables against this format.", help_zh="按此格式读取表格。")
@_option("--include", multiple=True, metavar="GLOB",
         help="File globs to read inside directories  [default: *.txt, *.md, *.docx, *.html, *.htm, *.pdf]",
         help_zh="在目录中读取的文件通配模式  [默认：*.txt、*.md、*.docx、*.html、*.htm、*.pdf]")
@_option("--exclude", multiple=True, metavar="GLOB", help="Globs of files or folders to skip.",
         help_zh="要跳过的文件或目录的通配模式。")
def parse_cmd(paths: tuple[str, ...], fmt: str, output_file: str | None, template: str, include, exclude) -> None:
    """Print the report model gxlint reads from PATH (chapters, tables, every cell), or with
    --format source the text it read from a Word, web or PDF file.

    --format csv writes the statistics tables of many reports as one data set (one row per table
    cell), --format json-lines one report's model per line; these two take several files and
    folders (searched for reports as by the check).  A file that cannot be read gives no rows and a
    message on standard error, and the exit status is 1; the other files are still written."""
    import json

    from gxlint.run import api
    from gxlint.output.dataset import report_to_dict, report_to_text, source_to_text

    chosen = None if template == "auto" else template
    if fmt in ("csv", "json-lines"):
        failed = _parse_many(paths, fmt, output_file, chosen, tuple(include), tuple(exclude))
        sys.exit(EXIT_FINDINGS if failed else EXIT_OK)
    if len(paths) > 1 or (paths[0] != "-" and os.path.isdir(paths[0])):
        raise _usage_error(f"--format {fmt} reads one file; for several files or a folder use --format csv "
                           "or json-lines",
                           f"--format {fmt} 只读取一个文件；多个文件或目录请用 --format csv 或 json-lines")
    file = paths[0]
    if file == "-":
        report = api.parse_bytes(sys.stdin.buffer.read(), "-", template=chosen)
    else:
        report = api.parse_path(file, template=chosen)
    fatal = [p for p in report.source.problems if p.fatal]
    if fmt == "json":
        text = json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "source":
        text = source_to_text(report)
    else:
        text = report_to_text(report)
    with _parse_output(output_file) as stream:
        click.echo(text, nl=False, file=stream)
    if fatal:
        click.echo(_t(f"gxlint: error: {file}: {fatal[0].message_en}",
                      f"gxlint：错误：{file}：{fatal[0].message_zh}"), err=True)
        sys.exit(EXIT_ERROR)


@contextlib.contextmanager
def _parse_output(output_file: str | None):
    """Standard output, or ``--output-file`` opened for writing (and closed afterwards)."""
    if not output_file:
        yield sys.stdout
        return
    try:
        stream = open(output_file, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise GxError(f"cannot write {output_file}: {exc.strerror or exc}",
                      f"无法写入 {output_file}：{exc.strerror or exc}") from None
    with stream:
        yield stream


# -- run logic that belongs in gxlint/run/ (issue 11: the command line only parses arguments and
# calls the library); kept here, working, until gxlint/run/ offers it ------------------------------

def _parse_many(paths, fmt: str, output_file: str | None, template: str | None, include, exclude) -> bool:
    """``parse --format csv|json-lines``: every report under ``paths``, file by file; True when a
    path or a file could not be read (it was reported on standard error and gave no output)."""
    import json

    from gxlint.run import api

    from gxlint.run import discover as files
    from gxlint.output.dataset import CELL_FIELDS, cell_rows, report_to_dict
    from gxlint.output.csv import CsvWriter

    items = files.ordered(files.discover(paths, include=include or files.DEFAULT_INCLUDE, exclude=exclude))
    failed = False
    with _parse_output(output_file) as stream:
        writer = CsvWriter(stream) if fmt == "csv" else None
        if writer is not None:
            writer.header(CELL_FIELDS)
        for item in items:
            if item.problem is not None:
                failed = True
                _flush_quietly()
                click.echo(_t("gxlint: error: ", "gxlint：错误：")
                           + _t(item.problem.message_en, item.problem.message_zh), err=True)
                continue
            try:
                if item.path == "-":
                    report = api.parse_bytes(sys.stdin.buffer.read(), "-", template=template)
                else:
                    report = api.parse_path(item.path, template=template)
            except Exception as exc:  # a bug on one report must not lose a province's data set
                if os.environ.get("GXLINT_TRACEBACK"):
                    raise
                failed = True
                _flush_quietly()
                click.echo(_t(f"gxlint: internal error: {item.path}: {type(exc).__name__}: {exc} (please report it)",
                              f"gxlint：内部错误：{item.path}：{type(exc).__name__}: {exc}（请报告此问题）"), err=True)
                continue
            fatal = [p for p in report.source.problems if p.fatal]
            if fatal:
                failed = True
                _flush_quietly()
                click.echo(_t(f"gxlint: error: {item.path}: {fatal[0].message_en}",
                              f"gxlint：错误：{item.path}：{fatal[0].message_zh}"), err=True)
                continue
            if writer is not None:
                writer.rows(cell_rows(report))
            else:
                stream.write(json.dumps(report_to_dict(report), ensure_ascii=False) + "\n")
    return failed
