"""Reading article files and pages into plain text: .txt, .md, .html/.htm and .pdf."""

from __future__ import annotations

import codecs
import html
import io
import re
from dataclasses import dataclass
from pathlib import Path

from index.errors import EmptyArticleError, UnreadableArticleError, UnsupportedArticleError
from index.tables import TABLE_CAPTION, align_text_tables, leader_tables, linearize_tables
from index.text import normalize_text

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")
_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class LoadedArticle:
    """An article's normalized text, its title and where it came from."""

    text: str
    title: str
    source: str


def find_article_files(
    paths: list[Path], skipped: list[tuple[Path, str]] | None = None
) -> list[Path]:
    """The files to ingest: given files as they are, folders searched for supported files.

    The files of a folder that are not read (unsupported type, no extension) go into
    ``skipped`` with the reason, when it is given; hidden files and folders are left out."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if not p.is_file() or any(
                    part.startswith(".") for part in p.relative_to(path).parts
                ):
                    continue
                reason = unsupported_reason(p)
                if not reason:
                    found.append(p)
                elif skipped is not None:
                    skipped.append((p, reason))
        else:
            found.append(path)
    return found


def unsupported_reason(path: Path) -> str:
    """Why trialbot does not read this file by its name, or "" when it does."""
    suffix = path.suffix.lower()
    if suffix in SUPPORTED_SUFFIXES:
        return ""
    kinds = ", ".join(SUPPORTED_SUFFIXES)
    if not suffix:
        return f"no file extension: name it with the type of its content ({kinds})"
    return f"unsupported file type '{suffix}' (use {kinds})"


def load_file(path: Path) -> LoadedArticle:
    """Load one article file; raises an ArticleError subclass with a clear reason."""
    source = str(path)
    suffix = path.suffix.lower()
    if reason := unsupported_reason(path):
        raise UnsupportedArticleError(source, reason)
    try:
        if path.stat().st_size > _MAX_BYTES:
            raise UnreadableArticleError(source, "file is larger than 20 MiB")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UnreadableArticleError(source, "no such file") from exc
    except IsADirectoryError as exc:
        raise UnreadableArticleError(source, "is a directory") from exc
    except OSError as exc:
        raise UnreadableArticleError(source, f"cannot be read ({exc.strerror or exc})") from exc
    return load_bytes(data, source, suffix)


def load_bytes(data: bytes, source: str, suffix: str) -> LoadedArticle:
    """Turn raw bytes of the given type into an article."""
    if suffix == ".pdf":
        text, title = _pdf_text(data, source)
    else:
        raw = _decode(data, source)
        if suffix in (".html", ".htm"):
            text, title = html_main_text(raw)
        else:
            if suffix in (".md", ".markdown"):
                raw = html.unescape(raw)  # Markdown's entity references: "&le;0.1%" is "≤0.1%"
                raw = strip_emphasis(raw)  # "*ESR1*-mutated" reads as "ESR1-mutated"
            text, title = raw, markdown_title(raw) if suffix in (".md", ".markdown") else ""
            text = leader_tables(align_text_tables(text))
    text = normalize_text(linearize_tables(text))
    if len(re.findall(r"[A-Za-z]{2,}", text)) < 5:
        raise EmptyArticleError(source, "no article text found")
    return LoadedArticle(text=text, title=title or headline(text), source=source)


# byte-order marks and their encodings; UTF-32's before UTF-16's, whose marks they start with
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _decode(data: bytes, source: str) -> str:
    """Text by its byte-order mark (UTF-16, UTF-32), else UTF-8, else Windows-1252."""
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(bom_encoding)
            except UnicodeDecodeError as exc:
                name = bom_encoding.upper().removesuffix("-LE").removesuffix("-BE")
                raise UnreadableArticleError(
                    source, f"text starts with a {name} byte-order mark but is not {name}"
                ) from exc
    if b"\x00" in data[:8192]:
        raise UnreadableArticleError(source, "looks like a binary file, not text")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableArticleError(source, "text is neither UTF-8 nor Windows-1252")


# Lines above a headline that are not it: labels, datelines, bylines, sharing links
_NOT_HEADLINE = re.compile(
    r"^(?:press release|news release|for immediate release|media release|breaking|update|"
    r"share|print|e-?mail|home|menu|advertisement|by\s|posted\s|published\s|updated\s|"
    r"\w+\s+\d{1,2},\s+\d{4}$|\d{1,2}\s+\w+\s+\d{4}$)",
    re.I,
)


# "CHICAGO, June 5, 2023 /Wire Service/ --": where and when a release was issued
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]+,\s+(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+)"
)


def headline(text: str) -> str:
    """The article's headline: the first of the opening lines that is not a label such as
    "PRESS RELEASE", a section label "Site | Section", a dateline or a byline; else the first
    line."""
    lines = [ln.strip().lstrip("#").strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    for line in lines[:8]:
        if (
            not _NOT_HEADLINE.match(line)
            and not _DATELINE.match(line)
            and "|" not in line
            and not line.isupper()
            and len(re.findall(r"[A-Za-z]{2,}", line)) >= 2
        ):
            return _clip_title(line)
    return _clip_title(lines[0]) if lines else ""


_EMPHASIS = re.compile(r"(?<![\w*\\])(\*{1,3}|_{1,3})(?=[^\s*_])(.+?)(?<=[^\s*_\\])\1(?![\w*])")


def strip_emphasis(text: str) -> str:
    """Markdown's emphasis marks taken off the words they wrap: "**ORR**", "*ESR1*", "_n_"
    (a bullet's "* " and a lone footnote "*" stay, and so does a whole bold line, which is a
    heading)."""
    return "\n".join(
        line if BOLD_LINE.match(line.strip()) else _EMPHASIS.sub(r"\2", line)
        for line in text.split("\n")
    )


# a whole line in bold: a heading (its words in the group)
BOLD_LINE = re.compile(r"^\*\*([^*]+?)\*\*$")


def markdown_title(text: str) -> str:
    """The first level-one heading of a markdown article, if it reads as a headline."""
    for line in text.split("\n"):
        m = re.match(r"^#\s+(.+)$", line.strip())
        if m and len(m.group(1).split()) >= 4 and not _NOT_HEADLINE.match(m.group(1)):
            return _clip_title(m.group(1).strip())
    return ""


def _clip_title(line: str) -> str:
    return line if len(line) <= 200 else line[:197].rsplit(" ", 1)[0] + "..."


_BOILERPLATE_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "template",
)


def html_main_text(html: str) -> tuple[str, str]:
    """The main text of an HTML page and its headline.

    trafilatura finds the story and leaves the page's furniture out (menus, banners, "related"
    and "most read" teasers, bios); its tables come as pipe rows. A page it finds no story in
    falls back to the <article> or <main> element, else the body."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, include_tables=True, include_comments=False, with_metadata=True
        )
    except Exception:
        doc = None
    text = getattr(doc, "text", None) if doc is not None else None
    if text and len(re.findall(r"[A-Za-z]{2,}", text)) >= 20:
        title = str(getattr(doc, "title", "") or "")
        _, fallback_title = _html_blocks(html)
        return text, _page_headline(title, fallback_title)
    return _html_blocks(html)


