"""Speaking-time estimates, tour fit and duration formatting (curator_console.domain.timing)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from curator_console.domain.timing import (
    DEFAULT_CJK_CHARS_PER_MINUTE,
    DEFAULT_WORDS_PER_MINUTE,
    ReadingSpeed,
    TextMeasure,
    estimate_speaking_seconds,
    format_duration,
    measure_text,
    plan_tour,
)

# Text of every kind, with CJK and Latin well represented.
MIXED_ALPHABET = st.sampled_from(list("青花瓷瓶故宫博物院のカナ한국어abcXYZé09 -'’.,，。！\n"))
mixed_text = st.one_of(st.text(MIXED_ALPHABET, max_size=200), st.text(max_size=200))
speeds = st.builds(ReadingSpeed, st.integers(1, 1000), st.integers(1, 1000))
# Whitespace and punctuation that is never spoken and never joins words (no hyphen or apostrophe).
unspoken = st.text(st.sampled_from(list(" \t\n,.;:!?()[]*#_…。，、！？「」")), max_size=30)


def parse_duration(text: str) -> int:
    """Inverse of format_duration, written independently for the round-trip property."""
    match = re.fullmatch(r"(-?)(?:(\d+):([0-5]\d)|(\d+):([0-5]\d):([0-5]\d))", text)
    assert match, text
    sign = -1 if match.group(1) else 1
    if match.group(2) is not None:
        minutes, seconds = int(match.group(2)), int(match.group(3))
        assert minutes < 60
        return sign * (minutes * 60 + seconds)
    hours, minutes, seconds = (int(match.group(i)) for i in (4, 5, 6))
    assert hours > 0
    return sign * (hours * 3600 + minutes * 60 + seconds)


# --- Measuring -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cjk", "words"),
    [
        ("", 0, 0),
        ("青花瓷瓶", 4, 0),
        ("Blue and white vase", 0, 4),
        ("这件青花瓷瓶 is a Ming vase", 6, 4),
        ("don't state-of-the-art rock’n’roll", 0, 3),
        ("Café Déjà vu", 0, 3),
        ("Эрмитаж музей", 0, 2),
        ("ひらがな カタカナ 한국어", 4 + 4 + 3, 0),
        ("Room 3, case 1994", 0, 4),
        ("**Heading** — *bold*, - list; # !!! ... —", 0, 3),
        ("故宫Museum里的vase", 4, 2),
    ],
)
def test_measure_text_counts_cjk_characters_and_words(text, cjk, words):
    assert measure_text(text) == TextMeasure(cjk_chars=cjk, words=words)


def test_default_speeds_give_a_minute_per_240_characters_or_150_words():
    assert estimate_speaking_seconds("") == 0
    assert estimate_speaking_seconds("瓷" * DEFAULT_CJK_CHARS_PER_MINUTE) == 60
    assert estimate_speaking_seconds(" ".join(["vase"] * DEFAULT_WORDS_PER_MINUTE)) == 60
    assert estimate_speaking_seconds("瓷" * 120 + " " + "vase " * 75) == 60


def test_custom_reading_speed():
    slow = ReadingSpeed(cjk_chars_per_minute=120, words_per_minute=60)
    assert estimate_speaking_seconds("瓷" * 120, slow) == 60
    assert estimate_speaking_seconds("word " * 30, slow) == 30


def test_punctuation_and_markup_are_not_spoken():
    assert estimate_speaking_seconds("# ** __ -- ... ，。！？ 「」 ()[]") == 0


@pytest.mark.parametrize(("cjk", "wpm"), [(0, 150), (240, 0), (-1, 150), (240, -5)])
def test_reading_speeds_must_be_positive(cjk, wpm):
    with pytest.raises(ValueError):
        ReadingSpeed(cjk_chars_per_minute=cjk, words_per_minute=wpm)


@given(a=mixed_text, b=mixed_text, speed=speeds)
def test_estimate_never_decreases_when_text_is_added(a, b, speed):
    assert estimate_speaking_seconds(a + b, speed) >= estimate_speaking_seconds(a, speed)


@given(a=mixed_text, b=mixed_text, speed=speeds)
def test_estimate_is_additive_over_concatenation_with_a_space(a, b, speed):
    joined = a + " " + b
    assert measure_text(joined) == TextMeasure(
        measure_text(a).cjk_chars + measure_text(b).cjk_chars, measure_text(a).words + measure_text(b).words
    )
    total = estimate_speaking_seconds(a, speed) + estimate_speaking_seconds(b, speed)
    assert abs(estimate_speaking_seconds(joined, speed) - total) <= 1  # rounding only


@given(text=mixed_text, noise=unspoken, speed=speeds)
def test_unspoken_characters_do_not_change_the_estimate(text, noise, speed):
    assert estimate_speaking_seconds(text + " " + noise, speed) == estimate_speaking_seconds(text, speed)
    assert estimate_speaking_seconds(noise, speed) == 0


@given(text=mixed_text, speed=speeds)
def test_estimate_is_a_non_negative_whole_number_of_seconds(text, speed):
    seconds = estimate_speaking_seconds(text, speed)
    assert isinstance(seconds, int) and seconds >= 0


@given(text=mixed_text)
def test_faster_reading_never_takes_longer(text):
    slow, fast = ReadingSpeed(120, 100), ReadingSpeed(300, 200)
    assert estimate_speaking_seconds(text, fast) <= estimate_speaking_seconds(text, slow)


# --- Tour plan -----------------------------------------------------------------------------


def test_plan_tour_offsets_totals_and_differences():
    plan = plan_tour(
        [("Intro", 60, "瓷" * 240), ("Vase", 300, "word " * 150), ("Shop", 120, "")],
        slot_seconds=600,
    )

    assert [s.start_offset_seconds for s in plan.segments] == [0, 60, 360]
    assert [s.estimated_seconds for s in plan.segments] == [60, 60, 0]
    assert [s.difference_seconds for s in plan.segments] == [0, -240, -120]
    assert plan.planned_seconds == 480
    assert plan.estimated_seconds == 120
    assert plan.overrun_seconds == 0 and not plan.overruns


def test_plan_tour_reports_overrun_of_the_slot():
    plan = plan_tour([("A", 400, ""), ("B", 300, "")], slot_seconds=600)
    assert plan.overrun_seconds == 100
    assert plan.overruns


@pytest.mark.parametrize("slot", [None, 0])
def test_without_a_slot_nothing_overruns(slot):
    plan = plan_tour([("A", 10_000, "")], slot_seconds=slot)
    assert plan.overrun_seconds == 0 and not plan.overruns


def test_negative_planned_duration_is_refused_naming_the_segment():
    with pytest.raises(ValueError, match="Closing"):
        plan_tour([("Opening", 10, ""), ("Closing", -1, "")], slot_seconds=None)


def test_empty_tour():
    plan = plan_tour([], slot_seconds=600)
    assert plan.segments == () and plan.planned_seconds == 0 and not plan.overruns


@given(
    segments=st.lists(st.tuples(st.text(max_size=10), st.integers(0, 10_000), mixed_text), max_size=12),
    slot=st.one_of(st.none(), st.integers(0, 100_000)),
)
def test_plan_tour_offsets_are_running_totals(segments, slot):
    plan = plan_tour(segments, slot)
    running = 0
    for timing, (title, planned, _script) in zip(plan.segments, segments, strict=True):
        assert timing.title == title and timing.start_offset_seconds == running
        running += planned
    assert plan.planned_seconds == running
    expected_overrun = max(0, running - slot) if slot else 0
    assert plan.overrun_seconds == expected_overrun


# --- Durations -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0:00"),
        (5, "0:05"),
        (59, "0:59"),
        (60, "1:00"),
        (599, "9:59"),
        (3599, "59:59"),
        (3600, "1:00:00"),
        (3661, "1:01:01"),
        (36_000, "10:00:00"),
        (-61, "-1:01"),
        (-3600, "-1:00:00"),
    ],
)
def test_format_duration(seconds, text):
    assert format_duration(seconds) == text


@given(st.integers(min_value=-10**7, max_value=10**7))
def test_format_duration_round_trips(seconds):
    text = format_duration(seconds)
    assert parse_duration(text) == seconds
    assert (":" in text) and (text.count(":") == (2 if abs(seconds) >= 3600 else 1))
