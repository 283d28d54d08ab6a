"""``--format html``: one self-contained page (no outside resources, a Content-Security-Policy that
allows only its own style and script), the summary of the files, each report's text with every
finding marked at its place and its message and fix written out, the tables as HTML tables, the
filters, both languages, the place in the original file for Word/web/PDF input, report text and
file names escaped, the same page with ``--jobs``; and (slow) the page in headless Chromium."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import pickle
import re
import shutil
import struct
import subprocess
import sys
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from clitools import FIXTURES, gx
from conftest import SEED_000, SEED_002, SHARED
from gxlint.run.linter import Linter
from gxlint.run.discover import discover
from gxlint.finding import Finding
from gxlint.output import FileResult, Summary
from gxlint.output.html import HtmlFormatter, ReportView, report_view
from gxlint.read import source as source_mod
from gxlint.read.build import build_report, default_context
from gxlint.run.runner import check

DEFECTS = FIXTURES / "defects"
UNBALANCED = DEFECTS / "shili-2021-unbalanced.txt"
#: a report with a script and an attribute break-out in its text (a fictional 示例县 office)
HOSTILE = """示例县<script>alert(1)</script>农业农村局2021年政府信息公开工作年度报告

一、总体情况
2021年，示例县农业农村局"><img src=x onerror=alert(2)>按要求做好公开工作。监督电话：<b>7001234</b>。
"""


class Page(HTMLParser):
    """The tags of a page with their attributes, and the text of its <script> and <style>."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in: str | None = None
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._in = tag

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "style":
            self.styles.append(data)
        else:
            self.text.append(data)

    def find(self, tag: str, **attrs) -> list[dict]:
        return [
            a
            for t, a in self.tags
            if t == tag and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.tags if "id" in a}


def html_of(*paths, lang: str = "zh", extra: tuple[str, ...] = ()) -> str:
    result = gx("--format", "html", "--lang", lang, "--isolated", *extra, *[str(p) for p in paths])
    assert result.exit_code in (0, 1), result.output
    assert result.stdout.startswith("<!DOCTYPE html>"), result.stdout[:200]
    return result.stdout


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def lint_json(*paths, lang="zh"):
    import json

    result = gx("--format", "json", "--lang", lang, "--isolated", *[str(p) for p in paths])
    return json.loads(result.stdout)


# -- self-contained and locked down -----------------------------------------------------------------


def test_page_loads_nothing_from_elsewhere_and_its_policy_allows_only_its_own_style_and_script():
    text = html_of(*sorted(DEFECTS.glob("*.txt")))
    page = Page(text)
    # nothing to fetch: no external script, stylesheet, image, frame, font or base
    for tag, attrs in page.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed", "base", "audio", "video", "source"), (
            tag
        )
        assert "src" not in attrs, (tag, attrs)
        if "href" in attrs:
            assert attrs["href"].startswith("#"), attrs["href"]
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)  # no inline event handlers
        assert "style" not in attrs  # inline style attributes would need 'unsafe-inline'
    assert len(page.scripts) == 1 and len(page.styles) == 1
    assert (
        "url(" not in page.styles[0]
        and "@import" not in page.styles[0]
        and "@font-face" not in page.styles[0]
    )
    csp = page.find("meta", http_equiv="Content-Security-Policy")
    assert len(csp) == 1
    policy = dict(part.strip().split(" ", 1) for part in csp[0]["content"].split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == sha(page.scripts[0]), "the script hash must match the inline script"
    assert policy["style-src"] == sha(page.styles[0]), "the style hash must match the inline style"
    assert policy["base-uri"] == "'none'" and policy["form-action"] == "'none'"
    # the meta tag comes before anything it governs
    assert text.index("Content-Security-Policy") < text.index("<style>")


def test_report_text_and_file_names_are_shown_as_text_never_as_markup(tmp_path):
    name = tmp_path / '"><img src=x onerror=alert(3)>报告.txt'
    name.write_text(HOSTILE, encoding="utf-8")
    text = html_of(name)
    page = Page(text)
    assert not page.find("img") and len(page.find("script")) == 1
    assert not any(k.startswith("on") for _, a in page.tags for k in a)
    # ... and everything is there, as text
    shown = "".join(page.text)
    assert "<script>alert(1)</script>" in shown
    assert '"><img src=x onerror=alert(2)>' in shown
    assert '"><img src=x onerror=alert(3)>报告.txt' in shown
    assert "<b>7001234</b>" in shown
    assert "&lt;b&gt;" in text and "&lt;/b&gt;" in text
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        and "&quot;&gt;&lt;img src=x onerror=alert(3)&gt;" in text
    )


