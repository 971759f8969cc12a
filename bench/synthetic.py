"""SYNTHETIC articles for scale tests only: the real articles with other trial names and figures.

Variant ``i`` of a real article renames every trial, study alias, investigational drug and brand
name to invented ones unique to ``i``, replaces NCT ids, and multiplies every figure by one factor
(0.80 to 1.20, never within 3% of 1) drawn from ``i``: the same figure always becomes the same new
figure in a variant, with its decimals, and CIs keep their order. Years, dates, counts of lines
of therapy and names with digits are left alone; percentages never exceed 100. Every variant's
first line says it is synthetic. Generated data: never a clinical reference, never a golden set.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from index.loaders import LoadedArticle

# the names of the real articles' trials and investigational drugs (bench/heldout*, seeds);
# comparator chemotherapies stay: every trial of a tumour type shares them
TRIALS = [
    "IDeate-Lung01",
    "IDeate",
    "IMforte",
    "DeLLphi-304",
    "DeLLphi",
    "KEYNOTE-859",
    "KEYNOTE-A18",
    "KN-859",
    "KN-A18",
    "KEYNOTE",
    "ENGOT-cx11",
    "GOG-3047",
    "ADRIATIC",
    "PACIFIC",
    "FLAURA2",
    "FLAURA",
    "MARIPOSA",
    "CheckMate",
    "CASPIAN",
]
DRUGS = [
    "ifinatamab",
    "deruxtecan",
    "lurbinectedin",
    "atezolizumab",
    "tarlatamab",
    "pembrolizumab",
    "durvalumab",
    "tremelimumab",
    "osimertinib",
    "amivantamab",
]
BRANDS = ["Keytruda", "Imfinzi", "Tagrisso", "Imdelltra", "Tecentriq", "Zepzelca", "Imjudo"]
ABBREVIATIONS = {"I-DXd": "DXd"}  # drug code: keep the payload suffix, rename the antibody

_SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "xe", "zu", "be", "da", "fi", "go"]
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_NUMBER = re.compile(r"(?<![A-Za-z\d.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\.\d+)(?![A-Za-z\d])")
_DATE_BEFORE = re.compile(rf"(?:{_MONTHS})\.?\s+$")
_NCT = re.compile(r"NCT\d{8}")
LABEL = "[SYNTHETIC SCALE-TEST VARIANT {i}, not real trial data]"


@dataclass(frozen=True)
class Variant:
    """One generated article: a file name and its text (first line: the synthetic label)."""

    name: str
    text: str


def invented_word(i: int, j: int, syllables: int = 3) -> str:
    """A pronounceable nonsense word, different for every (i, j) within 14**syllables."""
    n = i * 97 + j * 7919
    parts = []
    for _ in range(syllables):
        n, r = divmod(n, len(_SYLLABLES))
        parts.append(_SYLLABLES[r])
    return "".join(parts)


def renames(i: int) -> list[tuple[str, str]]:
    """(real name, invented name) pairs of variant ``i``, longest real name first."""
    pairs = [(t, f"{invented_word(i, j).upper()}-{100 + i}") for j, t in enumerate(TRIALS)]
    # same stem (-tamab, -lizumab's -umab, -tinib...) so that the drug still reads as one
    pairs += [(d, invented_word(i, 50 + j) + d[-5:]) for j, d in enumerate(DRUGS)]
    pairs += [(b, invented_word(i, 100 + j, 2).capitalize() + "vex") for j, b in enumerate(BRANDS)]
    pairs += [
        (a, f"{invented_word(i, 150 + j, 2).upper()}-{suffix}")
        for j, (a, suffix) in enumerate(ABBREVIATIONS.items())
    ]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def _same_case(original: str, new: str) -> str:
    if original.isupper():
        return new.upper()
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new.lower() if original.islower() else new


def _scale(match: re.Match[str], factor: float) -> str:
    token = match.group(1)
    before = match.string[max(0, match.start() - 12) : match.start()]
    after = match.string[match.end() : match.end() + 1]
    plain = token.replace(",", "")
    value = float(plain)
    is_year = len(plain) == 4 and "." not in plain and 1900 <= value <= 2100
    if is_year or _DATE_BEFORE.search(before) or (value <= 4 and "." not in plain):
        return token  # years, dates, lines of therapy, 1:1
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    new = round(value * factor, decimals)
    if after == "%" and new > 100:
        return token
    text = f"{new:,.{decimals}f}" if "," in token else f"{new:.{decimals}f}"
    return text[1:] if token.startswith(".") and text.startswith("0.") else text


def variant(article: LoadedArticle, i: int) -> Variant:
    """Variant ``i`` of a real article (deterministic)."""
    rng = random.Random(i)
    factor = 1.0
    while abs(factor - 1) < 0.03:
        factor = rng.uniform(0.8, 1.2)
    text = article.text
    if not text.startswith(article.title):
        text = f"{article.title}\n\n{text}"
    for real, new in renames(i):
        pattern = re.compile(rf"(?<![\w-]){re.escape(real)}(?!\w)", re.IGNORECASE)
        text = pattern.sub(lambda m, new=new: _same_case(m.group(0), new), text)
    text = _NCT.sub(lambda m: f"NCT9{(int(m.group(0)[3:]) * 31 + i) % 10**7:07d}", text)
    text = _NUMBER.sub(lambda m: _scale(m, factor), text)
    stem = re.sub(r"\W+", "-", article.source.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    return Variant(f"synthetic-{i:04d}-{stem}.txt", f"{LABEL.format(i=i)} {text}")


def leaked_names(text: str) -> list[str]:
    """Real trial, drug and brand names left in a generated text (must be none)."""
    folded = text.casefold()
    names = [*TRIALS, *DRUGS, *BRANDS, *ABBREVIATIONS]
    return [n for n in names if re.search(rf"(?<![\w-]){re.escape(n.casefold())}(?!\w)", folded)]
