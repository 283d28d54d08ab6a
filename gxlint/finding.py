"""A finding: what a rule reports.  Its fields are public API (docs/formats.md)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: str
    message: str
    fix: str | None = None
    #: stable identity of what was found, independent of the line number (used by baselines)
    fingerprint: str = ""
    #: where the finding is in the original file when that is not plain text (docs/formats.md):
    #: ``form`` (docx, html, pdf) and the 1-based ``page``, ``line``, ``column``, ``paragraph``,
    #: ``table``, ``row``, ``cell`` that are known.  ``line``/``column`` above are then positions
    #: in the text gxlint read from the file, which ``gxlint parse --show text`` prints.
    location: dict | None = None

    def to_dict(self) -> dict:
        data = asdict(self)
        if data["fix"] is None:
            del data["fix"]
        if data["location"] is None:
            del data["location"]
        return data

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.message)


def describe(location: dict | None, lang: str = "zh") -> str:
    """A location in the original file as a person looks for it: 第 3 页第 12 行, 表 2 第 5 行第 3 列,
    第 12 段, 网页源码第 120 行 (English: page 3, line 12 …).  Empty for a plain text file."""
    if not location:
        return ""
    form = location.get("form")
    page, line, column = location.get("page"), location.get("line"), location.get("column")
    paragraph, table, row, cell = (location.get(k) for k in ("paragraph", "table", "row", "cell"))
    zh: list[str] = []
    en: list[str] = []
    if page:
        zh.append(f"第 {page} 页")
        en.append(f"page {page}")
    if table:
        zh.append(f"表 {table}" + (f" 第 {row} 行" if row else "") + (f"第 {cell} 列" if cell else ""))
        en.append(f"table {table}" + (f", row {row}" if row else "") + (f", column {cell}" if cell else ""))
        if paragraph:  # a paragraph in a cell that frames the text (Word)
            zh[-1] += f"第 {paragraph} 段"
            en[-1] += f", paragraph {paragraph}"
    elif paragraph:
        zh.append(f"第 {paragraph} 段")
        en.append(f"paragraph {paragraph}")
    if line and form == "html":
        zh.append(f"网页源码第 {line} 行" + (f"第 {column} 列" if column else ""))
        en.append(f"HTML source line {line}" + (f", column {column}" if column else ""))
    elif line and not table:
        if page and zh:
            zh[-1] += f"第 {line} 行"  # 第 3 页第 12 行
        else:
            zh.append(f"第 {line} 行")
        en.append(f"line {line}")
    if lang == "zh":
        if page and table and len(zh) > 1:
            zh[:2] = [zh[0] + zh[1]]  # 第 2 页表 1 第 5 行第 3 列
        return "，".join(zh)
    return ", ".join(en)


def at_least(severity: str, level: str) -> bool:
    return SEVERITY_RANK.get(severity, 0) >= SEVERITY_RANK.get(level, 3)
