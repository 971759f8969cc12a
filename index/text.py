"""Text primitives: normalization, content identity, sentences with offsets, search tokens."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """Canonical form of an article's text: NFC, Unix newlines, single spaces, trimmed lines.

    Quotes are cut from this form, so it must stay readable: only whitespace changes.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00ad", "")  # soft hyphens break verbatim matching
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def content_id(text: str) -> str:
    """An article's identity: a hash of its text with case and whitespace folded."""
    folded = " ".join(normalize_text(text).casefold().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True)
class Span:
    """A piece of a text with its character offsets: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "vs",
        "al",
        "fig",
        "figs",
        "no",
        "nos",
        "approx",
        "etc",
        "e.g",
        "i.e",
        "inc",
        "ltd",
        "co",
        "jr",
        "sr",
        "st",
        "dept",
        "univ",
        "est",
        "ca",
        "ref",
        "refs",
        "vol",
        "p",
        "pp",
        "med",
        "mo",
        "yr",
        "yrs",
        "wk",
        "wks",
        "min",
        "max",
        "incl",
    ]
)
_SENTENCE_END = re.compile(r"[.!?]['\"”’)\]]*(?=\s+['\"“‘(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[Span]:
    """Split text into sentences, keeping offsets. Lines are never joined into one sentence."""
    spans: list[Span] = []
    offset = 0
    for line in text.split("\n"):
        if " | " in line:
            _emit(line, offset, 0, len(line), spans)  # a table row is one sentence
        else:
            _split_line(line, offset, spans)
        offset += len(line) + 1
    return spans


def _split_line(line: str, offset: int, out: list[Span]) -> None:
    start = 0
    for match in _SENTENCE_END.finditer(line):
        end = match.end()
        before = line[start : match.start()].rsplit(None, 1)
        last_word = before[-1].lower().rstrip(".") if before else ""
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        _emit(line, offset, start, end, out)
        start = end
    _emit(line, offset, start, len(line), out)


def _emit(line: str, offset: int, start: int, end: int, out: list[Span]) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    s = offset + start + lead
    out.append(Span(s, s + len(stripped), stripped))


_TOKEN = re.compile(r"[a-z0-9]+(?:[.\-/+][a-z0-9]+)*\+?")


# British spellings of medical words, folded to the American ones: "oesophageal" and
# "esophageal", "haematological" and "hematological", "tumour" and "tumor" are one word
_BRITISH = (
    (re.compile(r"\boe(?=soph|str|dem)|(?<=[a-z])oe(?=dem)", re.I), "e"),  # lymphoedema
    (re.compile(r"(?:(?<=rrh)|(?<=pn))oea", re.I), "ea"),  # diarrhoea, dyspnoea
    (re.compile(r"\bgynaec", re.I), "gynec"),
    (re.compile(r"\bleuco(?=p|c)", re.I), "leuko"),  # leucopenia, leucocytes
    (re.compile(r"\b(h|p)ae(?=m|d)", re.I), r"\1e"),
    (re.compile(r"(?<=[a-z])aem(?=i)", re.I), "em"),
    (re.compile(r"\b(tum|fav|col|hum|behavi)our(?=s?\b|ab|ed)", re.I), r"\1or"),
    (re.compile(r"\b(random|organ|util|minim|character|local)is(?=e|a)", re.I), r"\1iz"),
)


def us_spelling(text: str) -> str:
    """The text with British spellings of medical words made American ("Oesophageal primary"
    -> "esophageal primary", "haematological" -> "hematological")."""
    for pattern, american in _BRITISH:
        text = pattern.sub(american, text)
    return text


def stem(word: str) -> str:
    """A light plural stemmer: enough to match 'responses' with 'response'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokenize(text: str, stopwords: frozenset[str] = frozenset()) -> list[str]:
    """Search tokens: lowercase words and numbers; compounds also give their parts. British
    spellings are folded ("lymphoedema" is the word "lymphedema")."""
    tokens: list[str] = []
    for raw in _TOKEN.findall(us_spelling(text.casefold())):
        if raw in stopwords or (len(raw) == 1 and raw.isalpha()):
            continue
        tokens.append(stem(raw))
        if any(sep in raw for sep in "-/+"):
            tokens.extend(stem(p) for p in re.split(r"[-/+]", raw) if p and p not in stopwords)
    return tokens
