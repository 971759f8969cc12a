from pathlib import Path

import pytest

from bot.errors import EmptyArticleError, UnreadableArticleError, UnsupportedArticleError
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
