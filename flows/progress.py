"""A progress line for long runs in a terminal: documents, event mentions, events and the rate, once per batch."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO


@dataclass
class TerminalProgress:
    """Rewrites one status line on a terminal (`\\r`); elsewhere prints one line per update."""

    total_files: int
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    clock: Callable[[], float] = time.monotonic
    files: int = 0
    documents: int = 0
    mentions: int = 0
    started: float = field(init=False)

    def __post_init__(self) -> None:
        self.started = self.clock()

    def line(self, events: int | None = None) -> str:
        """The status text: files done of all, documents, event mentions, [events,] rate and time."""
        elapsed = self.clock() - self.started
        rate = self.files / elapsed if elapsed > 0 else 0.0
        share = f" ({self.files / self.total_files:.0%})" if self.total_files else ""
        parts = [f"files {self.files:,}/{self.total_files:,}{share}", f"documents {self.documents:,}",
                 f"event mentions {self.mentions:,}"]
        if events is not None:
            parts.append(f"events {events:,}")
        parts += [f"{rate:,.0f} files/s" if rate >= 10 else f"{rate:.1f} files/s", f"{elapsed:,.1f} s"]
        return " · ".join(parts)

    def write(self, text: str, final: bool = False) -> None:
        """One status line: rewritten in place on a terminal, appended elsewhere."""
        if self.stream.isatty():
            self.stream.write("\r\x1b[2K" + text + ("\n" if final else ""))
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def update(self, files: int, documents: int, mentions: int) -> None:
        """Add one batch's counts and show the line."""
        self.files += files
        self.documents += documents
        self.mentions += mentions
        self.write(self.line())

    def finish(self, events: int) -> None:
        """The last line, with the number of canonical events."""
        self.write(self.line(events), final=True)