def test_control_characters_and_undecodable_names_do_not_break_the_page():
    out = io.StringIO()
    fmt = HtmlFormatter(out=out, lang="en")
    fmt.begin()
    bad = Finding(
        "bad\udcff\x1b[31m.txt", 1, 1, 1, 2, "GX001", "unreadable-file", "error", "boom\x00\x07 <x>"
    )
    fmt.add(FileResult("bad\udcff\x1b[31m.txt", [bad], checked=True))
    fmt.end(Summary(files=1))
    text = out.getvalue()
    text.encode("utf-8")  # writable as UTF-8
    assert "\x1b" not in text and "\x00" not in text and "\x07" not in text
    assert "bad\ufffd [31m.txt" in text and "boom   &lt;x&gt;" in text


# -- what the page shows ----------------------------------------------------------------------------


def test_summary_table_names_each_file_with_agency_year_template_form_and_counts():
    text = html_of(UNBALANCED, FIXTURES / "shili-2019-quirks.txt")
    page = Page(text)
    files = text[text.index('class="list files"') : text.index("</table>", text.index('class="list files"'))]
    row = re.search(r"<tr><td class=\"n\">1</td>.*?</tr>", files).group(0)
    assert "shili-2021-unbalanced.txt" in row and "示例县水利局" in row and ">2021<" in row
    assert "2021 年版" in row and "文本" in row
    assert re.search(r'<td class="n c-error">1</td><td class="n zero">0</td><td class="n zero">0</td>', row)
    assert 'href="#r1"' in row and "r1" in page.ids() and "r2" in page.ids()
    assert "发现" in text and "共检查 2 个文件" in text


