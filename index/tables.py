"""Results tables as lines that carry their headers: one line per data row.

A table read cell by cell loses what each number is: "16.4" means nothing without its row
("Median OS, months") and its column ("Drug X (n=393)"). Markdown tables, and HTML tables once
the page text has been extracted (trafilatura writes them as pipe rows), become one line per data
row, each cell led by its column header::

    | Endpoint          | Drug X | Sorafenib |
    |---|---|---|
    | Median OS, months | 16.4   | 13.8      |
    | ORR, %            | 20.1   | 5.1       |

becomes::

    Median OS, months | Drug X: 16.4 | Sorafenib: 13.8
    ORR, % | Drug X: 20.1 | Sorafenib: 5.1

A caption (a row with only its first cell filled) leads every row after it, so a subgroup table
under "Overall survival by subgroup" keeps its endpoint. The figures of these lines are read by
``index.figures`` (a line with " | " between its cells is a table row).
"""

from __future__ import annotations

import re

ROW_SEPARATOR = " | "
# a table's caption line: "Table 2. OS by PD-L1 CPS", "**Table 1:** ..."
TABLE_CAPTION = re.compile(r"^(?:\*\*)?Table\s+\d+[.:]?\s", re.I)
_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [" ".join(c.split()) for c in inner.split("|")]


def _is_table_line(line: str) -> bool:
    """A pipe row: "| a | b |", or "a | b | c" as plain-text reports align their tables."""
    s = line.strip()
    return (s.startswith("|") and s.count("|") >= 2) or s.count(" | ") >= 2


_CELL = re.compile(r"\S+(?: \S+)*")  # words single-spaced: a cell of a space-aligned table


def _aligned_cells(line: str) -> list[tuple[int, str]]:
    """A line's cells when two spaces or more part them, with where each starts."""
    return [(m.start(), m.group(0)) for m in _CELL.finditer(line.rstrip())]


def _is_aligned_row(line: str, cells: int = 3) -> bool:
    return (
        "|" not in line
        and len(line) <= 160
        and len(_aligned_cells(line)) >= cells
        and "  " in line.strip()
    )


