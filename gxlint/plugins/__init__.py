"""Plugins: the hooks a plugin implements (``hookspecs``) and finding and loading the installed
plugins in isolation from one another (``discovery``).  The test kit for a plugin's rule cases is
``gxlint.testing`` (it runs whole lints, so it sits above every room)."""

from gxlint.plugins.discovery import GROUP, Plugins, PluginError, cached, load
from gxlint.plugins.hookspecs import hookimpl

__all__ = ["GROUP", "Plugins", "PluginError", "cached", "hookimpl", "load"]