def test_a_skipped_file_is_not_counted_as_a_problem_in_the_files_table(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# 说明\n这里存放各部门的报告。\n", encoding="utf-8")
    text = html_of(UNBALANCED, readme, extra=("--skip-non-reports",))
    files = text[text.index('class="list files"') : text.index("</table>", text.index('class="list files"'))]
    skipped = re.search(
        r"<tr><td class=\"n\">\d</td><td class=\"file\"><a [^>]*>[^<]*README.md</a>.*?</tr>", files
    ).group(0)
    assert "不是年度报告，已跳过" in skipped
    assert skipped.endswith(
        '<td class="n zero">0</td><td class="n zero">0</td><td class="n zero">0</td></tr>'
    )
    foot = files[files.index("<tfoot>") :]
    assert '<td class="n">1</td><td class="n">0</td><td class="n">0</td></tr></tfoot>' in foot


def test_every_finding_is_marked_at_its_place_with_its_message_and_fix_written_out():
    paths = sorted(DEFECTS.glob("*.txt"))
    expected = lint_json(*paths)
    text = html_of(*paths)
    page = Page(text)
    notes = [a for _, a in page.tags if "note" in a.get("class", "").split()]
    assert len(notes) == len(expected) > 0
    shown = "".join(page.text)
    for f in expected:
        assert f["message"] in shown
        if f.get("fix"):
            assert f["fix"] in shown
    # each note is referenced from the place it is about: a mark in the line or a cell of a table
    marked = " ".join(a["data-f"] for _, a in page.tags if "data-f" in a).split()
    for note in notes:
        assert note["id"] in marked, note
        assert note["data-sev"] in ("error", "warning", "info") and note["data-code"].startswith("GX")


def test_a_finding_in_a_table_marks_its_cell_in_the_html_table():
    text = html_of(UNBALANCED)
    page = Page(text)
    # GX201 on the 自然人 column of 四 (the wrong cell; （七）总计 agrees with the outcome rows), whose
    # message also names the 总计 column
    [note] = [a for _, a in page.tags if "note" in a.get("class", "").split()]
    cells = [(t, a) for t, a in page.tags if t == "td" and "data-f" in a]
    assert [a["data-f"] for _, a in cells] == [note["id"]]
    assert "error" in cells[0][1]["class"].split()
    # the table is an HTML table with the template's columns and the values read
    assert "<th>自然人</th>" in text and "<th>总计</th>" in text
    m = re.search(r'<td class="number error" data-f="r1-f1">3<a class="ref error"', text)
    assert m, "the 自然人 cell of 四 (3) carries the first finding"
    # the lines as written stay one click away
    assert '<details class="raw">' in text


def test_finding_on_a_line_is_a_mark_around_its_span():
    text = html_of(DEFECTS / "shili-2021-narrative.txt")
    # GX206 at 13:28–30, the “20” of “收到政府信息公开申请20件”: the span is wrapped in a mark
    # carrying the finding, and the finding's number follows it
    assert (
        '收到政府信息公开申请<mark class="warning" data-f="r1-f2">20</mark><a class="ref warning" '
        'href="#r1-f2" data-sev="warning" data-code="GX206">2</a>件'
    ) in text


def test_filters_are_there_for_the_script_and_hidden_without_it():
    text = html_of(*sorted(DEFECTS.glob("*.txt")))
    page = Page(text)
    assert page.find("html")[0]["class"] == "nojs"
    [form] = page.find("form")
    assert "js" in form["class"].split() and form["id"] == "filters"
    assert ".nojs .js{display:none}" in page.styles[0]
    assert {a["value"] for a in page.find("input", name="sev")} == {"error", "warning", "info"}
    codes = {a["value"] for a in page.find("input", name="code")}
    assert codes == {f["code"] for f in lint_json(*sorted(DEFECTS.glob("*.txt")))}


def test_english_page():
    text = html_of(UNBALANCED, lang="en")
    assert '<html lang="en"' in text
    assert "Files checked" in text and "Fix: " in text and "applications received and handled" in text
    assert "the template requires items 一 + 二 to equal items 三 + 四" in text
    assert "年版" not in text and "修改建议" not in text


def test_a_word_file_shows_the_text_read_and_each_findings_place_in_the_original(tmp_path):
    sys.path.insert(0, str(Path(__file__).parent))
    import formsgen

    docx = tmp_path / "shili.docx"
    docx.write_bytes(formsgen.to_docx(UNBALANCED.read_text(encoding="utf-8")))
    expected = lint_json(docx, lang="en")
    assert expected and all(f.get("location") for f in expected)
    text = html_of(docx, lang="en")
    assert "This file is a Word document" in text and ">Word<" in text
    assert "本文件是 Word 文档；" in html_of(docx)  # a space between the Chinese and the Latin word
    from gxlint.finding import describe

    for f in expected:
        assert "in the file: " + describe(f["location"], "en") in text


def test_a_file_that_is_not_read_still_shows_its_finding(tmp_path):
    missing = tmp_path / "gone.txt"
    text = html_of(missing, UNBALANCED)
    page = Page(text)
    codes = [a["data-code"] for _, a in page.tags if "note" in a.get("class", "").split()]
    # the files are listed in path order, which depends on where the temporary folder is
    assert "GX001" in codes and "GX201" in codes
    assert "未检查" in text


def test_a_file_gxlint_does_not_read_is_named_by_its_kind_in_words(tmp_path):
    # an old Word file (an OLE compound file): its kind, not the sniffer's "ole"
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    cells = lambda text: re.findall(r"<td[^>]*>([^<]*)</td>", text)  # noqa: E731
    assert "旧版 Word/WPS" in cells(html_of(old)) and "ole" not in cells(html_of(old))
    assert "old Word/WPS" in cells(html_of(old, lang="en"))


def test_no_file_at_all_is_still_a_page():
    out = io.StringIO()
    fmt = HtmlFormatter(out=out)
    fmt.begin()
    fmt.end(Summary())
    assert out.getvalue().rstrip().endswith("</html>") and "没有检查任何文件" in out.getvalue()


def test_the_view_is_small_and_picklable_for_worker_processes():
    source = source_mod.read_path(str(UNBALANCED))
    view = report_view(build_report(source, default_context(), None))
    assert isinstance(view, ReportView)
    again = pickle.loads(pickle.dumps(view))
    assert again == view
    assert (view.agency, view.year, view.template, view.form) == ("示例县水利局", 2021, "2021", "text")
    assert [t.kind for t in view.tables] == ["active_disclosure", "applications", "review_litigation"]
    assert all(t.alone for t in view.tables)


def test_a_report_s_text_and_tables_are_not_kept_after_its_section_is_written():
    # a province's thousands of reports: the page's body goes to a temporary file as each report is
    # done; what stays for the files table is the report's identity (it kept the whole view: 55 KB a
    # report)
    source = source_mod.read_path(str(UNBALANCED))
    view = report_view(build_report(source, default_context(), None))
    out = io.StringIO()
    fmt = HtmlFormatter(out=out, lang="en")
    fmt.begin()
    fmt.add(FileResult(str(UNBALANCED), [], checked=True, report=view))
    [kept] = [e.view for e in fmt._entries]
    assert (kept.agency, kept.year, kept.template, kept.form) == ("示例县水利局", 2021, "2021", "text")
    assert (kept.text, kept.headings, kept.tables) == ("", (), ())
    fmt.end(Summary(files=1))
    assert "示例县水利局" in out.getvalue() and view.tables[0].rows[0].key in out.getvalue()


def test_other_formats_get_no_report():
    seen = []

    class Probe(HtmlFormatter):
        def add(self, result):
            seen.append(result.report)

    class Plain(Probe):
        report_view = None

    linter = Linter(isolated=True)
    for cls, wanted in ((Probe, ReportView), (Plain, type(None))):
        seen.clear()
        fmt = cls(out=io.StringIO())
        check(linter, list(discover([str(UNBALANCED)])), fmt, jobs=1)
        assert len(seen) == 1 and isinstance(seen[0], wanted)


def _strip_timing(text: str) -> str:
    return re.sub(r'<p class="lead">.*?</p>', "", text)


@pytest.mark.slow  # worker processes
def test_same_page_with_jobs():
    paths = [str(p) for p in sorted(DEFECTS.glob("*.txt"))]
    one = html_of(*paths, extra=("--jobs", "1"))
    two = html_of(*paths, extra=("--jobs", "2"))
    assert _strip_timing(one) == _strip_timing(two)
    assert 'class="list files"' in two and two.count('class="report"') == len(paths)


def test_html_is_offered_by_the_command_line():
    result = gx("--help")
    assert "html" in result.stdout


# -- in a real browser ------------------------------------------------------------------------------


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """A tiny PNG reader (8-bit RGB or RGBA, not interlaced): width, height and each row's bytes
    with the filters undone."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    assert depth == 8 and color in (2, 6) and interlace == 0, header
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(
            bytes(line) if bpp == 3 else bytes(b for i in range(0, stride, 4) for b in line[i : i + 3])
        )
        prev = line
    return width, height, rows


CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        pytest.skip("chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)")
    return subprocess.run(
        [exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        timeout=120,
        env={**os.environ, "LANG": "C.UTF-8"},
    )


@pytest.mark.slow
def test_the_page_in_headless_chromium(tmp_path):
    seeds = [SHARED / SEED_000, SHARED / SEED_002]
    if not all(p.exists() for p in seeds):
        pytest.skip(f"real reports not available: {SHARED / 'seeds'} does not exist (../shared is absent)")
    paths = [*seeds, *sorted(DEFECTS.glob("*.txt"))]
    page = tmp_path / "report.html"
    result = gx("--format", "html", "--isolated", "-o", page, *paths)
    assert result.exit_code == 1, result.output
    expected = lint_json(*paths)
    url = page.resolve().as_uri()

    shot = tmp_path / "shot.png"
    run = chromium(tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,2000", url)
    assert shot.exists(), run.stderr.decode(errors="replace")[-2000:]
    width, height, rows = png_pixels(shot.read_bytes())
    assert (width, height) == (1280, 2000)
    colours = {row[i : i + 3] for row in rows[::7] for i in range(0, len(row), 21)}
    assert len(colours) > 1, "the screenshot is blank"
    # the error badge of the severity filter (#b3261e): the style was applied under the policy,
    # and the filters, hidden without the script, were shown by it
    assert any(bytes((0xB3, 0x26, 0x1E)) in row for row in rows[:400]), "no error badge in the filter bar"

    dom = chromium(tmp_path / "profile", "--dump-dom", url).stdout.decode("utf-8")
    assert '<html lang="zh-CN" class="">' in dom, "the page's script did not run (Content-Security-Policy?)"
    for f in expected:
        assert _escaped(f["message"]) in dom
    assert dom.count('class="note ') == len(expected)

    # the filters: a link that shows errors only hides the warnings (and shows the errors)
    filtered = chromium(tmp_path / "profile", "--dump-dom", url + "#sev=error").stdout.decode("utf-8")
    notes = re.findall(r'<div class="note (\w+)( off)?" id="[^"]+" data-sev="(\w+)"', filtered)
    assert notes and len(notes) == len(expected)
    assert all((off == " off") == (sev != "error") for _, off, sev in notes)
    if os.environ.get("GXLINT_SCREENSHOT"):  # keep the picture (docs/img/html-report.png is made from it)
        shutil.copy(shot, os.environ["GXLINT_SCREENSHOT"])


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
