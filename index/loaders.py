"""Reading article files and pages into plain text: .txt, .md, .html/.htm and .pdf."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from bot.errors import EmptyArticleError, UnreadableArticleError, UnsupportedArticleError
from index.text import normalize_text

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")
_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class LoadedArticle:
    """An article's normalized text, its title and where it came from."""

    text: str
    title: str
    source: str


def find_article_files(paths: list[Path]) -> list[Path]:
    """The files to ingest: given files as they are, folders searched for supported files."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in SUPPORTED_SUFFIXES
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        else:
            found.append(path)
    return found


def load_file(path: Path) -> LoadedArticle:
    """Load one article file; raises an ArticleError subclass with a clear reason."""
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedArticleError(
            source,
            f"unsupported file type '{suffix or 'none'}' (use {', '.join(SUPPORTED_SUFFIXES)})",
        )
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
        if b"\x00" in data[:8192]:
            raise UnreadableArticleError(source, "looks like a binary file, not text")
        raw = _decode(data, source)
        if suffix in (".html", ".htm"):
            text, title = html_main_text(raw)
        else:
            text, title = raw, ""
    text = normalize_text(text)
    if len(re.findall(r"[A-Za-z]{2,}", text)) < 5:
        raise EmptyArticleError(source, "no article text found")
    return LoadedArticle(text=text, title=title or first_line_title(text), source=source)


def _decode(data: bytes, source: str) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableArticleError(source, "text is neither UTF-8 nor Windows-1252")


def first_line_title(text: str) -> str:
    """The first short line of the text, which in a news article is its headline."""
    for line in text.split("\n"):
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= 200 else line[:197].rsplit(" ", 1)[0] + "..."
    return ""


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
    """The main text of an HTML page (the <article> or <main>, else the body) and its title."""
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
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        title = str((reader.metadata or {}).get("/Title") or "")
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise UnreadableArticleError(source, f"not a readable PDF ({exc})") from exc
    # PDF lines are layout lines: join wrapped lines into paragraphs, fix hyphenated breaks.
    text = "\n".join(pages)
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)
    text = re.sub(r"(?<![.!?:])\n(?!\n)", " ", text)
    return text, title
