"""Plain-text rendering of an evaluation report (``trialbot eval``, ``bench/golden.py``)."""

from __future__ import annotations

from bot.app.evaluation import EvaluationReport, QuestionResult, percentile

_OUTCOMES = {
    "correct": "answered correctly",
    "abstained": "abstained correctly",
    "wrong": "wrong answer",
    "wrongly_abstained": "wrongly abstained",
}


def render_result(r: QuestionResult) -> str:
    """One question: OK or MISS, why, what was expected and the answer's first line."""
    q = r.question
    why = _OUTCOMES[r.outcome]
    if r.outcome == "wrong" and q.get("not_found"):
        why = "answered, but not_found was expected"
    tag = "OK  " if r.ok and not r.ungrounded else "MISS"
    lines = [f"{tag} {q['id']} ({why}): {q['question']}"]
    if not r.ok:
        expected = "not_found" if q.get("not_found") else " | ".join(q["expect"])
        lines.append(f"     expected: {expected}")
    lines.append(f"     -> {r.lead[:200]}")
    if r.ungrounded:
        lines.append(f"     UNGROUNDED: {', '.join(r.ungrounded)} in none of the citations")
    return "\n".join(lines)


def render_summary(report: EvaluationReport) -> str:
    n = len(report.results)
    lat = report.latencies_ms
    wrong_nf = report.answered_not_found_questions
    rows = [
        ("questions", f"{n}"),
        ("answered correctly, grounded", f"{report.count('correct')}"),
        ("abstained correctly", f"{report.count('abstained')}"),
        (
            "wrong answers",
            f"{report.count('wrong')}"
            + (f" ({wrong_nf} answered a not_found question)" if wrong_nf else ""),
        ),
        ("wrongly abstained", f"{report.count('wrongly_abstained')}"),
        ("figure not in its citations", f"{report.ungrounded} (must be 0)"),
        ("accuracy", f"{report.accuracy:.1%} ({report.correct}/{n})"),
        (
            "latency (warm)",
            f"median {percentile(lat, 50):.1f} ms, p95 {percentile(lat, 95):.1f} ms",
        ),
    ]
    return "\n".join(f"{label:29} {value}" for label, value in rows)


def render_report(report: EvaluationReport, show_all: bool = False) -> str:
    """Misses (or every question with ``show_all``), a blank line, then the summary."""
    shown = report.results if show_all else report.misses()
    body = [render_result(r) for r in shown]
    return "\n".join([*body, "", render_summary(report)] if body else [render_summary(report)])
