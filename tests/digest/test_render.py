"""The plain renderers: the shared view (for Teams and others) and the terminal text."""

from __future__ import annotations

from bot.digest.models import Digest
from bot.digest.render import digest_view, render_text
from tests.digest.samples import digest, entry


def test_text_lists_each_article_with_trial_figures_link_and_quotes():
    text = render_text(digest(entry(1), entry(2, link="/data/articles/two.html"), more=3))
    assert text.splitlines()[0] == "Trial news: 5 new articles since 2025-06-01 08:00 UTC"
    assert "1. Drug 1 <works> & more in TRIAL-1" in text
    assert "   Trial: TRIAL-1" in text
    assert "   ORR: Objective response rate, with drug 1: 41.5% [1]" in text
    assert "   https://news.example.org/1.html" in text
    assert '     [1] "The objective response rate was 41.5% with drug 1."' in text
    assert "   /data/articles/two.html" in text
    assert text.endswith("3 more new articles will follow in the next digest.")


def test_an_empty_digest_is_one_line():
    assert render_text(digest()) == "Nothing new since 2025-06-01 08:00 UTC."


def test_the_view_is_plain_json_ready_data():
    view = digest_view(digest(entry(1), entry(2, link="local.txt")))
    assert view["headline"].startswith("Trial news: 2 new articles")
    first, second = view["entries"]
    assert first == {
        "title": "Drug 1 <works> & more in TRIAL-1",
        "link": "https://news.example.org/1.html",
        "is_url": True,
        "trials": ["TRIAL-1"],
        "figures": ["ORR: Objective response rate, with drug 1: 41.5% [1]"],
        "sources": [{"n": 1, "quote": "The objective response rate was 41.5% with drug 1."}],
    }
    assert second["is_url"] is False and view["footer"] == ""


def test_a_digest_survives_its_json_unchanged():
    original = digest(entry(1), entry(2), more=1)
    assert Digest.from_json(original.to_json()) == original
