"""``gxlint init``: a commented config file with every default, written where none is yet."""

from __future__ import annotations

import os

from gxlint.run.catalog import all_rules
from gxlint.run.errors import RunError, cannot_write


def write_default_config(directory: str = ".", lang: str = "zh") -> str:
    """Write ``.gxlint.yaml`` with every setting and rule option at its default, commented in
    ``lang``, into ``directory``, a folder that exists; returns the path written.
    :class:`~gxlint.run.errors.RunError` when ``directory`` is no folder (a mistyped path is not
    made, folders and all), a config file is there already (it is never overwritten) or the file
    cannot be written."""
    from gxlint.output.ruledocs import default_config

    from gxlint.config import CONFIG_NAMES

    if not os.path.isdir(directory):
        if os.path.exists(directory):
            raise RunError(f"{directory} is not a directory", f"{directory} 不是目录")
        raise RunError(
            f"no such directory: {directory} (gxlint init writes into a folder that exists: make it first)",
            f"目录不存在：{directory}（gxlint init 只写入已有的目录，请先创建它）",
        )
    target = os.path.join(directory, CONFIG_NAMES[0])
    for name in CONFIG_NAMES:
        existing = os.path.join(directory, name)
        if os.path.exists(existing):
            raise RunError(f"{existing} already exists; not overwriting it", f"{existing} 已存在，不会覆盖它")
    _, rules = all_rules()
    try:
        with open(target, "x", encoding="utf-8") as handle:
            handle.write(default_config(rules, lang))
    except OSError as exc:
        raise cannot_write(target, exc) from None
    return target
