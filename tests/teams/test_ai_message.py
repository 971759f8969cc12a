"""The AI-generated message formatter: what Teams renders from an Answer (the AI label, one
citation pop-up per [n] marker with the title, link and quote, within Teams' limits)."""

from __future__ import annotations

import json

from bot.answer.models import Answer, Citation
from bot.teams.ai_message import (
    MAX_ABSTRACT,
    MAX_CLAIMS,
    MAX_MESSAGE_CHARS,
    MAX_NAME,
    abstract,
    answer_activity,
    markers,
)
from tests.teams.harness import ai_entity, claims, rendered_markers

URL = "https://www.onclive.com/view/imforte"
LONG = (
    "In the phase 3 IMforte trial, which enrolled patients with extensive-stage small cell lung "
    "cancer after induction, maintenance lurbinectedin plus atezolizumab improved outcomes: "
    "median OS was 13.2 months vs 10.6 months (HR, 0.73; 95% CI, 0.57-0.95; P = .0174) with "
    "atezolizumab alone, and the benefit held across the prespecified subgroups of the study."
)


def _answer() -> Answer:
    citations = [
        Citation(1, "IMforte: lurbinectedin maintenance " + "x" * 100, URL, LONG),
        Citation(2, "I-DXd in ES-SCLC", "/data/articles/000_ideate.txt", "ORR was 48.2%."),
        Citation(3, "Unused", "https://example.org/3", "not cited"),
    ]
    return Answer("OS HR in IMforte?", "answered", "HR 0.73 [1]\nORR 48.2% [2]", citations)


def test_the_answer_is_labelled_ai_generated_with_a_claim_per_marker():
    activity = answer_activity(_answer())
    entity = ai_entity(activity)
    assert entity["@type"] == "Message" and entity["@context"] == "https://schema.org"
    assert entity["additionalType"] == ["AIGeneratedContent"]
    assert activity["channelData"] == {"feedbackLoopEnabled": True}
    cited = claims(activity)
    assert sorted(cited) == rendered_markers(activity["text"]) == [1, 2]  # [3] is not cited
    assert all(c["@type"] == "Claim" for c in entity["citation"])
    one, two = cited[1], cited[2]
    assert one["@type"] == "DigitalDocument" and one["url"] == URL
    assert len(one["name"]) <= MAX_NAME and one["name"].startswith("IMforte")
    # the quote is cut around the figure the answer gives, within Teams' 160 characters
    assert len(one["abstract"]) <= MAX_ABSTRACT and "0.73" in one["abstract"]
    assert one["abstract"].startswith("…") and one["abstract"].endswith("…")
    assert one["abstract"].strip("…") in " ".join(LONG.split())
    # the whole quote stays in the pop-up's detail card, as typed
    detail = json.loads(one["text"])
    assert one["encodingFormat"] == "application/vnd.microsoft.card.adaptive"
    assert detail["body"][0]["inlines"][0]["text"] == LONG
    assert two["abstract"] == "ORR was 48.2%." and "url" not in two
    assert two["keywords"] == ["000_ideate.txt"]


def test_not_found_names_its_closest_sources_as_markers():
    answer = Answer("q", "not_found", "Not found: no article answers this.", _answer().citations)
    activity = answer_activity(answer)
    assert activity["text"].endswith("Closest sources: [1] [2] [3]")
    assert sorted(claims(activity)) == [1, 2, 3]


def test_a_fact_sheet_keeps_its_table_and_cites_every_source():
    rows = "HR | overall | 0.73 [1]\nORR | I-DXd | 48.2% [2]"
    answer = Answer("show IMforte", "answered", rows, _answer().citations[:2], engine="facts")
    activity = answer_activity(answer, "Key figures of IMforte")
    assert activity["text"] == "**Key figures of IMforte**, from [1] [2]"
    [attachment] = activity["attachments"]
    assert attachment["content"]["body"][0]["type"] == "Table"
    assert sorted(claims(activity)) == [1, 2]
    assert "0.73" in claims(activity)[1]["abstract"]


def test_a_huge_answer_stays_within_teams_limits():
    citations = [Citation(i, "T" * 300, f"https://e.org/{i}", LONG * 5) for i in range(1, 41)]
    text = "\n".join(f"HR 0.73 [{i}]" for i in range(1, 41))
    activity = answer_activity(Answer("q", "answered", text, citations))
    assert len(json.dumps(activity, ensure_ascii=False)) <= MAX_MESSAGE_CHARS
    cited = claims(activity)
    assert len(cited) == MAX_CLAIMS
    assert all(
        len(c["abstract"]) <= MAX_ABSTRACT and "0.73" in c["abstract"] for c in cited.values()
    )


def test_markers_and_abstracts():
    assert markers("a [2] b [1] c [2]") == [2, 1]
    assert abstract("short quote", ["1"]) == "short quote"
    cut = abstract("word " * 100 + "HR 0.73 here " + "tail " * 100, ["0.73"])
    assert "0.73" in cut and len(cut) <= MAX_ABSTRACT
