"""Reading config files: finding the nearest one, loading its YAML safely, and the line and column
of each key and item in it.

Files are read with ruamel.yaml in safe mode, and YAML aliases are refused (a config never needs
them, and they are how an "alias bomb" blows up).  ruamel.yaml is imported only when a config file
is actually read: a run without one never imports it.
"""

from __future__ import annotations

from gxlint.chinese import os_error_zh

import os
import re
from typing import Any

from .errors import ConfigError

CONFIG_NAMES = (".gxlint.yaml", ".gxlint.yml")
#: a config file larger than this is refused unread (a config is a few lines)
MAX_CONFIG_BYTES = 1024 * 1024


def find_config(directory: str, cache: dict[str, str | None] | None = None) -> str | None:
    """The config file in ``directory`` or the nearest folder above it; None when there is none.
    ``cache`` remembers the answer for every folder walked through."""
    if cache is None:
        cache = {}
    directory = os.path.abspath(directory)
    if directory in cache:
        return cache[directory]
    found = None
    for name in CONFIG_NAMES:
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate):
            found = candidate
            break
    if found is None:
        parent = os.path.dirname(directory)
        found = None if parent == directory else find_config(parent, cache)
    cache[directory] = found
    return found


def extended(path: str, parent: str) -> str:
    """The file ``extend: parent`` in the config file ``path`` names."""
    return parent if os.path.isabs(parent) else os.path.join(os.path.dirname(path), parent)


def _yaml():
    from ruamel.yaml import YAML

    return YAML(typ="rt", pure=True)


def read_text(path: str | os.PathLike[str]) -> str:
    """A config file's text; a :class:`ConfigError` when it cannot be read, is not UTF-8, is not a
    regular file (a named pipe would wait for a writer, ``/dev/zero`` never end: neither is
    opened) or is larger than :data:`MAX_CONFIG_BYTES` (no more than that is read)."""
    from gxlint.read.source import NotRegularFile, open_regular, read_at_most

    name = os.fspath(path)
    try:
        handle, size = open_regular(name)
        with handle:
            data = read_at_most(handle, min(size, MAX_CONFIG_BYTES), MAX_CONFIG_BYTES)
        if len(data) > MAX_CONFIG_BYTES:
            raise ConfigError(
                f"config file too large (over {MAX_CONFIG_BYTES // 1024} KB; a config is a few lines)",
                name,
                zh=f"配置文件过大（超过 {MAX_CONFIG_BYTES // 1024} KB，配置通常只有几行）",
            )
        return data.decode("utf-8")
    except FileNotFoundError:
        raise ConfigError("config file not found", name, zh="配置文件不存在") from None
    except NotRegularFile as exc:
        raise ConfigError(
            f"not a regular file ({exc.kind_en}); a config file is read only from a regular file",
            name,
            zh=f"这不是普通文件（是{exc.kind_zh}），配置只从普通文件读取",
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"cannot read config file: {exc}",
            name,
            zh=f"无法读取配置文件：{os_error_zh(exc) if isinstance(exc, OSError) else '不是 UTF-8 编码'}",
        ) from None


#: how deep a config's lists and mappings may nest (gxlint's own go three deep)
MAX_DEPTH = 32


