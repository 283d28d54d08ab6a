"""Test doubles for plugin loading: a plugin class made of rule classes, and an entry point that
loads it (or fails to)."""

from __future__ import annotations

from gxlint import hookimpl


def plugin(*rules, name="p"):
    class _Plugin:
        @staticmethod
        @hookimpl
        def gxlint_rules():
            return list(rules)

    _Plugin.__name__ = name
    return _Plugin


class FakeEntryPoint:
    def __init__(self, name, obj=None, error=None, dist=None):
        self.name, self._obj, self._error, self.dist = name, obj, error, dist
        self.loads = 0

    def load(self):
        self.loads += 1
        if self._error:
            raise self._error
        return self._obj
