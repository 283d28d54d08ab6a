"""``gxlint init``: write a commented ``.gxlint.yaml`` with every default."""

from __future__ import annotations

import click

from .app import CONTEXT, GxCommand, main
from .ui import _t, run_errors


@main.command(
    "init",
    cls=GxCommand,
    context_settings=CONTEXT,
    help_zh="""写出一个带注释、列出全部默认值的 .gxlint.yaml。

              DIRECTORY 默认为当前目录；已有的配置文件不会被覆盖。""",
)
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=str))
def init_cmd(directory: str) -> None:
    """Write a commented .gxlint.yaml with every default.

    DIRECTORY defaults to the current one; an existing config file is never overwritten."""
    from gxlint.run.init import write_default_config

    with run_errors():
        target = write_default_config(directory)
    click.echo(_t(f"wrote {target}", f"已写入 {target}"))