def read_file(path: str | os.PathLike[str]) -> Any:
    """Load one YAML file safely (no object-constructing tags, no aliases); keeps line numbers."""
    name = os.fspath(path)
    text = read_text(name)
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = _yaml()
    deep = too_deep(text)
    if deep is not None:
        row, column = text.count("\n", 0, deep) + 1, deep - (text.rfind("\n", 0, deep) + 1) + 1
        raise ConfigError(
            "invalid YAML: nested too deeply", name, row, column, zh="YAML 格式错误：嵌套层次过深"
        )
    depth = 0
    try:
        for event in yaml.parse(text):
            kind = type(event).__name__
            if kind in ("MappingStartEvent", "SequenceStartEvent"):
                depth += 1
                if depth > MAX_DEPTH:  # refused here: the parser's time grows fast with the depth
                    raise _at(event, name, "invalid YAML: nested too deeply", "YAML 格式错误：嵌套层次过深")
            elif kind in ("MappingEndEvent", "SequenceEndEvent"):
                depth -= 1
            if kind == "AliasEvent":
                raise _at(
                    event,
                    name,
                    "YAML aliases (*name) are not allowed in a gxlint config",
                    "gxlint 配置中不允许使用 YAML 别名（*name）",
                )
            tag = getattr(event, "tag", None)
            if tag is not None and str(getattr(tag, "value", tag) or "") not in ("", "!"):
                shown = getattr(tag, "value", tag)
                raise _at(
                    event,
                    name,
                    f"YAML tag {shown} is not allowed (a config holds only plain data)",
                    f"不允许使用 YAML 标签 {shown}（配置中只能有普通数据）",
                )
        return yaml.load(text)
    except ConfigError:
        raise
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        problem = str(exc.problem or exc)
        raise ConfigError(
            f"invalid YAML: {problem}", name, line, col, zh=f"YAML 格式错误：{_zh(problem)}"
        ) from None
    except YAMLError as exc:
        raise ConfigError(f"invalid YAML: {exc}", name, zh=f"YAML 格式错误：{exc}") from None
    except RecursionError:
        raise ConfigError("invalid YAML: nested too deeply", name, zh="YAML 格式错误：嵌套层次过深") from None


def _at(event: Any, name: str, en: str, zh: str) -> ConfigError:
    """The config error ``en``/``zh`` placed at a YAML event's start."""
    mark = event.start_mark
    return ConfigError(en, name, mark.line + 1, mark.column + 1, zh=zh)


#: a quoted string, a comment, or one bracket of YAML's flow style
_FLOW = re.compile(r"""'(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|(?:^|(?<=\s))#[^\n]*|[\[\]{}]""", re.M)


def too_deep(text: str) -> int | None:
    """Where brackets of YAML's flow style ([…], {…}) nest deeper than :data:`MAX_DEPTH` (an offset
    in ``text``), else None: found before the parser, whose time grows fast with the depth."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    depth = 0
    for m in _FLOW.finditer(text):
        c = m.group()
        if c in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return m.start()
        elif c in "]}":
            depth = max(0, depth - 1)
    return None


#: ruamel.yaml's problems, said in Chinese (by the start of their English text); another problem
#: is quoted as the parser wrote it
_PROBLEMS_ZH = (
    ("expected ',' or ']'", "方括号列表 [...] 没有闭合，或其中的项之间缺少逗号"),
    ("expected ',' or '}'", "花括号映射 {...} 没有闭合，或其中的项之间缺少逗号"),
    ("expected the node content", "这里缺少值（列表或映射没有写完？）"),
    ("mapping values are not allowed here", "这里不能写“键: 值”（冒号后缺少空格，或缩进不对？）"),
    ("found character '\\t' that cannot start any token", "YAML 不能用制表符缩进，请改用空格"),
    ("found character", "这里有一个不能出现在此处的字符"),
    ("could not find expected ':'", "缺少冒号“:”"),
    ("did not find expected key", "找不到下一个键（缩进不一致？）"),
    ("did not find expected '-' indicator", "列表项的缩进不一致"),
    ("found unexpected end of stream", "文件在引号或括号闭合之前就结束了"),
    ("found duplicate key", "同一个键出现了两次"),
    ("expected <block end>", "缩进不一致"),
    ("expected <document start>", "文件的结构不对：顶层应是“键: 值”"),
    ("found unknown escape character", "引号中有无效的转义字符"),
)


def _zh(problem: str) -> str:
    for start, zh in _PROBLEMS_ZH:
        if problem.startswith(start):
            return zh
    return f"解析器报告：{problem}"


# -- where a key or item is (1-based line and column; None for data not read from a file) -----------


def _pos(node: Any, key: Any = None) -> tuple[int | None, int | None]:
    lc = getattr(node, "lc", None)
    if lc is None:
        return None, None
    try:
        if key is not None:
            line, col = lc.key(key)
        else:
            line, col = lc.line, lc.col
        return line + 1, col + 1
    except (KeyError, TypeError, AttributeError, IndexError):
        return (lc.line + 1, lc.col + 1) if getattr(lc, "line", None) is not None else (None, None)


def _item_pos(node: Any, index: int) -> tuple[int | None, int | None]:
    lc: Any = getattr(node, "lc", None)
    try:
        line, col = lc.item(index)
        return line + 1, col + 1
    except Exception:
        return _pos(node)
