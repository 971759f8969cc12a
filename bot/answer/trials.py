"""Trial names as questions and articles write them: one key for "CheckMate 743",
"CheckMate-743" and "checkmate743", and whether a sentence answers for the trials asked."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from index.figures import PERFORMANCE_STATUS
from index.search import trial_name_key

name_key = trial_name_key  # a trial name's letters and digits, case folded


def in_order(short: str, long: str) -> bool:
    """Every letter of ``short`` is in ``long``, in order ("clb" in "chlorambucil", "oc" in
    "orca"): a short name made of a longer one's letters."""
    chars = iter(long)
    return all(c in chars for c in short)


def about_trials(
    trials: list[str],
    sentence: str,
    article_trials: list[str],
    section: str = "",
    outline: tuple[str, ...] = (),
    regimens: Iterable[str] = (),
) -> bool:
    """A sentence answers for the trials a question names when its article is about one of
    them, or the sentence itself names one (a round-up's other trial, a teaser's), and the
    heading it stands under names no other of the article's trials ("AEGEAN: perioperative
    durvalumab" in a round-up asked about CheckMate 77T); ``regimens``, the codes the article
    names its arms by, are no trials' names."""
    if not trials:
        return True
    keys = {name_key(t) for t in trials}
    if any(names_trial(sentence, t) for t in trials):
        return True
    if not keys & {name_key(str(t)) for t in article_trials}:
        return False
    # the nearest heading naming one of its trials: its section's, else a larger section's
    # ("## ENZAMET: ..." over "### Results"); a title naming every trial says none
    under: set[str] = set()
    for heading in (section, *outline):
        under = {
            name_key(str(t)) for t in article_trials if heading and names_trial(heading, str(t))
        }
        if under:
            break
    if under and not keys & under:
        return False  # a round-up's section about its other trial
    if any(_says_name(sentence, str(t)) for t in article_trials if name_key(str(t)) not in keys):
        return False  # "In SPOTLIGHT, vomiting ...": the article's other trial, asked GLOW
    # the article is about the trial asked, but this sentence is about another one: a teaser's
    # "FRESCO-2: fruquintinib improves OS to 7.4 months" (not a code the article names an arm
    # by, "FOLFOX4 + Bev: 0.61")
    codes = {name_key(r) for r in regimens}
    return not any(
        name_key(m.group(0)) not in keys | codes
        for m in _OTHER_TRIAL.finditer(sentence)
        if sum(c.isupper() for c in m.group("letters")) >= 2
        and not PERFORMANCE_STATUS.match(sentence, m.start())  # "ECOG 0": no trial
    )


def names_trial(text: str, name: str) -> bool:
    """``text`` names the trial however it is spaced or hyphenated ("CheckMate-743",
    "checkmate 743"), as a whole name: "LAURA" is not said by "FLAURA2", nor "KEYNOTE-40" by
    "KEYNOTE-407"."""
    return _name_pattern(name_key(name)).search(text) is not None


@lru_cache(maxsize=4096)
def _name_pattern(key: str) -> re.Pattern[str]:
    if not key:
        return re.compile(r"(?!)")
    # a number's leading zeros are not in its key ("GOG 0209" is "gog209")
    spaced = "".join(
        (r"[\s-]*0*" if c.isdigit() and not key[i - 1].isdigit() else r"[\s-]*") + re.escape(c)
        if i
        else re.escape(c)
        for i, c in enumerate(key)
    )
    return re.compile(rf"(?<![^\W_]){spaced}(?![^\W_])", re.I)


def _says_name(sentence: str, name: str) -> bool:
    """The sentence names a trial called by a capitalised word ("In SPOTLIGHT," not
    "spotlighted"); coded names ("FRESCO-2") are _OTHER_TRIAL's."""
    if not re.fullmatch(r"[A-Z]{4,}", name):
        return False
    return bool(re.search(rf"(?<![\w-]){name}(?![\w-])", sentence))


# a coded trial name ("FRESCO-2", "KEYNOTE-048", "CheckMate 067"): four letters or more, two of
# them capitals, and a short number; not "Grade 3", "Cycle 1", nor a drug's code ("DS-7300")
_OTHER_TRIAL = re.compile(
    r"\b(?P<letters>[A-Z][A-Za-z]{3,})[-\s]?\d{1,3}[A-Z]{0,3}\b(?![-\d]|\.\d)"
)
