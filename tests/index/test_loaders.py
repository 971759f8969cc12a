from pathlib import Path

import pytest

from bot.infra.errors import EmptyArticleError, UnreadableArticleError, UnsupportedArticleError
from index.loaders import load_file
from tests.conftest import make_services

HTML = """<html><head><title>Site | Trial news</title><script>var x = "ORR 99.9%";</script></head>
<body><nav><a href="/">Home</a> <a href="/onc">Oncology</a></nav>
<article><h1>Drug X doubles PFS</h1><p>Median PFS was 5.4 months with drug X.</p>
<p>The ORR was 30.1% (95% CI, 20.0%-40.0%).</p></article>
<aside>Related: another story</aside><footer>Copyright 2025 Example</footer></body></html>"""


def test_html_keeps_the_article_and_drops_menus_scripts_and_footers(tmp_path: Path):
    page = tmp_path / "story.html"
    page.write_text(HTML)
    article = load_file(page)
    assert article.title == "Drug X doubles PFS"
    assert "Median PFS was 5.4 months with drug X." in article.text
    assert "30.1%" in article.text
    for boilerplate in ("99.9%", "Home", "Related", "Copyright"):
        assert boilerplate not in article.text


def test_text_title_is_the_first_line(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text("\n\nHeadline Here\nBody text with several words in it.\n")
    assert load_file(f).title == "Headline Here"


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 50, UnreadableArticleError),
        ("empty.txt", b"   \n\n ", EmptyArticleError),
        ("image.png", b"\x89PNG....", UnsupportedArticleError),
        ("broken.pdf", b"%PDF-1.4 not really a pdf", UnreadableArticleError),
    ],
)
def test_bad_files_raise_a_clear_error(tmp_path: Path, name, content, error):
    f = tmp_path / name
    f.write_bytes(content)
    with pytest.raises(error) as info:
        load_file(f)
    assert info.value.source == str(f) and info.value.reason


def test_missing_file(tmp_path: Path):
    with pytest.raises(UnreadableArticleError, match="no such file"):
        load_file(tmp_path / "nope.txt")


