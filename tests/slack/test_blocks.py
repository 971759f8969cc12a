"""The Block Kit formatter: limits hold for any answer."""

from __future__ import annotations

import json

from bot.answer.models import Answer, Citation
from bot.app.commands import SourceRef, TrialFigures
from bot.slack.blocks import (
    HIDE_SOURCES,
    MAX_BLOCKS,
    MAX_BUTTON_VALUE,
    MAX_CONTEXT_ELEMENTS,
    MAX_TEXT,
    SHOW_SOURCES,
    answer_message,
    decode_feedback,
    decode_rating,
    decode_refs,
    encode_feedback,
    encode_refs,
    escape,
    split_text,
    trial_message,
    with_quotes,
    without_quotes,
)


def _citation(n: int, **kw) -> Citation:
    base = dict(
        title="IMforte results", source="https://example.org/imforte", quote="HR = 0.73 for OS."
    )
    base.update(kw)
    return Citation(n, base["title"], base["source"], base["quote"], f"art{n}", 10 * n, 10 * n + 5)


def _check_limits(blocks: list[dict]) -> None:
    assert len(blocks) <= MAX_BLOCKS
    for b in blocks:
        if b["type"] == "section":
            assert len(b["text"]["text"]) <= MAX_TEXT
        if b["type"] == "context":
            assert len(b["elements"]) <= MAX_CONTEXT_ELEMENTS
            assert all(len(e["text"]) <= MAX_TEXT for e in b["elements"])
        if b["type"] == "actions":
            assert all(len(e["value"]) <= MAX_BUTTON_VALUE for e in b["elements"])
            assert all(len(e["text"]["text"]) <= 75 for e in b["elements"])
        if b["type"] == "context_actions":  # at most 5 elements; thumbs text and labels <= 75
            assert len(b["elements"]) <= 5
            for e in b["elements"]:
                for button in (e["positive_button"], e["negative_button"]):
                    assert len(button["value"]) <= MAX_BUTTON_VALUE
                    assert len(button["text"]["text"]) <= 75
                    assert len(button.get("accessibility_label", "")) <= 75


def test_a_normal_answer():
    answer = Answer("OS HR in IMforte?", "answered", "OS HR: HR = 0.73 [1]", [_citation(1)])
    message = answer_message(answer)
    kinds = [b["type"] for b in message.blocks]
    assert kinds == ["section", "context", "actions", "context_actions"]
    [thumbs] = message.blocks[3]["elements"]
    assert thumbs["type"] == "feedback_buttons"
    assert decode_feedback(thumbs["negative_button"]["value"]) == ("OS HR in IMforte?", "answered")
    assert decode_rating(thumbs["positive_button"]["value"]) == "helpful"
    assert decode_rating(thumbs["negative_button"]["value"]) == "not_helpful"
    assert message.blocks[0]["text"]["text"] == "OS HR: HR = 0.73 [1]"
    context = message.blocks[1]["elements"][0]["text"]
    assert context == "*[1]* <https://example.org/imforte|IMforte results>"
    assert message.text == "OS HR: HR = 0.73 [1]"


def test_a_huge_answer_holds_every_limit():
    citations = [
        _citation(n, title="T" * 5000, quote="12.5% " * 2000, source=f"https://e.org/{n}")
        for n in range(1, 501)
    ]
    answer = Answer("q" * 10_000, "answered", "The ORR was 12.5% [1]. " * 20_000, citations)
    message = answer_message(answer)
    _check_limits(message.blocks)
    assert len(message.text) <= 3000
    assert "more sources" in json.dumps(message.blocks)
    assert "cut: the answer is too long" in json.dumps(message.blocks)
    _check_limits(with_quotes(message.blocks, citations))


def test_not_found_says_so_and_lists_the_closest_sources():
    answer = Answer("ORR in IMforte?", "not_found", "Not found: no ORR.", [_citation(1)])
    message = answer_message(answer)
    assert message.blocks[0]["text"]["text"] == "Not found: no ORR."
    assert message.blocks[1]["elements"][0]["text"] == "Closest sources:"


def test_markup_in_answers_and_titles_is_shown_not_interpreted():
    answer = Answer(
        "q", "answered", "P < .0001 & <!channel> [1]", [_citation(1, title="A|B <b>", source="x")]
    )
    message = answer_message(answer)
    assert message.blocks[0]["text"]["text"] == "P &lt; .0001 &amp; &lt;!channel&gt; [1]"
    assert message.blocks[1]["elements"][0]["text"] == "*[1]* A¦B &lt;b&gt; (x)"
    assert escape("<@U1>") == "&lt;@U1&gt;"


def test_local_sources_show_their_file_name_only():
    answer = Answer("q", "answered", "x [1]", [_citation(1, source="/srv/articles/imforte.txt")])
    context = answer_message(answer).blocks[1]["elements"][0]["text"]
    assert context == "*[1]* IMforte results (imforte.txt)"


def test_split_text_cuts_at_line_ends_and_spaces():
    text = ("word " * 700 + "\n") * 3
    pieces = split_text(text, 3000)
    assert all(len(p) <= 3000 for p in pieces)
    assert " ".join(" ".join(pieces).split()) == " ".join(text.split())


def test_button_values_round_trip():
    refs = [SourceRef(n, f"article{n}", n * 100, n * 100 + 50) for n in range(1, 200)]
    value = encode_refs(refs)
    assert len(value) <= MAX_BUTTON_VALUE
    decoded = decode_refs(value)
    assert decoded == refs[: len(decoded)] and len(decoded) > 10
    assert decode_refs("not json") == []

    question = "é “quoted” " * 500
    value = encode_feedback(question, "answered")
    assert len(value) <= MAX_BUTTON_VALUE
    asked, status = decode_feedback(value)
    assert question.startswith(asked.rstrip("…")) and status == "answered"


def test_quotes_shown_and_hidden_again():
    answer = Answer("q", "answered", "HR = 0.73 [1]", [_citation(1)])
    blocks = answer_message(answer).blocks
    shown = with_quotes(blocks, [_citation(1)])
    kinds = ["section", "context", "section", "actions", "context_actions"]
    assert [b["type"] for b in shown] == kinds
    assert shown[2]["text"]["text"].endswith(">HR = 0.73 for OS.")
    assert shown[3]["elements"][0]["action_id"] == HIDE_SOURCES
    assert with_quotes(shown, [_citation(1)]) == shown  # showing twice shows once
    hidden = without_quotes(shown)
    assert hidden == blocks and hidden[-2]["elements"][0]["action_id"] == SHOW_SOURCES


def test_an_unknown_trial_lists_the_known_ones():
    message = trial_message(TrialFigures("CASPIAN", None, ["IMforte"]), "/trials")
    assert "Indexed trials: IMforte" in message.text
