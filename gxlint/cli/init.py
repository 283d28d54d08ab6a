"""``gxlint init``: write a commented ``.gxlint.yaml`` with every default."""

from __future__ import annotations

import os

import click

from .app import CONTEXT, GxCommand, main
from .rules import _all_rules
from .ui import GxError, _t


@main.command("init", cls=GxCommand, context_settings=CONTEXT,
              help_zh="""写出一个带注释、列出全部默认值的 .gxlint.yaml。

              DIRECTORY 默认为当前目录；已有的配置文件不会被覆盖。""")
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=str))
def init_cmd(directory: str) -> None:
    """Write a commented .gxlint.yaml with every default.

    DIRECTORY defaults to the current one; an existing config file is never overwritten."""
    from gxlint.output.ruledocs import default_config

    from gxlint.config import CONFIG_NAMES

    target = os.path.join(directory, CONFIG_NAMES[0])
    for name in CONFIG_NAMES:
        existing = os.path.join(directory, name)
        if os.path.exists(existing):
            raise GxError(f"{existing} already exists; not overwriting it", f"{existing} 已存在，不会覆盖它")
    _, rules = _all_rules()
    os.makedirs(directory, exist_ok=True)
    try:
        with open(target, "x", encoding="utf-8") as handle:
            handle.write(default_config(rules))
    except OSError as exc:
        raise GxError(f"cannot write {target}: {exc.strerror or exc}",
                      f"无法写入 {target}：{exc.strerror or exc}") from None
    click.echo(_t(f"wrote {target}", f"已写入 {target}"))