def _page_headline(meta_title: str, h1: str) -> str:
    """The story's <h1>, else the page title without its site or section part."""
    if h1 and len(h1.split()) >= 3:
        return h1
    parts = [p.strip() for p in re.split(r"\s[|\u2013\u2014-]\s", meta_title) if p.strip()]
    return max(parts, key=len) if parts else h1


def _html_blocks(html: str) -> tuple[str, str]:
    """The text blocks of the <article> or <main>, else the body, and the <h1> or <title>."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    h1 = soup.find("h1")
    title_tag = soup.find("title")
    title = (h1.get_text(" ", strip=True) if h1 else "") or (
        title_tag.get_text(" ", strip=True) if title_tag else ""
    )
    for tag in soup(list(_BOILERPLATE_TAGS)):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    blocks = []
    for el in root.find_all(["h1", "h2", "h3", "h4", "p", "li", "blockquote", "td", "th", "pre"]):
        if el.find(["p", "li", "blockquote"]):  # a container; its children come on their own
            continue
        text = el.get_text(" ", strip=True)
        if text:
            blocks.append(text)
    if not blocks:
        blocks = [root.get_text("\n", strip=True)]
    return "\n".join(blocks), title


def _pdf_text(data: bytes, source: str) -> tuple[str, str]:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        metadata = reader.metadata
        title = str(metadata.get("/Title") or "") if metadata is not None else ""
    except LimitReachedError as exc:
        raise UnreadableArticleError(
            source,
            "not read: a compressed part of the PDF expands past pypdf's decompression limit "
            f"({exc})",
        ) from exc
    except Exception as exc:  # pypdf raises many types on a malformed file
        reason = str(exc) or type(exc).__name__
        raise UnreadableArticleError(source, f"not a readable PDF ({reason})") from exc
    tables = _pdf_tables(data, len(pages))
    out = []
    for n, page_text in enumerate(pages):
        prose, rows = tables.get(n, (page_text, []))
        out.extend(_with_tables(_paragraphs(prose), rows))
    return "\n".join(out), title


def _with_tables(prose: str, rows: list[str]) -> list[str]:
    """A page's lines with its tables' rows right after their captions ("Table 1. Main
    efficacy results ..."), in order, so that a section heading between a caption and the end
    of the page does not head the rows; tables without a caption go at the page's end."""
    tables: list[list[str]] = [[]]
    for row in rows:  # (each table's rows between blank lines)
        if row:
            tables[-1].append(row)
        elif tables[-1]:
            tables.append([])
    tables = [table for table in tables if table]
    out: list[str] = []
    for line in prose.split("\n"):
        out.append(line)
        if tables and TABLE_CAPTION.match(line.strip()):
            out.extend(["", *tables.pop(0), ""])
    for table in tables:
        out.extend(["", *table, ""])
    return out


def _paragraphs(layout: str) -> str:
    """PDF lines are layout lines: wrapped lines joined into paragraphs, hyphenated breaks
    mended; a section heading on a line of its own stays one ("Efficacy" before "Median PFS
    was ...")."""
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", layout)
    text = _HEADING_LINE.sub(lambda m: m.group(0) + "\n", text)
    # a table's caption before a line that starts anew is no sentence of the paragraph after
    # it ("Table 1. Key outcomes by dose (NE, not estimable)" before "Subgroup: brain ...")
    text = _CAPTION_LINE.sub(lambda m: m.group(0) + "\n", text)
    return re.sub(r"(?<![.!?:])\n(?!\n)", " ", text)


_CAPTION_LINE = re.compile(r"^[ \t]*Table\s+\d+[.:][^\n]*(?=\n[ \t]*[A-Z])", re.M | re.I)
# a short line after a sentence's end, without a figure or an ending of its own, before a
# line that starts a sentence: a heading ("Biomarker subgroups", "Study design")
_HEADING_LINE = re.compile(
    r"(?:^|(?<=[.!?:]\n))[ \t]*[A-Z][A-Za-z'’-]*(?:[ \t]+[A-Za-z'’&-]+){0,5}"
    + "".join(rf"(?<!\b{w})" for w in ("in", "of", "and", "or", "the", "with", "to", "for", "vs"))
    + r"(?=\n[ \t]*(?:[•·▪\x7f*–-][ \t]*)?[A-Z])",  # (or a bullet's sentence: "• In 743 ...")
    re.M,
)


def _pdf_tables(data: bytes, page_count: int) -> dict[int, tuple[str, list[str]]]:
    """For each page with ruled tables: its text outside the tables, and the tables as pipe
    rows (read by ``index.tables``). A table that continues on the next page without its header
    row takes the header of the table before it. Any failure leaves the page to pypdf's text."""
    try:
        import pdfplumber
    except ImportError:
        return {}
    found: dict[int, tuple[str, list[str]]] = {}
    header: list[str] | None = None
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for n, page in enumerate(pdf.pages[:page_count]):
                boxes = page.find_tables()
                if not boxes:
                    header = None
                    continue
                rows: list[str] = []
                for box in boxes:
                    cells = [[" ".join((c or "").split()) for c in r] for r in box.extract()]
                    cells = [r for r in cells if any(r)]
                    if not cells:
                        continue
                    continued = (
                        header is not None
                        and len(cells[0]) == len(header)
                        and box.bbox[1] < page.height * 0.2
                        and _numeric_cells(cells[0]) > 0
                    )
                    if continued and header is not None:
                        cells = [header, *cells]
                    header = cells[0]
                    rows.append("")
                    rows.extend("| " + " | ".join(r) + " |" for r in cells)
                    rows.append("")

                def outside(obj: dict[str, float], boxes: list = boxes) -> bool:  # type: ignore[type-arg]
                    return not any(
                        b.bbox[0] <= obj["x0"] <= b.bbox[2] and b.bbox[1] <= obj["top"] <= b.bbox[3]
                        for b in boxes
                    )

                prose = page.filter(outside).extract_text() or ""
                found[n] = (prose, rows)  # pipe rows: load_bytes reads the tables
    except Exception:
        return {}
    return found


def _numeric_cells(row: list[str]) -> int:
    return sum(bool(re.search(r"\d", c)) for c in row[1:])
