"""Trial names as questions and articles write them: one key for "CheckMate 743",
"CheckMate-743" and "checkmate743", and whether a sentence answers for the trials asked."""

from __future__ import annotations

import re


def name_key(name: str) -> str:
    """A trial name's letters and digits, case folded: the same for every spelling."""
    return "".join(re.findall(r"[A-Za-z]+|\d+", name)).casefold()


def about_trials(trials: list[str], sentence: str, article_trials: list[str]) -> bool:
    """A sentence answers for the trials a question names when its article is about one of
    them, or the sentence itself names one (a round-up's other trial, a teaser's)."""
    if not trials:
        return True
    keys = {name_key(t) for t in trials}
    if keys & {name_key(str(t)) for t in article_trials}:
        return True
    squashed = name_key(sentence)
    return any(k in squashed for k in keys)
