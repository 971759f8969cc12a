"""Plain-text rendering of answers and sources, for the terminal."""

from __future__ import annotations

from bot.answer.models import Answer, Citation
from bot.app.factsheet import Comparison, FactRow, FactSheet
from index.store import ArticleRecord


def render_answer(answer: Answer) -> str:
    """The answer, then each citation with its quote."""
    lines = [answer.text]
    for c in answer.citations:
        lines.append(f"  [{c.n}] {c.title} ({c.source})")
        lines.append(f'      "{c.quote}"')
    return "\n".join(lines)


def render_sources(articles: list[ArticleRecord]) -> str:
    if not articles:
        return "No articles indexed yet. Add some with: trialbot ingest PATH..."
    lines = []
    for a in articles:
        trials = ", ".join(a.meta.get("trials", [])) or "-"
        lines.append(f"{a.title}\n  trials: {trials} | chunks: {a.chunks} | source: {a.source}")
    return "\n".join(lines)


def render_fact_sheet(sheet: FactSheet) -> str:
    """The design line, one line per key figure with its citation number, then the quotes."""
    lines = [sheet.design, ""]
    lines += [_fact_line(r, with_trial=False) for r in sheet.rows] or ["(no figures extracted)"]
    return "\n".join([*lines, *_quotes(sheet.citations)])


def render_comparison(comparison: Comparison) -> str:
    lines = [f"{comparison.endpoint} across trials", ""]
    lines += [_fact_line(r, with_trial=True) for r in comparison.rows] or [
        f"No indexed article reports {comparison.endpoint}."
    ]
    lines += ["", f"Caveat: {comparison.caveat}"]
    return "\n".join([*lines, *_quotes(comparison.citations)])


def _fact_line(row: FactRow, *, with_trial: bool) -> str:
    who = " | ".join(p for p in (row.trial if with_trial else "", row.subgroup, row.arm) if p)
    extra = "".join(
        [
            f" (95% CI {row.ci})" if row.ci else "",
            f", P {row.p_value.strip()}" if row.p_value else "",
        ]
    )
    flag = "  ⚠ another source reports a different value" if row.conflict else ""
    return f"  {row.endpoint:<16} {row.value}{extra} [{row.n}]  {who}{flag}"


def _quotes(citations: list[Citation]) -> list[str]:
    lines = [""] if citations else []
    for c in citations:
        lines.append(f"  [{c.n}] {c.title} ({c.source})")
        lines.append(f'      "{c.quote}"')
    return lines
