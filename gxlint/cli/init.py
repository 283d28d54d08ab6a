"""``gxlint init``: write a commented ``.gxlint.yaml`` with every default."""

from __future__ import annotations

import click

from .app import CONTEXT, GxCommand, _option, main
from .ui import _LANG_HELP, _LANG_HELP_ZH, _command_lang, _t, run_errors


@main.command(
    "init",
    cls=GxCommand,
    context_settings=CONTEXT,
    help_zh="""写出一个带注释、列出全部默认值的 .gxlint.yaml。

              DIRECTORY 默认为当前目录；已有的配置文件不会被覆盖。注释的语言与 gxlint 提示的语言相同。""",
)
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=str))
@_option("--lang", type=click.Choice(["zh", "en"]), default=None, help=_LANG_HELP, help_zh=_LANG_HELP_ZH)
def init_cmd(directory: str, lang: str | None) -> None:
    """Write a commented .gxlint.yaml with every default.

    DIRECTORY defaults to the current one; an existing config file is never overwritten.  Its
    comments are in the language of gxlint's messages."""
    from gxlint.run.init import write_default_config

    lang = _command_lang(lang)
    with run_errors():
        target = write_default_config(directory, lang)
    click.echo(_t(f"wrote {target}", f"已写入 {target}"))
