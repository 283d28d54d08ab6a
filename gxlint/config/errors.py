"""The one error of configuration: :class:`ConfigError`, naming the file, line and column, in
English and Chinese."""

from __future__ import annotations


class ConfigError(Exception):
    """A mistake in a config file (or in the command-line settings), with its file, line and column.
    ``str()`` is the English message; :meth:`text` gives it in either language."""

    def __init__(
        self,
        message: str,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        zh: str | None = None,
    ) -> None:
        self.path, self.line, self.column = path, line, column
        super().__init__(f"{self._where('en')}: {message}")
        self.message = message
        self.message_zh = zh or message

    def _where(self, lang: str) -> str:
        if self.path == "<command line>" and lang == "zh":
            where = "命令行"
        else:
            where = self.path or ("<配置>" if lang == "zh" else "<config>")
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def text(self, lang: str = "en") -> str:
        """``file:line:column: message`` in ``lang`` (Chinese with a full-width colon)."""
        if lang == "zh":
            return f"{self._where('zh')}：{self.message_zh}"
        return str(self)

    def __reduce__(self):
        # raised in a --jobs worker, it crosses to the main process by pickling: keep every field
        return type(self), (self.message, self.path, self.line, self.column, self.message_zh)
