"""Earlier questions per conversation, for follow-ups."""

from __future__ import annotations

import time

from bot.teams.history import RecentQuestions


def test_questions_are_kept_per_conversation_oldest_first():
    recent = RecentQuestions(per_conversation=2)
    for q in ("one", "two", "three"):
        recent.add("a", q)
    recent.add("b", "other")
    assert recent.before("a") == ["two", "three"]
    assert recent.before("b") == ["other"] and recent.before("c") == []


def test_old_questions_and_conversations_are_forgotten():
    recent = RecentQuestions(window_s=0.05, conversations=2)
    recent.add("a", "old")
    time.sleep(0.1)
    assert recent.before("a") == []
    recent.add("b", "x")
    recent.add("c", "y")
    recent.add("d", "z")
    assert recent.before("b") == [] and recent.before("d") == ["z"]