def _pdf_string(text: str) -> bytes:
    """A PDF literal string: backslash and parentheses escaped."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("latin-1") + b")"


def write_text_pdf(path: Path, title: str, lines: list[str]) -> None:
    """Write a real one-page PDF (Helvetica text, /Info title, exact xref offsets) by hand,
    so the test needs no PDF-writing dependency."""
    content = b"BT /F1 11 Tf 14 TL 72 720 Td\n"
    content += b"".join(_pdf_string(line) + b" Tj T*\n" for line in lines) + b"ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%b\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Title " + _pdf_string(title) + b" >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%b\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (len(objects) + 1, len(objects))
    pdf += b"startxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(pdf))


PDF_TITLE = "Drug X shrinks tumors in ALPHA-1"
# The figure sentence wraps across two layout lines, as sentences in PDFs do.
PDF_LINES = [
    "Drug X shrinks tumors in the ALPHA-1 trial.",
    "Investigators reported results from the phase 2 ALPHA-1 study of drug X in 120",
    "patients. The confirmed ORR was 30.1% (95% CI, 20.0%-40.0%) with drug X at 8 mg/kg in",
    "the second-line setting. Median PFS was 5.4 months.",
]
PDF_SENTENCE = (
    "The confirmed ORR was 30.1% (95% CI, 20.0%-40.0%) with drug X at 8 mg/kg in the "
    "second-line setting."
)


def test_pdf_text_comes_back_verbatim_with_its_title(tmp_path: Path):
    from pypdf import PdfReader

    pdf = tmp_path / "alpha1.pdf"
    write_text_pdf(pdf, PDF_TITLE, PDF_LINES)
    assert len(PdfReader(pdf, strict=True).pages) == 1  # a valid PDF, not one pypdf repairs
    article = load_file(pdf)
    assert article.title == PDF_TITLE
    assert PDF_SENTENCE in article.text  # wrapped layout lines joined back into the sentence
    assert "Median PFS was 5.4 months." in article.text


@pytest.mark.parametrize(
    ("lines", "heading", "sentence"),
    [
        # a myeloma journal summary: a section heading on its own line stays one, apart from
        # the sentence after it
        (
            [
                "Bortezomib can up-regulate NOXA, which neutralises MCL-1.",
                "Biomarker subgroups",
                "The 35 patients with t(11;14) (20 venetoclax, 15 placebo) had the most",
                "striking benefit: median PFS was not reached versus 9.3 months.",
            ],
            "Biomarker subgroups",
            "The 35 patients with t(11;14) (20 venetoclax, 15 placebo) had the most striking",
        ),
        # a head and neck cancer summary: the same
        (
            [
                "Randomisation was stratified by smoking history.",
                "Efficacy",
                "Two-year PFS was 90.5% with 60 Gy plus cisplatin and 88.6% with",
                "70 Gy plus cisplatin.",
            ],
            "Efficacy",
            "Two-year PFS was 90.5% with 60 Gy plus cisplatin and 88.6% with 70 Gy",
        ),
    ],
)
def test_a_pdf_section_heading_stays_a_line_of_its_own(tmp_path: Path, lines, heading, sentence):
    pdf = tmp_path / "summary.pdf"
    write_text_pdf(pdf, "Trial summary", lines)
    text = load_file(pdf).text
    assert f"\n{heading}\n{sentence}" in text, text
    # a wrapped line ending without a full stop is still joined to the next (a guard)
    assert sentence in text


@pytest.mark.parametrize(
    ("lines", "caption", "after"),
    [
        # a lung cancer summary: a table's caption, then a heading and its paragraph
        (
            [
                "Table 1. Key outcomes by dose (NE, not estimable; CIs are 95%)",
                "Subgroup: brain metastases",
                "In this subgroup, systemic ORR was 46.9% at 5.4 mg/kg.",
            ],
            "Table 1. Key outcomes by dose (NE, not estimable; CIs are 95%)",
            "Subgroup: brain metastases",
        ),
        # a breast cancer summary: a caption without brackets, then the next paragraph
        (
            [
                "Table 2. Selected adverse events, safety population",
                "The most common adverse events were nausea and fatigue.",
            ],
            "Table 2. Selected adverse events, safety population",
            "The most common adverse events were nausea and fatigue.",
        ),
    ],
)
def test_a_pdf_tables_caption_is_no_sentence_of_the_paragraph_after_it(
    tmp_path: Path, lines, caption, after
):
    pdf = tmp_path / "summary.pdf"
    write_text_pdf(pdf, "Trial summary", lines)
    text = load_file(pdf).text
    assert f"{caption}\n" in text and f"{caption} {after}" not in text, text


@pytest.mark.slow
def test_a_pdf_is_ingested_and_answered_from(tmp_path: Path, embedder):
    articles = tmp_path / "articles"
    articles.mkdir()
    write_text_pdf(articles / "alpha1.pdf", PDF_TITLE, PDF_LINES)
    services = make_services(tmp_path / "idx", embedder)
    with services.ingestor() as ingestor:
        [result] = ingestor.ingest_paths([articles])  # found in a folder by its suffix
    assert (result.status, result.title) == ("added", PDF_TITLE)
    assert any(PDF_SENTENCE in c.text for c in services.store.chunks())
    answer = services.answerer.ask("What was the confirmed ORR with drug X in ALPHA-1?")
    assert answer.status == "answered" and "30.1%" in answer.text.split("\n")[0]
    assert any(PDF_SENTENCE in c.quote for c in answer.citations)


# a saved news page with its furniture: a teaser box carries another trial's figures
NEWS_PAGE = """<html><head><title>Hematology Digest | Analysis</title>
<script>window.ads = {slot: "top"};</script></head><body>
<header><nav><a href="/">Home</a> <a href="/heme">Hematology</a>
<a href="/onc">Oncology</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. Accept all</div>
<div class="story">
<h1>Venetoclax plus azacitidine extends survival in older patients with AML</h1>
<p class="byline">By A. Writer, Staff Reporter</p>
<p>Median overall survival was 14.7 months with venetoclax plus azacitidine versus 9.6 months
with azacitidine alone, according to the phase 3 results presented at the meeting.</p>
<p>Composite complete remission was reached by 66.4% of patients in the combination arm and by
28.3% in the control arm, investigators reported.</p>
<p>Grade 3 or higher febrile neutropenia occurred in 30% and 10% of patients, respectively.</p>
<table><thead><tr><th>Endpoint</th><th>Ven + aza</th><th>Aza</th></tr></thead>
<tbody><tr><td>Median OS, months</td><td>14.7</td><td>9.6</td></tr></tbody></table>
</div>
<aside class="related"><h3>Most read</h3><ul>
<li><a href="/a">Cilta-cel cuts the risk of progression by 74% in myeloma</a></li>
<li><a href="/b">Zanubrutinib reaches an ORR of 83.5% in CLL</a></li></ul></aside>
<div class="newsletter">Sign up for our newsletter</div>
<footer>Copyright 2026 Hematology Digest</footer></body></html>"""


def test_a_news_page_keeps_its_story_and_table_and_drops_teasers_and_menus(tmp_path: Path):
    page = tmp_path / "aml.html"
    page.write_text(NEWS_PAGE)
    article = load_file(page)
    assert article.title.startswith("Venetoclax plus azacitidine extends survival")
    assert "66.4%" in article.text and "28.3%" in article.text
    assert "Median OS, months | Ven + aza: 14.7 | Aza: 9.6" in article.text
    for furniture in ("74%", "83.5%", "cookies", "newsletter", "Copyright", "Oncology"):
        assert furniture not in article.text, furniture


def test_a_press_release_title_is_its_headline_not_its_label(tmp_path: Path):
    release = tmp_path / "release.txt"
    release.write_text(
        "PRESS RELEASE\nFOR IMMEDIATE RELEASE\n\n"
        "Adjuvant Abemaciclib Sustains Invasive Disease-Free Survival Benefit at Five Years\n\n"
        "INDIANAPOLIS, Dec. 8 -- The company announced results today in early breast cancer.\n"
    )
    assert load_file(release).title.startswith("Adjuvant Abemaciclib Sustains")
    report = tmp_path / "report.md"
    report.write_text(
        "Oncology Digest | Analysis\n\n# Nivolumab Plus Chemotherapy Holds Its Survival Edge in "
        "Gastric Cancer\n\nThe three-year data were presented at the meeting in January.\n"
    )
    assert load_file(report).title.startswith("Nivolumab Plus Chemotherapy Holds")


def write_pdf_bomb(path: Path, inflated: int = 80_000_000) -> None:
    """About 80 KB of PDF whose document info sits in an object stream that inflates to
    ``inflated`` bytes: past pypdf's decompression limit (75 MB)."""
    import struct
    import zlib

    packed = zlib.compress(b"5 0 << /Title (t) >>" + b" " * inflated, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
        b"",  # 3: the cross-reference stream, written last
        b"<< /Type /ObjStm /N 1 /First 4 /Length %d /Filter /FlateDecode >>\nstream\n%b\n"
        b"endstream" % (len(packed), packed),
    ]
    pdf = bytearray(b"%PDF-1.5\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        if body:
            pdf += b"%d 0 obj\n%b\nendobj\n" % (number, body)
    offsets[2] = len(pdf)
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    rows += [struct.pack(">BIH", 1, offset, 0) for offset in offsets]
    rows.append(struct.pack(">BIH", 2, 4, 0))  # object 5, the info, is packed in object 4
    xref = b"".join(rows)
    pdf += b"3 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Info 5 0 R /Length %d >>\n" % (
        len(xref)
    )
    pdf += b"stream\n" + xref + b"\nendstream\nendobj\n"
    pdf += b"startxref\n%d\n%%%%EOF\n" % offsets[2]
    path.write_bytes(bytes(pdf))


def test_a_pdf_past_the_decompression_limit_is_an_article_error(tmp_path: Path):
    bomb = tmp_path / "bomb.pdf"
    write_pdf_bomb(bomb)
    with pytest.raises(UnreadableArticleError, match="decompression limit") as info:
        load_file(bomb)
    assert info.value.source == str(bomb)


UTF16_ARTICLE = (
    "Drug Y extends survival in the BETA-3 trial\n"
    "In the phase 3 BETA-3 trial, median overall survival was 21.4 months with drug Y "
    "versus 16.2 months with placebo (HR 0.71; 95% CI, 0.60-0.84) in 640 patients — a "
    "result investigators called “practice changing”.\n"
)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_text_with_a_byte_order_mark_is_decoded(tmp_path: Path, encoding):
    f = tmp_path / "beta3.txt"
    data = UTF16_ARTICLE.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data  # the -be codec writes no mark of its own
    f.write_bytes(data)
    article = load_file(f)
    assert article.title == "Drug Y extends survival in the BETA-3 trial"
    assert "21.4 months" in article.text and "“practice changing”" in article.text


def test_text_behind_a_byte_order_mark_that_does_not_decode_is_a_clear_error(tmp_path: Path):
    f = tmp_path / "odd.txt"
    f.write_bytes(b"\xff\xfeA\x00B")  # an odd byte count after a UTF-16 mark
    with pytest.raises(UnreadableArticleError, match="UTF-16 byte-order mark but is not UTF-16"):
        load_file(f)


@pytest.mark.slow
def test_a_utf16_article_is_ingested_and_answered_from(tmp_path: Path, embedder):
    f = tmp_path / "beta3.txt"
    f.write_bytes(UTF16_ARTICLE.encode("utf-16"))
    services = make_services(tmp_path / "idx", embedder)
    with services.ingestor() as ingestor:
        [result] = ingestor.ingest_paths([f])
    assert result.status == "added", result.error
    answer = services.answerer.ask("What was the median overall survival with drug Y in BETA-3?")
    assert answer.status == "answered" and "21.4 months" in answer.text.split("\n")[0]


def test_a_file_without_an_extension_is_reported_as_such(tmp_path: Path):
    f = tmp_path / "README"
    f.write_text("Some trial news with a few words in it.")
    with pytest.raises(UnsupportedArticleError) as info:
        load_file(f)
    assert "'none'" not in info.value.reason
    assert info.value.reason.startswith("no file extension")


def test_a_folder_names_the_files_it_skips(tmp_path: Path):
    from index.loaders import find_article_files

    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("news")
    (tmp_path / "news" / "notes.docx").write_bytes(b"PK")
    (tmp_path / "news" / "LICENSE").write_text("text")
    (tmp_path / "news" / ".DS_Store").write_bytes(b"\x00")  # hidden: left out silently
    skipped: list[tuple[Path, str]] = []
    found = find_article_files([tmp_path / "news"], skipped)
    assert [p.name for p in found] == ["a.txt"]
    reasons = {p.name: reason for p, reason in skipped}
    assert set(reasons) == {"notes.docx", "LICENSE"}
    assert reasons["notes.docx"].startswith("unsupported file type '.docx'")
    assert reasons["LICENSE"].startswith("no file extension")


def test_markdown_entity_references_are_read_as_characters():
    from index.loaders import load_bytes

    # a leukaemia and a lung cancer report written with HTML entities in Markdown
    text = (
        b"# Report\n\nBy week 12, 41.3% had BCR::ABL1 &le;1% and PD-L1 &ge;50% tumours "
        b"responded in 45% &mdash; as expected.\n"
    )
    loaded = load_bytes(text, "r.md", ".md")
    assert "≤1%" in loaded.text and "≥50%" in loaded.text and "&le;" not in loaded.text


def test_markdown_emphasis_is_taken_off_the_words_it_wraps():
    from index.loaders import load_bytes

    # a breast cancer and a myeloma report with emphasis inside sentences and a bold heading
    text = (
        b"# Report\n\n**Efficacy**\n\nIn the *ESR1*-mutated subgroup, median PFS was 3.8 "
        b"months. **D-Rd** reduced the risk of death by 32% (_P_ = .0013).\n"
    )
    loaded = load_bytes(text, "r.md", ".md")
    assert "the ESR1-mutated subgroup" in loaded.text
    assert "D-Rd reduced" in loaded.text and "(P = .0013)" in loaded.text
    assert "**Efficacy**" in loaded.text  # a whole bold line is a heading, kept as one


@pytest.mark.parametrize(
    ("prose", "rows", "caption"),
    [
        # pancreatic cancer: a PDF page whose table's rows pdfplumber reads apart; they follow
        # their caption, not the "Subgroups" heading after it
        (
            "Median OS was 23.0 vs 23.6 months.\nTable 1. Main efficacy results by arm.\n"
            "Subgroups and secondary analyses\nThe effect was consistent across subgroups.",
            ["", "| | FU/FA | Gemcitabine |", "| OS at 24 months | 48.1% | 49.1% |", ""],
            "Table 1. Main efficacy results by arm.",
        ),
        # myeloma: the same, two tables on the page, the second without a caption
        (
            "Table 2: Response by arm\nSafety\nInfections were common.",
            [
                "",
                "| | Ven | Placebo |",
                "| ORR | 82% | 68% |",
                "",
                "",
                "| | A | B |",
                "| x | 1 | 2 |",
                "",
            ],
            "Table 2: Response by arm",
        ),
    ],
)
def test_a_pdf_tables_rows_follow_their_caption(prose, rows, caption):
    from index.loaders import _with_tables

    lines = _with_tables(prose, rows)
    at = lines.index(caption)
    assert lines[at + 2] == rows[1] and lines[at + 3] == rows[2], lines
    if rows.count("") > 2:  # a second table, without a caption, stays at the page's end
        assert [line for line in lines if line][-1] == [row for row in rows if row][-1]
