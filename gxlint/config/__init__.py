"""Configuration: ``.gxlint.yaml`` files, command-line overrides, and the resolved settings.

A config file is found by walking up from each linted file (the nearest wins; ``extend:`` inherits
from another file), or given with ``--config``.  Every key, rule code and option is validated;
a mistake is a :class:`ConfigError` naming the file, line and column.

The flow, one module a step:

- :mod:`.load` finds a config file and reads its YAML safely, keeping each key's line and column
  (ruamel.yaml is imported only when a config file exists);
- :mod:`.schema` validates one file (a *layer*): a table of small validators, one per key;
- :mod:`.resolve` applies the layers and the command line's settings into :class:`Settings`;
- :mod:`.peek` reads what is needed before that (the language of gxlint's own messages, the
  plugins not to import);
- :mod:`.errors` holds :class:`ConfigError`.
"""

from __future__ import annotations

from .errors import ConfigError
from .load import CONFIG_NAMES, find_config, read_file
from .peek import configured_lang, disabled_plugins
from .resolve import Resolver, Settings
from .schema import (
    BUILTIN_PLUGIN,
    KEYS,
    LANGS,
    ORGANS,
    PLUGIN_KEYS,
    TEMPLATES,
    VALIDATORS,
    Layer,
    Switched,
    parse_layer,
    resolve_code,
)

__all__ = [
    "BUILTIN_PLUGIN",
    "CONFIG_NAMES",
    "ConfigError",
    "KEYS",
    "LANGS",
    "Layer",
    "ORGANS",
    "PLUGIN_KEYS",
    "Resolver",
    "Settings",
    "Switched",
    "TEMPLATES",
    "VALIDATORS",
    "configured_lang",
    "disabled_plugins",
    "find_config",
    "parse_layer",
    "read_file",
    "resolve_code",
]