def align_text_tables(text: str) -> str:
    """``text`` with its space-aligned tables (three lines or more of three cells or more, as
    plain-text reports lay out a side-by-side) written as pipe tables: each cell under the
    header column it stands beneath, the first column the row's label."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        # rows of two cells or more, most of them three or more (a blank cell leaves two)
        while j < len(lines) and _is_aligned_row(lines[j], 2):
            j += 1
        if j - i < 3 or sum(_is_aligned_row(line) for line in lines[i:j]) * 2 < j - i:
            out.append(lines[i])
            i += 1
            continue
        above = _aligned_cells(lines[i - 1]) if i > 0 else []
        if len(above) >= 2 and above[0][0] > 0 and out and out[-1] == lines[i - 1]:
            # an indented header over the value columns only ("      Trial A     Trial B")
            out.pop()
            i -= 1
        header = _aligned_cells(lines[i])
        starts = (
            [0, *(start for start, _ in header)]
            if header[0][0] > 0
            else [start for start, _ in header]
        )
        names = ["", *(cell for _, cell in header)] if header[0][0] > 0 else [c for _, c in header]
        out.append("| " + " | ".join(names) + " |")
        for line in lines[i + 1 : j]:
            cells = [""] * len(starts)
            for start, cell in _aligned_cells(line):
                # the column whose header starts nearest at or before the cell (a little after
                # too: numbers are often right-aligned under their header)
                col = max((k for k, s0 in enumerate(starts) if s0 <= start + 2), default=0)
                cells[col] = f"{cells[col]} {cell}".strip()
            out.append("| " + " | ".join(cells) + " |")
        i = j
    return "\n".join(out)


_LEADER_ROW = re.compile(r"^\s*(?P<label>\S.*?)\s*\.{2,}\s+(?P<rest>\S.*?)\s*$")
_LEADER_PAIR = re.compile(
    r"^(?P<a>.+?)\s+(?:vs\.?|versus)\s+(?P<b>.+?)(?:\s{2,}(?P<effect>\S.*))?$", re.I
)
_CAPTION_ARMS = re.compile(r"(?:\(([^()]*\bvs\b[^()]*)\)|([^,:()]*\bvs\b[^,:()]*))", re.I)


def leader_tables(text: str) -> str:
    """``text`` with its dot-leader result lists ("Objective response rate ...... 44.8% vs
    34.8%   P=0.004") under a caption naming the arms ("Key outcomes, IFL + bevacizumab vs IFL
    + placebo:") written as pipe tables: each value under its arm, what follows two spaces or
    more as the row's effect. A list whose caption names no arms is left as it is."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _LEADER_ROW.match(lines[j]):
            j += 1
        arms = _caption_arms(out) if j - i >= 2 else None
        if arms is None:
            out.append(lines[i])
            i += 1
            continue
        out.append("| Outcome | " + " | ".join(arms) + " | HR; P value |")
        for line in lines[i:j]:
            row = _LEADER_ROW.match(line)
            assert row is not None  # (every line of the run matched)
            pair = _LEADER_PAIR.match(row.group("rest"))
            cells = (
                [pair.group("a"), pair.group("b"), pair.group("effect") or ""]
                if pair
                else ["", "", row.group("rest")]
            )
            out.append("| " + " | ".join([row.group("label"), *cells]) + " |")
        i = j
    return "\n".join(out)


def _caption_arms(before: list[str]) -> list[str] | None:
    """The two arms the nearest caption line above names ("..., A vs B:", "(A vs B)")."""
    lines = [line for line in before[-3:] if line.strip()]
    if not lines:
        return None
    m = _CAPTION_ARMS.search(lines[-1].strip().rstrip(":"))
    if not m:
        return None
    arms = [a.strip() for a in re.split(r"\s+(?:vs\.?|versus)\s+", m.group(1) or m.group(2))]
    return arms if len(arms) == 2 and all(arms) else None


def linearize_tables(text: str) -> str:
    """``text`` with every pipe table replaced by one headed line per data row."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _is_table_line(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        block = []
        while i < len(lines) and (_is_table_line(lines[i]) or _RULE.match(lines[i].strip())):
            block.append(lines[i])
            i += 1
        rows = [b for b in block if _is_table_line(b)]
        plain = not rows[0].strip().startswith("|")
        if len(rows) < 2 or (plain and len({r.count("|") for r in rows}) > 1):
            out.extend(block)  # one line with pipes, or a menu of links, is not a table
            continue
        out.extend(_table_rows(block))
    return "\n".join(out)


# a row of intervals only, for the values of the row above it: "90% CI", "95% CI"
_CI_ROW = re.compile(r"\s*(?:\d{2}(?:\.\d)?%\s*)?(?:CI|confidence interval)\s*$", re.I)
_EMPTY = ("-", "—", "–", "NR.")


def _table_rows(block: list[str]) -> list[str]:
    caption = ""
    header: list[str] | None = None
    rows: list[str] = []
    last: list[str] = []
    for line in block:
        if _RULE.match(line.strip()):
            continue
        cells = _cells(line)
        filled = [c for c in cells if c]
        if not filled:
            continue
        if len(filled) == 1 and cells[0] and len(cells) > 1:
            caption = cells[0].rstrip(":")  # a caption or a section row ("Safety")
            continue
        if header is None:
            header = cells
            continue
        if rows and last and _CI_ROW.match(cells[0]) and len(cells) == len(last):
            # "90% CI | 87.4-100 | 91.0-98.9": each interval beside the value above it
            last = [last[0]] + [
                f"{v} ({cells[0].strip()}, {c})" if v and c and c not in _EMPTY else v
                for v, c in zip(last[1:], cells[1:], strict=True)
            ]
            rows[-1] = _row_line(caption, header, last)
            continue
        last = cells
        rows.append(_row_line(caption, header, cells))
    if header is not None and not rows:
        rows.append(ROW_SEPARATOR.join(c for c in header if c))  # a table of one row
    return rows


def _row_line(caption: str, header: list[str], cells: list[str]) -> str:
    label = cells[0] or (header[0] if header else "")
    if header and header[0] and _BARE_LABEL.fullmatch(label):
        # "| Group | ... |" over "| 3 | ... |": the row is "Group 3", its number alone says nothing
        label = f"{header[0]} {label}"
    if caption:
        label = f"{caption}: {label}" if label else caption
    parts = [label]
    for n, cell in enumerate(cells[1:], start=1):
        if not cell or cell in _EMPTY:
            continue
        head = header[n] if n < len(header) else ""
        parts.append(f"{head}: {cell}" if head else cell)
    return ROW_SEPARATOR.join(parts)


_BARE_LABEL = re.compile(r"[0-9]{1,2}[a-z]?|[A-Z]")


def is_table_row(sentence: str) -> bool:
    """A line written by ``linearize_tables``: a label, then headed cells."""
    return ROW_SEPARATOR in sentence


def own_label(label: str) -> str:
    """A row's label without the caption before it ("Median PFS by subgroup: TP53 mutant":
    "TP53 mutant")."""
    return label.rsplit(": ", 1)[-1]


def row_cells(sentence: str) -> tuple[str, list[tuple[str, str, int]]]:
    """A row line's label and its cells as (header, value text, offset of the value text)."""
    pieces = sentence.split(ROW_SEPARATOR)
    label = pieces[0]
    cells: list[tuple[str, str, int]] = []
    offset = len(label) + len(ROW_SEPARATOR)
    for piece in pieces[1:]:
        head, sep, value = piece.rpartition(": ")
        if not sep:
            head, value = "", piece
        cells.append((head, value, offset + (len(piece) - len(value))))
        offset += len(piece) + len(ROW_SEPARATOR)
    return label, cells
