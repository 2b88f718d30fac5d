"""Speaking-time estimates and the fit of a tour into its slot.

A script mixes Chinese and English. Chinese is read in characters per minute, English (and other
space-separated scripts) in words per minute; both rates come from the user's settings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DEFAULT_CJK_CHARS_PER_MINUTE = 240
DEFAULT_WORDS_PER_MINUTE = 150

# CJK Unified Ideographs (+ extension A, compatibility ideographs), kana and hangul are read per character.
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]")
_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f\u0400-\u04ff]+(?:['’\-][A-Za-z0-9\u00c0-\u024f]+)*")


@dataclass(frozen=True)
class ReadingSpeed:
    cjk_chars_per_minute: int = DEFAULT_CJK_CHARS_PER_MINUTE
    words_per_minute: int = DEFAULT_WORDS_PER_MINUTE

    def __post_init__(self) -> None:
        if self.cjk_chars_per_minute <= 0 or self.words_per_minute <= 0:
            raise ValueError("reading speeds must be positive")


@dataclass(frozen=True)
class TextMeasure:
    cjk_chars: int
    words: int


def measure_text(text: str) -> TextMeasure:
    """Count CJK characters and non-CJK words. Punctuation and markup marks are not spoken."""
    cjk = len(_CJK.findall(text))
    without_cjk = _CJK.sub(" ", text)
    words = len(_WORD.findall(without_cjk))
    return TextMeasure(cjk_chars=cjk, words=words)


def estimate_speaking_seconds(text: str, speed: ReadingSpeed = ReadingSpeed()) -> int:
    """Seconds needed to say ``text`` aloud at ``speed``, rounded to the nearest second."""
    m = measure_text(text)
    seconds = m.cjk_chars * 60.0 / speed.cjk_chars_per_minute + m.words * 60.0 / speed.words_per_minute
    return int(round(seconds))


@dataclass(frozen=True)
class SegmentTiming:
    title: str
    planned_seconds: int
    estimated_seconds: int
    start_offset_seconds: int

    @property
    def difference_seconds(self) -> int:
        """Estimated minus planned: positive means the script needs more time than planned."""
        return self.estimated_seconds - self.planned_seconds


@dataclass(frozen=True)
class TourTiming:
    segments: tuple[SegmentTiming, ...]
    slot_seconds: int | None

    @property
    def planned_seconds(self) -> int:
        return sum(s.planned_seconds for s in self.segments)

    @property
    def estimated_seconds(self) -> int:
        return sum(s.estimated_seconds for s in self.segments)

    @property
    def overrun_seconds(self) -> int:
        """How far the planned total runs past the slot (0 when it fits or there is no slot)."""
        if not self.slot_seconds:
            return 0
        return max(0, self.planned_seconds - self.slot_seconds)

    @property
    def overruns(self) -> bool:
        return self.overrun_seconds > 0


def plan_tour(
    segments: list[tuple[str, int, str]], slot_seconds: int | None, speed: ReadingSpeed = ReadingSpeed()
) -> TourTiming:
    """Timing of a tour from ``(title, planned_seconds, script)`` triples in running order."""
    offset = 0
    out: list[SegmentTiming] = []
    for title, planned, script in segments:
        if planned < 0:
            raise ValueError(f"segment {title!r}: planned duration cannot be negative")
        out.append(SegmentTiming(title, planned, estimate_speaking_seconds(script, speed), offset))
        offset += planned
    return TourTiming(tuple(out), slot_seconds)


def format_duration(seconds: int) -> str:
    """``h:mm:ss`` or ``m:ss``; negative durations get a leading minus."""
    sign = "-" if seconds < 0 else ""
    seconds = abs(int(seconds))
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{sign}{h}:{m:02d}:{s:02d}" if h else f"{sign}{m}:{s:02d}"
