"""Fact sheets and comparisons on the seed articles; a later article with another value for the
same trial, arm and endpoint is flagged, not merged."""

import pytest

from bot.answer.grounding import ungrounded_numbers
from bot.app.factsheet import compare, fact_sheet
from bot.format.text import render_comparison, render_fact_sheet
from tests.conftest import make_services, seed_files


@pytest.fixture(scope="module")
def services(tmp_path_factory, embedder):
    services = make_services(tmp_path_factory.mktemp("facts"), embedder)
    with services.ingestor() as ing:
        ing.ingest_paths(seed_files())
    return services


def test_show_a_trial_with_cited_key_figures(services):
    sheet = fact_sheet(services.searcher.snapshot(), services.vocabulary, "imforte")
    assert sheet is not None and sheet.trial == "IMforte"
    by_value = {(r.endpoint, r.value): r for r in sheet.rows}
    assert {("PFS", "5.4 months"), ("PFS", "2.1 months"), ("HR", "0.54")} <= set(by_value)
    for row in sheet.rows:
        assert row.value in sheet.citations[row.n - 1].quote
    text = render_fact_sheet(sheet)
    assert "phase" in text.casefold() and "5.4 months" in text


def test_compare_orr_across_subgroups(services):
    comparison = compare(
        services.searcher.snapshot(), services.vocabulary, "objective response rate"
    )
    values = {r.value for r in comparison.rows}
    assert {"48.2%", "56.3%", "45.7%"} <= values
    assert "not a head-to-head comparison" in render_comparison(comparison)


def test_unknown_trial_is_none(services):
    assert fact_sheet(services.searcher.snapshot(), services.vocabulary, "NOPE-1") is None


def test_a_second_source_with_another_value_is_flagged(tmp_path, embedder):
    services = make_services(tmp_path / "index", embedder)
    update = tmp_path / "update.txt"
    # written for this test: an updated analysis of the same trial and arm, another median OS
    update.write_text(
        "IMforte update at 24 months shows longer survival\n\n"
        "In an updated analysis of the phase 3 IMforte trial, median overall survival was "
        "14.1 months with the combination therapy.\n"
    )
    with services.ingestor() as ing:
        ing.ingest_paths([*seed_files(), update])
    sheet = fact_sheet(services.searcher.snapshot(), services.vocabulary, "IMforte")
    os_rows = {r.value: r for r in sheet.rows if r.endpoint == "OS" and "combination" in r.arm}
    assert os_rows["14.1 months"].conflict and os_rows["13.2 months"].conflict
    assert not any(r.conflict for r in sheet.rows if r.endpoint == "PFS")
    assert "another source reports a different value" in render_fact_sheet(sheet)

    # an answer about that figure says that another source disagrees, and cites both
    answer = services.answerer.ask("Median OS with the combination therapy in IMforte?")
    assert answer.status == "answered"
    assert "another source reports" in answer.text
    # the other source's title is in its citation, not in the note: a title's numbers (the 24
    # of this update's) are no figures of its quotes
    noted = answer.citations[-1]
    assert noted.title not in answer.text and noted.title[:40] not in answer.text
    assert ungrounded_numbers(answer.text, answer.citations) == []
    quotes = " ".join(c.quote for c in answer.citations)
    assert "13.2 months" in quotes and "14.1 months" in quotes
