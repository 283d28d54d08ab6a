"""The hooks a gxlint plugin can implement (pluggy project name ``gxlint``).

A plugin is a module (or object) registered under the entry-point group ``gxlint``::

    [project.entry-points.gxlint]
    myprovince = "gxlint_myprovince"

and implements any of the hooks below with the ``gxlint.hookimpl`` marker.  gxlint's own rules
(the ``gxlint_rules`` package) are registered exactly this way.  Hooks are few and coarse: they
are called once per process, at start-up, to discover what a plugin contributes; the engine then
calls the rules itself.  A misspelt hook name is an error (``PluginManager.check_pending``).
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import pluggy

PROJECT = "gxlint"

hookspec = pluggy.HookspecMarker(PROJECT)
#: Marker for hook implementations: ``@gxlint.hookimpl``.
hookimpl = pluggy.HookimplMarker(PROJECT)


# -- rules -----------------------------------------------------------------------------------------

@hookspec
def gxlint_rules() -> Sequence[type]:
    """Return the rule classes this plugin contributes.

    Called once when the plugins are loaded.  Each item must be a subclass of
    :class:`gxlint.rule.Rule` with a unique ``code`` (use your own prefix, e.g. ``ZJ101``; a code
    that another plugin already uses is an error naming both plugins), a kebab-case ``name``, a
    ``severity`` and a ``summary``.  See docs/plugins.md.
    """


# -- templates -------------------------------------------------------------------------------------

@hookspec
def gxlint_templates() -> Sequence[Any]:
    """Return format templates this plugin contributes, as data.

    Each item is a path to a JSON template file or an already loaded ``dict`` in the same shape as
    gxlint's own ``grammar/templates/*.json``.  A template may ``extend`` another by id (for
    example a province's variant of ``"2021"``).  A template with the id of an existing one
    replaces it.  Called once when the plugins are loaded.
    """


# -- output formats --------------------------------------------------------------------------------

@hookspec
def gxlint_formats() -> dict[str, Callable[..., Any]]:
    """Return extra output formats: a mapping of format name to a formatter class.

    A formatter class is called with keyword arguments (``out``, ``color``, ``lang``, ``rules``,
    ``root``) and must provide ``begin()``, ``add(path, findings)`` (called once per file, in
    order) and ``end(summary)``; see :mod:`gxlint.formatters`.  Called once when the plugins are
    loaded; names must not clash with the built-in formats.
    """
