"""The progress indicator: when it is shown, throttling, truncation, and erasing itself."""

from __future__ import annotations

import io

from gxlint.run.progress import Progress, for_run, wanted


class Terminal(io.StringIO):
    def isatty(self):
        return True


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_wanted_only_for_many_files_on_a_terminal_stderr():
    tty, pipe = Terminal(), io.StringIO()
    assert wanted("full", 50, tty, tty)
    assert wanted("concise", 2, pipe, tty)
    assert not wanted("full", 1, tty, tty)  # one file: nothing to show
    assert not wanted("full", 50, tty, pipe)  # stderr on a pipe
    assert not wanted("json", 50, tty, tty)  # JSON on the same terminal stays clean
    assert not wanted("sarif", 50, tty, tty)
    assert wanted("json", 50, pipe, tty)  # JSON into a file or pipe: progress on the terminal
    assert for_run("full", 50, pipe, pipe) is None
    assert isinstance(for_run("full", 50, pipe, tty), Progress)


def test_nothing_shown_for_a_short_run_then_throttled_updates():
    clock, err = Clock(), Terminal()
    progress = Progress(200, err, delay=0.3, interval=0.1, clock=clock)
    progress.update(1, "a.txt")
    assert err.getvalue() == ""  # short runs never flash a bar
    clock.now = 0.5
    progress.update(20, "reports/b.txt")
    assert err.getvalue() == "\r\x1b[K[ 20/200]  10%  reports/b.txt"
    clock.now = 0.55
    progress.update(21, "reports/c.txt")
    assert err.getvalue().count("\r\x1b[K") == 1  # throttled
    clock.now = 0.7
    progress.update(22, "reports/d.txt")
    assert err.getvalue().endswith("[ 22/200]  11%  reports/d.txt")


def test_clear_erases_the_line_once():
    clock, err = Clock(), Terminal()
    progress = Progress(10, err, delay=0, interval=0, clock=clock)
    progress.clear()
    assert err.getvalue() == ""  # nothing shown, nothing to erase
    progress.update(3, "x.txt")
    progress.clear()
    progress.close()
    assert err.getvalue() == "\r\x1b[K[ 3/10]  30%  x.txt\r\x1b[K"


def test_long_and_chinese_paths_are_cut_to_the_terminal_width(monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    err = Terminal()
    progress = Progress(1000, err, delay=0, interval=0, clock=Clock())
    progress.update(5, "政府信息公开/" * 10 + "年报.txt")
    line = err.getvalue().removeprefix("\r\x1b[K")
    width = sum(2 if "\u4e00" <= c <= "\u9fff" else 1 for c in line)
    assert line.startswith("[   5/1000]   0%  …") and line.endswith("年报.txt")
    assert width <= 39
