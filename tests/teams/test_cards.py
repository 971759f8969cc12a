"""The Adaptive Card formatter: pure data in, card dicts out."""

from __future__ import annotations

import json

from bot.answer.models import Answer, Citation
from bot.app.commands import Added, ArticleList, ArticleSummary, Help, TrialFigures
from bot.teams.cards import (
    MAX_CARD_CHARS,
    SHOW_SOURCES,
    VERSION,
    answer_card,
    apology_card,
    error_card,
    result_card,
    source_link,
)
from index.ingest import IngestResult
from tests.teams.harness import card_texts, quotes, shown_texts

URL = "https://www.onclive.com/view/imforte (ASCO 2025)"
QUOTE = "Median OS was 13.2 months vs 10.6 months (HR, 0.73; 95% CI, 0.57-0.95)."


def _answer(status: str = "answered", n: int = 2) -> Answer:
    citations = [
        Citation(1, "IMforte [ASCO] *late-breaker*", URL, QUOTE, "a1", 0, len(QUOTE)),
        Citation(2, "I-DXd in ES-SCLC", "/data/articles/000_ideate.txt", "1. ORR was *48.2%*"),
    ][:n]
    text = "Median OS 13.2 months [1]" if status == "answered" else "Not found: no article."
    return Answer("q", status, text, citations)  # type: ignore[arg-type]


def test_an_answer_card_has_the_answer_numbered_linked_citations_and_its_quotes():
    card = answer_card(_answer())
    assert card["type"] == "AdaptiveCard" and card["version"] == VERSION
    assert card["body"][0] == {
        "type": "RichTextBlock",
        "inlines": [{"type": "TextRun", "text": "Median OS 13.2 months [1]"}],
    }
    shown = shown_texts(card)
    # a URL source is a Markdown link (title defused, URL escaped); a file, its title and name
    assert (
        "**[1]** [IMforte (ASCO) late-breaker](https://www.onclive.com/view/imforte%20%28ASCO%202025%29)"
        in shown
    )
    assert "**[2]** I-DXd in ES-SCLC (000_ideate.txt)" in shown
    assert QUOTE not in shown  # quotes wait behind the action
    [action] = card["actions"]
    assert action["type"] == "Action.ShowCard" and action["title"] == SHOW_SOURCES
    # quotes are literal runs: Markdown characters in an article are shown as written
    assert quotes(card) == [QUOTE, "1. ORR was *48.2%*"]


def test_not_found_says_so_and_lists_the_closest_sources():
    card = answer_card(_answer("not_found"))
    shown = shown_texts(card)
    assert shown.startswith("Not found")
    assert "**Closest sources**" in shown and "**[1]**" in shown
    assert card["actions"][0]["title"] == SHOW_SOURCES


def test_an_answer_without_citations_has_no_sources_action():
    card = answer_card(Answer("q", "not_found", "Not found: the index holds no articles yet."))
    assert "actions" not in card
    assert "Sources" not in card_texts(card)


def test_a_huge_answer_stays_under_the_teams_size_limit():
    long_quote = "HR 0.73 " * 120
    citations = [
        Citation(i, f"Article {i} " + "x" * 300, f"https://example.org/{i}", long_quote)
        for i in range(1, 61)
    ]
    card = answer_card(Answer("q", "answered", "figure [1]\n" * 40, citations))
    assert len(json.dumps(card, ensure_ascii=False)) <= MAX_CARD_CHARS
    assert "more sources" in shown_texts(card)
    assert len(quotes(card)) >= 5


def test_source_link_defuses_markdown_in_titles():
    assert source_link("A [b](http://evil) *c*", "https://ok.example/x") == (
        "[A (b)(http://evil) c](https://ok.example/x)"
    )
    assert source_link("", "notes.md") == "notes.md (notes.md)"
    assert source_link("Title", "") == "Title"


def test_every_result_has_a_card():
    summary = ArticleSummary("IMforte", URL, ["IMforte"], ["lurbinectedin"], 7, "2025-06-01")
    listed = result_card(ArticleList([summary]))
    assert "1 indexed articles" in shown_texts(listed) and "lurbinectedin" in shown_texts(listed)
    assert "No articles indexed yet" in shown_texts(result_card(ArticleList([])))

    helped = result_card(Help())
    assert {f["title"] for f in helped["body"][1]["facts"]} >= {"help", "list", "show TRIAL"}

    unknown = result_card(TrialFigures("NOPE", None, ["IMforte", "IDeate-Lung01"]))
    assert "NOPE" in shown_texts(unknown) and "IDeate-Lung01" in shown_texts(unknown)
    figures = result_card(TrialFigures("IMforte", _answer()))
    assert shown_texts(figures).startswith("**Key figures of IMforte**")

    result = IngestResult(URL, "added", "a1", "IMforte", 7)
    added = result_card(Added(result, ["IMforte"], ["atezolizumab"]))
    assert "Added: [IMforte]" in shown_texts(added) and "(7 chunks)" in shown_texts(added)


def test_errors_are_short_and_plain():
    assert "⚠️ you are not on the list" in shown_texts(error_card("you are not on the list"))
    assert "Sorry, something went wrong" in shown_texts(apology_card())
