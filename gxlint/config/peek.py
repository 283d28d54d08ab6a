"""What a run must know from the config before any file's settings are resolved: the language of
gxlint's own messages (:func:`configured_lang`) and the plugins not to import at all
(:func:`disabled_plugins`).  Both read one key along the ``extend`` chain without validating the
rest, and give up quietly on a broken file (its error is reported when the files are linted)."""

from __future__ import annotations

import os

from .errors import ConfigError
from .load import extended, find_config, read_file, read_text
from .schema import LANGS


def configured_lang(explicit: str | None = None, start: str | None = None) -> str | None:
    """The ``lang`` of the config file ``explicit``, or else of the nearest config file above
    ``start`` (default: the working directory), following ``extend``; None when none sets it or the
    file cannot be read.  gxlint's own messages (help, usage and configuration errors) need a
    language before any file's settings are resolved, and when a config file is broken."""
    try:
        path = explicit or find_config(start or os.getcwd())
        seen: set[str] = set()
        while path and os.path.abspath(path) not in seen:
            seen.add(os.path.abspath(path))
            try:
                data = read_file(path)
            except ConfigError:
                return _lang_before_the_mistake(path)
            if not isinstance(data, dict):
                return None
            lang = data.get("lang")
            if isinstance(lang, str) and lang in LANGS:
                return lang
            parent = data.get("extend")
            if not isinstance(parent, str) or not parent.strip():
                return None
            path = extended(path, parent)
    except (ConfigError, OSError, ImportError):
        return None
    return None


def disabled_plugins(
    explicit: str | None = None, start: str | None = None, isolated: bool = False
) -> tuple[str, ...]:
    """The plugins switched off (``plugins: {disable: [...]}``) by the config file ``explicit``, or
    else by the nearest config file above ``start`` (default: the working directory), following
    ``extend``; () with ``isolated``, when none sets it, or when the file cannot be read (its error
    is reported when the files are linted).  Plugins are loaded once, before any file's settings
    are resolved: this is the file that decides which plugins are not even imported."""
    if isolated:
        return ()
    try:
        path = explicit or find_config(start or os.getcwd())
        seen: set[str] = set()
        while path and os.path.abspath(path) not in seen:
            seen.add(os.path.abspath(path))
            text = read_text(path)
            if "plugins" not in text and "extend" not in text:
                return ()  # the common case: no YAML to parse
            data = read_file(path)
            if not isinstance(data, dict):
                return ()
            section = data.get("plugins")
            if isinstance(section, dict) and "disable" in section:
                names = section["disable"]
                if isinstance(names, str):
                    names = names.split(",")
                if not isinstance(names, list):
                    return ()
                return tuple(n.strip() for n in names if isinstance(n, str) and n.strip())
            parent = data.get("extend")
            if not isinstance(parent, str) or not parent.strip():
                return ()
            path = extended(path, parent)
    except (ConfigError, OSError, UnicodeDecodeError, ImportError):
        return ()
    return ()


def _lang_before_the_mistake(path: str) -> str | None:
    """The top-level ``lang`` of a config file that cannot be loaded, as far as it can be read: its
    error is said in the language the file asks for when ``lang`` stands before the mistake."""
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent, ScalarEvent

    from .load import _yaml, too_deep

    depth, key, expecting_key = 0, None, True
    try:
        text = read_text(path)
        deep = too_deep(text)
        for event in _yaml().parse(text if deep is None else text[:deep]):
            if isinstance(event, CollectionStartEvent):
                depth += 1
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
                expecting_key = True  # back in the top mapping, a collection was a key's value
            elif isinstance(event, ScalarEvent) and depth == 1:
                if expecting_key:
                    key = event.value
                elif key == "lang" and event.value in LANGS:
                    return event.value
                expecting_key = not expecting_key
    except Exception:  # the mistake: what came before it has been read
        return None
    return None
