"""What the closing signature says where the reader found no day in it: the family's shared reading."""

from __future__ import annotations

from gxlint.chinese import WrittenDate, whole_date


def month_only(report) -> WrittenDate | None:
    """The signature's date when it names a month but no day (``2022年2月``), else None."""
    sig = report.signature
    if sig is None or sig.date is not None or sig.date_span is None:
        return None
    written = whole_date(report.source.text[sig.date_span.start : sig.date_span.end])
    if written is None or written.day is not None or written.last_day is None:
        return None
    return written


def organ_alone(report) -> str | None:
    """The report's last line when it is the issuing organ's name and no date follows it (``示例县
    教育局`` closing the report): a signature without its date, else None."""
    agency = report.agency
    source = report.source
    if not agency or report.signature is not None:
        return None
    for number in range(source.line_count, 0, -1):
        line = source.line(number).strip(" \t\u3000*#")
        if not line:
            continue
        if (
            len(line) <= 40
            and not any(c in line for c in "。，,；;：:")
            and (line == agency or line.startswith(agency) or agency.endswith(line) and len(line) >= 4)
        ):
            return line
        return None
    return None
