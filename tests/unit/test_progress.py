"""The terminal progress line: one line a batch, rewritten in place on a terminal, appended elsewhere."""

from __future__ import annotations

import io

from flows.progress import TerminalProgress


def test_progress_line_rewrites_itself_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    ticks = iter([0.0, 2.0, 4.0])
    out = Terminal()
    progress = TerminalProgress(total_files=10, stream=out, clock=lambda: next(ticks))
    progress.update(files=5, documents=4, mentions=9)
    progress.finish(events=7)
    assert out.getvalue() == (
        "\r\x1b[2Kfiles 5/10 (50%) · documents 4 · event mentions 9 · 2.5 files/s · 2.0 s"
        "\r\x1b[2Kfiles 5/10 (50%) · documents 4 · event mentions 9 · events 7 · 1.2 files/s · 4.0 s\n"
    )


def test_progress_lines_are_appended_off_a_terminal() -> None:
    out = io.StringIO()
    ticks = iter([0.0, 1.0, 2.0, 3.0])
    progress = TerminalProgress(total_files=0, stream=out, clock=lambda: next(ticks))
    progress.update(files=0, documents=0, mentions=0)
    progress.update(files=0, documents=0, mentions=0)
    progress.finish(events=0)
    assert out.getvalue().splitlines() == [
        "files 0/0 · documents 0 · event mentions 0 · 0.0 files/s · 1.0 s",
        "files 0/0 · documents 0 · event mentions 0 · 0.0 files/s · 2.0 s",
        "files 0/0 · documents 0 · event mentions 0 · events 0 · 0.0 files/s · 3.0 s",
    ]
