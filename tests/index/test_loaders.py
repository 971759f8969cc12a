from pathlib import Path

import pytest

from bot.errors import EmptyArticleError, UnreadableArticleError, UnsupportedArticleError
from index.loaders import load_file

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
