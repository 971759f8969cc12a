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
