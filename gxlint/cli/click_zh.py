"""click's own words in Chinese: click passes every message it prints through gettext; in a
Chinese run these are the words.  Installed once, when the command line is imported."""

from __future__ import annotations

import gettext
from typing import Any

from .ui import _UI

_CLICK_ZH = {
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行 '{command} {option}' 查看帮助。",
    "Invalid value: {message}": "无效的值：{message}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "No such option: {name}": "没有选项：{name}",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "Did you mean {possibility}?": "是否想用 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是否想用其中之一：{possibilities}？）",
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个值。",
    "Option {name!r} does not take a value.": "选项 {name!r} 不接受值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不是可选值 {choices} 之一。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的数（{number_type}）。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} 不是有效的布尔值。可用的值：{states}",
    "{name} {filename!r} does not exist.": "{filename!r} 不存在。",
    "{name} {filename!r} is a file.": "{filename!r} 是文件，不是目录。",
    "{name} {filename!r} is a directory.": "{filename!r} 是目录，不是文件。",
    "{name} {filename!r} is not readable.": "{filename!r} 无法读取。",
    "{name} {filename!r} is not writable.": "{filename!r} 无法写入。",
    "{name} {filename!r} is not executable.": "{filename!r} 不可执行。",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "unknown error": "未知错误",
    "Aborted!": "已中止！",
    "Missing command.": "缺少命令。",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
}


def _click_gettext(message: str) -> str:
    return _CLICK_ZH.get(message, message) if _UI["lang"] == "zh" else message


def _click_ngettext(singular: str, plural: str, n: int) -> str:
    return _click_gettext(singular if n == 1 else plural)


def install() -> None:
    """Make click's modules look their messages up here (idempotent)."""
    import importlib

    for name in (
        "click.core",
        "click.exceptions",
        "click.parser",
        "click.types",
        "click.formatting",
        "click.decorators",
    ):
        try:
            module: Any = importlib.import_module(name)
        except ImportError:  # pragma: no cover - another click layout: its English stays
            continue
        if getattr(module, "_", None) is gettext.gettext:
            module._ = _click_gettext
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = _click_ngettext
