"""``github``: GitHub Actions workflow commands, one annotation per finding::

    ::error file=reports/2021.txt,line=12,col=5,title=GX201::申请情况表…

Levels: error → ``error``, warning → ``warning``, info → ``notice``.  Paths are relative to the
repository root (the checkout GitHub annotates); the fix, when a rule gives one, follows the
message on its own line.
"""

from __future__ import annotations

from gxlint.finding import describe
from gxlint.output import FileResult, Formatter, file_region, relative_path

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    def add(self, result: FileResult) -> None:
        for f in result.findings:
            path = relative_path(f.path, self.root)
            region = file_region(f)  # a web page: the line of its HTML source; None: the whole file
            props = f"file={_escape_prop(path)}"
            if region is not None:
                line, column, _, _ = region
                props += f",line={line}" + (f",col={column}" if column else "")
            props += f",title={_escape_prop(f.code)}"
            message = f.message
            place = describe(f.location, self.lang)
            if place:
                message += ("（位置：" + place + "）") if self.lang == "zh" else f" (in the file: {place})"
            if f.fix:
                message += "\n" + ("修改建议：" if self.lang == "zh" else "fix: ") + f.fix
            self.out.write(f"::{_LEVEL.get(f.severity, 'error')} {props}::{_escape_data(message)}\n")
