"""Sentences handed to the answer engines, each with the heading of its section."""

from bot.answer.passages import section_headings, sentences_of
from index.search import Hit
from index.store import ArticleRecord, ChunkRecord


def _sections(text: str) -> dict[str, str]:
    article = ArticleRecord("a1", "Report", "report.md", "2026-01-01", 1, {})
    chunk = ChunkRecord("a1:0", "a1", 0, 0, len(text), text)
    headings = section_headings([chunk])
    return {s.text: s.section for s in sentences_of([Hit(chunk, article, 1.0)], lambda _: headings)}


def test_a_tables_caption_heads_its_rows_not_the_prose_after_it():
    # ovarian cancer: the safety paragraph after a table of PFS by population
    ovarian = (
        "## Safety\n\n"
        "Table 1. PFS by population\n"
        "HR-deficient | Niraparib: 21.9 | Placebo: 10.4\n\n"
        "Adverse events of grade 3 or higher occurred in 70.5% of niraparib recipients.\n"
    )
    sections = _sections(ovarian)
    row = next(t for t in sections if t.startswith("HR-deficient"))
    assert sections[row].startswith("Table 1.")
    prose = next(t for t in sections if t.startswith("Adverse events"))
    assert sections[prose] == "Safety"
    # lung cancer: the same with a caption first in the article
    lung = (
        "Table 2: Intracranial response\n"
        "Measurable lesions | Osimertinib: 77% | Placebo: 26%\n\n"
        "The most common adverse event was rash, in 44% of patients.\n"
    )
    sections = _sections(lung)
    prose = next(t for t in sections if t.startswith("The most common"))
    assert sections[prose] == ""


def _outlines(text: str) -> dict[str, tuple[str, ...]]:
    article = ArticleRecord("a1", "Report", "report.md", "2026-01-01", 1, {})
    chunk = ChunkRecord("a1:0", "a1", 0, 0, len(text), text)
    headings = section_headings([chunk])
    return {s.text: s.outline for s in sentences_of([Hit(chunk, article, 1.0)], lambda _: headings)}


def test_a_subsection_carries_the_headings_of_the_larger_sections_around_it():
    # a prostate cancer round-up: each trial's section has its own "Results"
    prostate = (
        "# Two trials of enzalutamide\n\n"
        "## ENZAMET: enzalutamide vs a conventional antiandrogen\n\n"
        "### Results\n\n"
        "The HR for death was 0.70.\n\n"
        "## ARCHES: enzalutamide vs placebo\n\n"
        "### Results\n\n"
        "The HR for death was 0.66.\n"
    )
    outlines = _outlines(prostate)
    assert outlines["The HR for death was 0.70."] == (
        "ENZAMET: enzalutamide vs a conventional antiandrogen",
    )
    assert outlines["The HR for death was 0.66."] == ("ARCHES: enzalutamide vs placebo",)
    # a lymphoma report: a section under the title alone has no larger section (the title is
    # about the whole article)
    lymphoma = "# Polatuzumab in DLBCL\n\n## Efficacy\n\nThe 2-year PFS was 76.7%.\n"
    assert _outlines(lymphoma)["The 2-year PFS was 76.7%."] == ()


def test_a_list_items_lead_in_is_the_sentence_before_the_list_ending_in_a_colon():
    from bot.answer.passages import list_lead_in

    # liver cancer press release: the items of a list of grade 3/4 events
    text = (
        "Safety was as expected. The most common grade 3/4 events were:\n"
        "- Hand-foot skin reaction: 28% vs 1%\n- Diarrhoea: 6% vs 1%\n\nOverall, 24% stopped."
    )
    assert list_lead_in(text, text.index("- Diarrhoea")) == "The most common grade 3/4 events were"
    assert list_lead_in(text, text.index("Overall")) == ""  # prose after the list
    # myeloma: a numbered list; a line before it that is no lead-in gives none
    numbered = "Arms compared:\n1. Thrombocytopenia: 67% vs 31%\n"
    assert list_lead_in(numbered, numbered.index("1.")) == "Arms compared"
    plain = "Results were mixed.\n- ORR: 45% vs 30%\n"
    assert list_lead_in(plain, plain.index("- ORR")) == ""
