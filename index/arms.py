"""Whose figure a value is: the arm or subgroup words around it, shared by the answer engine and
the fact extractor.

A value's arm is said right after it ("9.8 months with the combination"), or in an opening
clause ("Among patients treated in second line, ..."). Values listed without their arms
("Grade 3 or higher: 27.0% vs 61.9%", "... 24.0 and 15.3 months, respectively") take the arms of
the list of as many values just before, in the same sentence or the one before it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from index.figures import DOSE, SCORE_CUT, Figure, ci_after, value_runs
from index.tables import is_table_row, row_cells
from index.vocabulary import Vocabulary

# "Among 2L patients, ...", after an interview's speaker ("**Dr. Roque:** In patients with ...")
LEAD_CLAUSE = re.compile(
    r"^(?:\*{0,2}(?:Dr\.?\s)?[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2}:\*{0,2}\s+)?"
    # (a bracket is one part of it, whatever it holds: "In patients with t(4;14), ..."; a figure
    # is none: "In patients aged 70 or older (a quarter) the HR was 0.82, and ...")
    r"(?P<clause>(?:Among|In|For|With|Across)\s(?:(?!\d\.\d|\b(?:was|were|is)\s+\d)(?:[^,;]|\([^(),]*\))){3,90})(?=,)"
)
SCOPE_PHRASE = re.compile(r"^(?:with|among|in|for|on|at|of|across)\b", re.I)
SCOPE_END = re.compile(
    r"[;,]|\s[—–-]\s|—| to\b| and\b| vs\b| versus\b| against\b| compared\b| which\b| but\b|\.$",
    re.I,
)
_NO_ARM = re.compile(r"^(?:of|in|among|for)\s+(?:the\s+)?(?:patients|those|participants)$", re.I)
# "with a 95 percent confidence interval of 0.11 to 0.25": the figure's interval, no arm
_INTERVAL = re.compile(r"\bconfidence\s+interval\b|\b\d+(?:\.\d+)?\s*(?:%|percent)\s+CI\b", re.I)
ARM_WORD = re.compile(r"\b(?:arm|group|cohort)\b", re.I)
# a cut-off on a measure: "CrCl >= 60 mL/min", "ECOG PS <2", "40-<60" (who, as a row label)
_CUT_IN_LABEL = re.compile(r"[A-Za-z][\w.-]*\s*(?:>=|<=|[<>≥≤])\s*\d|\d\s*[-–]\s*<\s*\d")
_INHERIT_WITHIN = 400  # characters: a list's arms are said in the sentence just before
# a sentence whose subject is a part of the population and whose verb is an outcome: "Patients
# with stage IV disease, about 64% of the population, had ...", "Those aged 75 or older
# achieved ..." (not "Patients with RET fusion-positive NSCLC were randomized to ...")
OUTCOME_VERBS = r"(?:had|have|achieved|showed|experienced|derived|saw|gained|reached|lived)"
# ... or a verb of how they fared, the figures after a colon: "Patients with unfavourable
# cytogenetics did no better with the higher dose: median OS was 10.4 months ..."
_FARED = r"(?:did|fared|benefited|benefitted|responded)"
_SUBJECT_PART = re.compile(
    # ("The 35 patients with t(11;14) (20 venetoclax, 15 placebo) had ...": a bracket is one
    # part of it, whatever it holds)
    r"^(?:(?:The|These)\s+(?:\d+\s+)?)?"
    r"(?:[Pp]atients|Pts|Those|Participants|People|Women|Men)\s+"
    r"(?:with|without|who|whose|aged|younger|older|harbou?ring|carrying)\b"
    r"(?:[^,;:()]|\([^()]*\)){3,90}?"
    rf"(?=,|\s(?:{OUTCOME_VERBS}|{_FARED})\b)"
)
_RESTRICTED_TO = re.compile(
    r"\b(?:focus(?:ing|ed)\s+on|restricted\s+to|limited\s+to|confined\s+to)\s+(?:the\s+)?"
    r"(?:patients|pts|participants|people|women|men|children|those)\s+"
    r"(?:with|without|who|whose|aged|younger|older)\b[^,;:]{3,90}?"
    rf"(?=[,;:]|\s(?:{OUTCOME_VERBS}|{_FARED}|reported|showed)\b)",
    re.I,
)
# "The survival advantage held in patients whose tumours had a CPS of 10 or more, ...": a
# benefit said to hold (be seen, persist) in a part of the population
_HELD_IN = re.compile(
    r"\b(?:held|was\s+(?:seen|observed|maintained|consistent|preserved)|persisted)\s+"
    r"(?:in|among)\s+(?:the\s+)?(?:patients|pts|participants|those|women|men)\s+"
    r"(?:with|without|who|whose|aged|younger|older)\b[^;:]{3,120}?(?=,)",
    re.I,
)
_OUTCOME_VERB = re.compile(rf"\b{OUTCOME_VERBS}\b|\b{_FARED}\b[^.;:]*:")


_COUNT_OF = re.compile(r"^(of\s+(?:the\s+|all\s+)?)\d[\d,]*\s+(?=[a-z])")


def arm_phrase(fig: Figure) -> str | None:
    """The words after a figure that may name its arm ("with exampimab"), or None."""
    scope = fig.scope.strip()
    if not SCOPE_PHRASE.match(scope) or ci_after(f" {scope}", 0):
        return None  # no phrase, or ", with a 95% CI of ...": the value's interval
    scope = _COUNT_OF.sub(r"\1", scope)  # "of the 782 treated patients in the X arm"
    phrase = balanced(scope[: _arm_end(scope)].strip(" ,."))
    # the doses and schedules in an arm's name do not make it no arm: "drug A 240 mg plus B"
    # ... nor the digits of a regimen's name ("mFOLFOX6", "TAS-102"); a number on its own does
    if not phrase or re.search(r"(?<![\w-])\d", DOSE.sub("", phrase)) or len(phrase) > 80:
        return None
    return phrase


def _arm_end(scope: str) -> int:
    """Where the words of an arm after a figure end: at the first break ("and", a comma, "vs"),
    but not at the "and" of two drugs one abbreviation names ("with fluorouracil and folinic
    acid (FU/FA) plus panitumumab")."""
    start = 0
    while cut := SCOPE_END.search(scope, start):
        joined = _ONE_REGIMEN_AND.match(scope, cut.start())
        if not joined:
            return cut.start()
        start = joined.end()
    return len(scope)


# "and folinic acid (FU/FA)": the second drug of a pair one abbreviation names
_ONE_REGIMEN_AND = re.compile(r"\s+and\s+[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?\s*\([^()]{1,15}\)")


def qualifier_phrase(sentence: str, fig: Figure) -> str:
    """The arm or subgroup words of a figure: after it, else an opening clause before it."""
    scope = fig.scope.strip()
    if scope and SCOPE_PHRASE.match(scope) and not ci_after(f" {scope}", 0):
        phrase = balanced(scope[: _arm_end(scope)].strip(" ,"))
        if 3 <= len(phrase) <= 100 and not _NO_ARM.match(phrase) and not _INTERVAL.search(phrase):
            return phrase
    lead = LEAD_CLAUSE.match(sentence)
    if lead and lead.end() <= fig.start:
        clause = lead.group("clause")
        return balanced(clause[0].lower() + clause[1:])
    return ""


_POPULATION_WORD = re.compile(
    r"\b(?:patients?|pts|participants?|those|people|women|men|children|adolescents|adults|"
    r"subgroups?|cohorts?|populations?|groups?|pathways?|"
    r"subsets?|strat(?:um|a)|tumou?rs?|disease|histology|responders|carriers|portions?|"
    r"part\s+[A-Z0-9]{1,2})\b",
    re.I,
)
_OVERALL = re.compile(
    r"\b(?:overall|all|whole|entire|intention[- ]to[- ]treat|intent[- ]to[- ]treat|ITT|"
    # (not "All-cause mortality", "all-grade": a kind of event, not everyone)
    r"all-comers|randomi[sz]ed)\b(?!-(?!comers))"
    r"\s*(?:patients|population|study population|participants)?",
    re.I,
)
_ANAPHORA = re.compile(
    r"\b(?:that|this|these|the same)\s+(?:group|subgroup|population|cohort|"
    r"patients|subset)\b"
    r"|^\s*Their\b",  # "The stage III patients ... Their 3-year DFS was 60.6%"
    re.I,
)
_SCOPE_POPULATION = re.compile(
    r"^(?:in|among|for)\s+(?:the\s+)?(?:[\w≥≤<>=+/%.-]+\s+){0,6}?"
    r"(?:patients|pts|participants|subgroup|cohort|population|subset|those|responders|portion|"
    r"men|women|people|adults)\b(?:(?!\s(?:and|vs\.?|versus)\s+\d)[^;,]){0,60}"
    # "HR 0.30 (95% CI ...) in low-volume disease": a kind of disease, not its progression
    r"|^(?:in|among)\s+(?!progressi|stable|residual|measurable)[\w-]+-(?:volume|risk)\s+disease\b",
    re.I,
)


# "for PD-L1 of 50% or more", "in CPS >=20 disease": a biomarker cut-off right after a figure
_SCOPE_CUT = re.compile(
    rf"^(?:in|among|for|with|of)\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?:{SCORE_CUT.pattern})"
    r"[^;,]{0,30}",
    re.I,
)


def population_phrase(sentence: str, fig: Figure) -> str | None:
    """The words that restrict a figure to a part of the trial's population, or None when it is
    the whole trial's: an opening clause ("Among the 72 patients with brain lesions, ..."), a
    phrase right after the figure ("0.61 in the CPS >=20 population"), a back reference ("In
    that group ...", returned as it stands: it names no population a question can match), or a
    table row whose label is a population rather than an endpoint or an arm. A phrase naming the
    overall or randomized population is no restriction."""
    if is_table_row(sentence):
        # a row labelled by a cut-off ("EFS HR, CrCl >= 60 mL/min"): its parts with the cut
        cut = [p for p in sentence.split("|")[0].split(",") if _CUT_IN_LABEL.search(p)]
        if cut:
            return ", ".join(p.strip() for p in cut)
    candidates = _framing_phrases(sentence, fig)
    own = _own_clause_part(sentence[: fig.start])
    anaphora = _ANAPHORA.search(sentence[: fig.start])
    # ("In that group the HR was 0.69, while among patients with no prior bevacizumab it was
    # 0.40": the figure's own clause names its part after the back reference)
    if anaphora and not (own and own[0] > anaphora.start()):
        referent = _referent(sentence, anaphora.start())
        if referent and is_overall(referent):
            return None
        candidates.append(referent or anaphora.group(0))
    whom = list(_IN_WHOM.finditer(sentence[: fig.start]))
    if whom:  # "in patients younger than 60 years, in whom the OS hazard ratio was 0.51"
        candidates.append(whom[-1].group("who"))
    if own and own[0] > 0 and not _ANAPHORA.search(own[1]):
        # "Among patients with prior chemotherapy, ... (HR 0.34), and in chemotherapy-naive
        # patients it was ... (HR 0.42)": a later clause names its own figure's part
        candidates.insert(0, own[1])
    elif own:
        candidates.append(own[1])
    # "larger in men with intermediate-risk disease (HR for progression, 0.31) than in those
    # with low-risk disease (HR, 0.63)": the part said right before the figure's bracket
    opened = sentence.rfind("(", 0, fig.start)
    # (not a bracket that defines what precedes it: "a major pathologic response (10% or less
    # viable tumor)")
    defines = _BOUND_AFTER.match(sentence, fig.end)
    if opened > 0 and ")" not in sentence[opened : fig.start] and not defines:
        bracketed = _PART_BEFORE_BRACKET.search(sentence, 0, opened)
        if bracketed:
            candidates.insert(0, bracketed.group("part"))
    # "In a subgroup analysis by histology, the HR was 0.82 in adenocarcinoma and 1.02 in
    # squamous cell carcinoma": after a split is named, the words after each value are its part
    split = _SPLIT_NAMED.search(sentence, 0, fig.start)
    after = _PART_AFTER_VALUE.match(fig.scope.strip()) if split else None
    if after and not is_overall(after.group(0)):
        return after.group(0).strip()
    for phrase in candidates:
        if not (
            _POPULATION_WORD.search(phrase) or _ANAPHORA.search(phrase) or SCORE_CUT.search(phrase)
        ):
            continue
        if is_overall(phrase):
            continue
        return phrase
    return None


def population_after(fig: Figure) -> str | None:
    """The part of the population said right after a figure ("0.20 in those with L858R", "0.26
    for PD-L1 of 50% or more"), or None."""
    scope = fig.scope.strip()
    m = _SCOPE_POPULATION.match(scope) or _SCOPE_CUT.match(scope)
    return m.group(0) if m and not is_overall(m.group(0)) else None


def _framing_phrases(sentence: str, fig: Figure) -> list[str]:
    """The phrases that may say whose a figure is: the sentence's opening clause before it
    ("Among the 72 patients with brain lesions, ...") and the phrase right after it ("... in the
    CPS >=20 population")."""
    phrases = []
    lead = LEAD_CLAUSE.match(sentence)
    if lead and lead.end() <= fig.start:
        phrases.append(lead.group("clause"))
    # "In contrast, in patients with KRAS or NRAS mutations, the HR was 1.19": the clause
    # after a connective opening frames the figure
    connective = _CONNECTIVE.match(sentence)
    framed = connective and _LEAD_AFTER.match(sentence, connective.end())
    if framed and framed.end() <= fig.start:
        phrases.append(framed.group(0))
    subject = _SUBJECT_PART.match(sentence)
    if subject and _OUTCOME_VERB.search(sentence, subject.end(), fig.start):
        phrases.append(subject.group(0))
    # "An update, focusing on patients with TP53 wild-type tumors, reported a median PFS of"
    phrases += [m.group(0) for m in _RESTRICTED_TO.finditer(sentence, 0, fig.start)]
    phrases += [m.group(0) for m in _HELD_IN.finditer(sentence, 0, fig.start)]
    scope = fig.scope.strip()
    if sentence[max(0, fig.start - 1) : fig.start] == "(":
        # "19 of 44 patients (43%) in the bone cohort": the phrase after the count's bracket
        scope = re.sub(r"^\)\s*", "", scope)
    m = _SCOPE_POPULATION.match(scope) or _SCOPE_CUT.match(scope)
    if m:
        phrases.append(m.group(0))
    # "3.8 versus 1.9 months in the ESR1-mutated subgroup": the pair's phrase is the first's too
    pair = _PAIRED_AFTER.match(sentence, fig.end)
    if pair:
        rest = sentence[pair.end() :]
        m = _SCOPE_POPULATION.match(rest) or _SCOPE_CUT.match(rest)
        if m:
            phrases.append(m.group(0))
    return phrases


_CONNECTIVE = re.compile(
    r"(?:In|By) (?:contrast|comparison)\s*,\s*|(?:However|Notably|Meanwhile|Conversely|"
    r"Similarly|Likewise|By comparison)\s*,\s*",
    re.I,
)
_LEAD_AFTER = re.compile(
    r"(?:among|in|for|across)\s(?:(?!\d\.\d|\b(?:was|were|is)\s+\d)(?:[^,;]|\([^(),]*\))){3,90}(?=,)",
    re.I,
)
_PAIR_ARM = r"(?:\s+(?:with|on|for)\s+[\w+/-]+(?:\s+[\w+/-]+){0,2}?)"
_PAIRED_AFTER = re.compile(
    # "3.8 versus 1.9 months in ...", "22.9% with capivasertib vs 12.2% with placebo in ..."
    rf"\s*(?:%|months?|mo)?{_PAIR_ARM}?\s*(?:vs\.?|versus)\s+\d+(?:\.\d+)?\s*"
    rf"(?:%|months?|mo\b)?(?:{_PAIR_ARM}(?=\s+(?:in|among)\b))?"
    r"\s*(?:\([^()]*\)\s*)?,?\s*",
    re.I,
)


def is_overall(phrase: str) -> bool:
    """The phrase names the whole trial ("all 1581 randomized patients"), not a part of it
    ("all patients with brain metastases", "All nonsquamous"); numbers in it do not matter."""
    if _COUNTED_WHOLE.match(phrase):
        return True  # "Across the 159 treated patients": everyone treated, counted
    plain = re.sub(r"\b\d[\d,]*\s+", "", phrase)
    whole = any(
        not (m.group(0).strip().casefold() == "all" and _PART_AFTER_ALL.match(plain, m.end()))
        for m in _OVERALL.finditer(plain)
    )
    return whole and not re.search(r"\bwith\b|\bwho\b", phrase)


# everyone, by their count alone: "Across the 159 treated patients", "Of the 1,204 patients"
_COUNTED_WHOLE = re.compile(
    r"\s*(?:across|among|of|in)\s+the\s+\d[\d,]*\s+(?:(?:treated|enrolled|randomi[sz]ed)\s+)?"
    r"(?:patients|participants|pts)\s*,?\s*$",
    re.I,
)
# "All nonsquamous", "all HR-positive": "all" before a word that names a part, not everyone
_PART_AFTER_ALL = re.compile(
    r"\s*(?!(?:patients|pts|population|participants|subjects|randomi[sz]ed|treated|enrolled|"
    r"evaluable|comers|the|these|those|arms?|groups?|cases|people|women|men|ages?|grades?|"
    r"causes?)\b)[A-Za-z][\w+/-]*",
    re.I,
)


def _referent(sentence: str, end: int) -> str | None:
    """The group a sentence names before ``end``, which "the same group" there refers to: "...
    in the overall 12 mg/kg group was 1.4 months, and ... for the same group was 5.3 months"."""
    found = list(_REFERENT.finditer(sentence[:end]))
    return found[-1].group(0) if found else None


# a group named earlier in a sentence, which "the same group" after it refers to
_REFERENT = re.compile(
    r"\b(?:in|among|for)\s+(?:the\s+)?(?:[\w≥≤<>=+/%.-]+\s+){0,5}?"
    r"(?:group|cohort|population|subgroup|subset|patients)\b",
    re.I,
)
_MID_POPULATION = re.compile(
    r"\b(?:in|among)\s+(?:the\s+)?(?:[\w≥≤<>=+/%.-]+\s+){0,5}?"
    r"(?:patients|pts|participants|subgroup|cohort|population|subset|disease|tumou?rs|responders"
    r"|those|children|adolescents|adults)\b"
    # who they are, said after them: "patients aged 70 or older", "subgroup of patients with X"
    r"(?P<whose>(?:\s+of\s+patients)?\s+(?:aged|with|without|older|younger)\b(?:(?!\d+\s?%|\d\.\d)[^,;()]){1,60})?",
    re.I,
)
_COUNTING = frozenset(
    [
        "in",
        "among",
        "the",
        "of",
        "a",
        "an",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "all",
        "both",
    ]
)


def _own_clause_part(before: str) -> tuple[int, str] | None:
    """Where and how the clause a figure ends names a part of the population mid-sentence
    ("..., and in CPS >=20 disease it was", "in the subgroup of patients aged 70 years or older
    (HR"), or None; ``before`` is the sentence up to the figure."""
    start = max((m.end() for m in _CLAUSE_SPLIT.finditer(before)), default=0)
    clause = before[start:]
    # not "in 8.2% of STRIDE patients": a figure and its arm; nor "0.45 in stage IIIB disease
    # and 0.70": the part of the value said before
    found = [
        m
        for m in _MID_POPULATION.finditer(clause)
        if not _AFTER_A_VALUE.search(clause[: m.start()])
    ]
    mid = [m for m in found if _names_a_part(_whom(m))]
    if mid:  # "..., and in CPS >=20 disease it was 14.7 vs 11.0 months"
        return start + mid[-1].start(), mid[-1].group(0)
    # who they are, said after them, right before the figure (not "in 12 patients with grade 3
    # rash": a count)
    whose = [m for m in found if m.group("whose")]
    if not whose:
        return None
    rest = clause[whose[-1].end() :]
    if len(rest.split()) <= 3 and not re.search(r"\d", rest + _whom(whose[-1])):
        return start + whose[-1].start(), whose[-1].group(0)
    return None


_AFTER_A_VALUE = re.compile(r"\d(?:\s*%|\s*(?:months?|mo|years?))?\)?\s*$")
_CLAUSE_SPLIT = re.compile(r";|, and |, while |, whereas |\band (?=in\b)")


def _whom(m: re.Match[str]) -> str:
    """A mid-sentence population's "in ... patients", without who they are said after it."""
    return m.group(0)[: m.start("whose") - m.start()] if m.group("whose") else m.group(0)


def _names_a_part(phrase: str) -> bool:
    """A mid-sentence "in ... patients" that names a part of the population: not a count ("in
    two patients"), nor a figure and its arm ("in 8.2% of STRIDE patients")."""
    if re.search(r"\d\s?%", phrase):
        return False
    words = re.findall(r"[^\s]+", phrase.casefold())[:-1]
    return any(w not in _COUNTING and not re.fullmatch(r"[\d,.]+", w) for w in words)


# a split of the population named ("subgroup analysis by histology", "By PD-L1 status,")
_SPLIT_NAMED = re.compile(
    r"\b(?:subgroups?|analys[ie]s|results?)\s+(?:by|according\s+to)\s+[\w-]+|^By\s+[\w-]+(?:\s+[\w-]+)?,",
    re.I,
)
# "in adenocarcinoma" right after a value: a few words up to the next value, clause or bracket
_PART_AFTER_VALUE = re.compile(
    r"^(?:in|among|for)\s+(?!the\s+(?:\w+\s+)?(?:arm|group)\b)"
    r"(?:(?!(?:and|vs|versus|but|while|whereas)\b)[\w-]+\s*){1,4}?"
    r"(?=\s*(?:,|;|\.|$|\(|\b(?:and|vs\.?|versus|but|while|whereas)\b))",
    re.I,
)
_BOUND_AFTER = re.compile(
    r"\s*(?:or|and)\s+(?:less|more|fewer|greater|lower|higher|above|below|over|under)\b", re.I
)
_PART_BEFORE_BRACKET = re.compile(
    # (not "in 12 patients with the combination (8%)": a count of them)
    r"(?<!\d )\b(?P<part>(?:(?:in|among)\s+)?(?:the\s+)?(?:(?!\d)[\w-]+\s+)?"
    r"(?:patients|pts|those|people|women|men|participants|cohort|subgroup|subset)\s+"
    r"(?:with|without|who|whose|aged|younger|older)\b[^(),;]{3,80}?)\s*$",
    re.I,
)
# ... or "patients with deletion 11q, where the HR was 0.108"
_IN_WHOM = re.compile(
    r"\b(?P<who>(?:(?:in|among)\s+(?:the\s+)?)?(?:\d+\s+)?(?:patients|pts|those|people|women|"
    r"men)\b[^,;]{0,60}),?\s+(?:(?:in|among|for|of)\s+(?:whom|which)|where)\b",
    re.I,
)
_LABEL_POPULATION = re.compile(
    r"\b(?:among|in|across|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:patients|population|participants|pts)\b",
    re.I,
)


# a head count of everyone, then of its parts: "Of the 1,096 patients (550 and 546), 847 had"
_WHOLE_BEFORE = re.compile(r"\b(?:of|among)\s+(?:the|these|all|all\s+the)\s*$", re.I)
# "overall" right after a value, said apart from a part's value: "45% overall and 60% in ..."
_OVERALL_AFTER = re.compile(
    r"\s*(?:\([^()]*\)\s*)?overall\b(?!\s*(?:survival|response|remission|rate|risk|\w+\s+rate))",
    re.I,
)
_PARTS_AFTER = re.compile(
    r"\s+(?:randomi[sz]ed\s+|enrolled\s+)?(?:patients|participants|pts)\b[^.;]*?,\s*[\d,]+\s+"
    r"(?:had|were|received|carried|harbou?red)\b",
    re.I,
)


def says_overall(sentence: str, fig: Figure) -> bool:
    """The figure is said of the whole trial's population: by its opening clause or the phrase
    after it ("Across all 1581 randomized patients, ...", "... in the ITT population") or by its
    table row ("All randomized | ..."). Numbers in the phrase do not matter."""
    if _WHOLE_BEFORE.search(sentence[: fig.start]) and _PARTS_AFTER.match(sentence, fig.end):
        return True  # "Of the 1,096 patients (...), 847 had ...": everyone, then a part
    if _OVERALL_AFTER.match(sentence, fig.end):
        return True  # "13.4 months overall and 21.1 months in IHC 3+ disease"
    candidates = _framing_phrases(sentence, fig)
    anaphora = _ANAPHORA.search(sentence[: fig.start])
    if anaphora:
        candidates.append(_referent(sentence, anaphora.start()) or "")
    said = [  # not a phrase said after a value in its clause: that value's own
        m
        for m in _LABEL_POPULATION.finditer(sentence[: fig.start])
        if not re.search(r"\d", re.split(r"[,;]", sentence[: m.start()])[-1])
    ]
    if said:  # "PFS among all randomized patients was 7.7 vs 6.9", to the end of its clause
        clause = sentence[said[-1].start() : fig.start]
        # (up to its first value: what follows that value is the value's own)
        candidates.append(re.split(r"[,;]|\d", clause, maxsplit=1)[0])
    if any(_POPULATION_WORD.search(p) and is_overall(p) for p in candidates):
        return True
    if _IN_TOTAL_BEFORE.search(sentence, 0, fig.start):
        return True  # "In total we randomised 75 patients: 28 in the pancreatic cohort, ..."
    including = _INCLUDING_AFTER.match(sentence, fig.end)
    if including and not _PART_BEFORE_INCLUDING.search(including.group("between")):
        return True  # "a 38.0% response rate in advanced endometrial carcinoma, including
        # patients with microsatellite-stable tumours": everyone's, the part among them
    closing = _OVERALL_CLOSING.search(sentence, fig.end)
    if closing and not _CLOSING_PART.search(sentence[fig.end : closing.start()]):
        return True  # "pCR was 2% in the taselisib arm and 1% in the placebo arm in the ITT
        # population": the whole list's
    if " | " in sentence:
        label = sentence.split(" | ", 1)[0].strip()
        # ("All randomized | ...", "pCR, ITT | ...": the label's part after its endpoint)
        plain = re.sub(r"\s*\([^()]*\)", "", label).split(",")
        return any(
            bool(_OVERALL.match(part)) and is_overall(part) and len(part.split()) <= 5
            for part in [label, *(p.strip() for p in plain[1:])]
        )
    return False


# the whole population said at the end of a sentence, after its values: "... and 1% in the
# placebo arm in the ITT population."
_OVERALL_CLOSING = re.compile(
    r"\b(?:in|among|across|for)\s+(?:the\s+)?(?:overall|whole|entire|intention[- ]to[- ]treat|"
    r"intent[- ]to[- ]treat|ITT|all[- ]comers|all\s+randomi[sz]ed)\s*(?:\(ITT\)\s*)?"
    r"(?:population|patients|participants|analysis\s+set)?\s*[.)]?\s*$",
    re.I,
)
# ... unless a clause about a part comes between: "..., while in PD-L1-positive patients ..."
_CLOSING_PART = re.compile(
    r";|\b(?:while|whereas|but|subgroup|cohort|patients\s+with|those\s+with)\b", re.I
)
# ... likewise before "including", or a part named by the patients it is ("in PD-L1-positive
# patients, including those with ...")
_PART_BEFORE_INCLUDING = re.compile(
    rf"{_CLOSING_PART.pattern}|\b(?:with|who|whose|among)\b"
    r"|\b(?:in|of)\s+(?!all\b|the\b)[\w+-]+(?:\s+[\w+-]+)?\s+(?:patients|pts|tumou?rs|disease)\b",
    re.I,
)
# everyone, said as a total in the figure's clause before it: "In total we randomised 75"
_IN_TOTAL_BEFORE = re.compile(r"\b(?:in total|in all|altogether)\b[^.;:]{0,40}$", re.I)
# a part said to be among those the figure is of: "..., including patients with MSS tumours"
_INCLUDING_AFTER = re.compile(
    r"(?P<between>[^.;]{0,120}?),?\s+including\s+(?:those|patients|pts|people|participants|"
    r"women|men|children)\b",
    re.I,
)


# a regimen's code ("AC-TH", "R-CHOP", "PCV", "A+AVD"): capitals, digits and joiners
_CODE = r"[A-Z][A-Za-z0-9]*(?:[-+/][A-Z0-9][A-Za-z0-9]*)*"
# ... used as an arm: "the PCV arm", "0.75 with TCH", "84% with AC-TH and 81% ...", "10.8
# months with FOLFOX4 alone"
_CODE_AS_ARM = (
    re.compile(rf"\b({_CODE})\s+arms?\b"),
    re.compile(
        rf"\d(?:\.\d+)?\s*(?:%|months?|years?)?\s+(?:with|for|on)\s+({_CODE})"
        r"(?=\s*(?:[,;.)]|and\b|vs\b|versus\b|alone\b|$))"
    ),
)
# not a regimen: a person's or a company's name ("Castanier-Roux", "AstraZeneca"), a stage
_NOT_A_CODE = re.compile(r"[a-z]{3}|^[IVX]+[A-C]?$")


def regimen_codes(text: str) -> list[str]:
    """The codes an article uses as arms' names ("84% with AC-TH", "the PCV arm"), in order
    of first use: two capitals at least, no vocabulary term or trial name (the caller drops
    those)."""
    found: dict[str, int] = {}
    for pattern in _CODE_AS_ARM:
        for m in pattern.finditer(text):
            code = m.group(1)
            if sum(c.isupper() for c in code) >= 2 and not _NOT_A_CODE.search(code):
                found.setdefault(code, m.start(1))
    return sorted(found, key=found.__getitem__)


def names_code(text: str, code: str) -> bool:
    """``text`` names the regimen ``code`` as a whole word: "AC-T" is not said by "AC-TH"
    (but "FOLFOX4-only" says "FOLFOX4", and "FOLFOXIRI-bev", "FOLFOXIRI/bev" say FOLFOXIRI
    with a drug's short name in lower case)."""
    after = r"(?![\w+])(?![-/](?!(?:only|alone)\b|[a-z]{3,}\b))"
    return re.search(rf"(?<![\w+/-]){re.escape(code)}{after}", text) is not None


def compared_with(text: str, code: str) -> bool:
    """``text`` compares with the regimen ``code`` ("Compared with AC-T", "versus PCV")."""
    tail = rf"(?:the\s+)?{re.escape(code)}(?![\w+/-])"
    return re.search(_COMPARED.pattern + tail, text, re.I) is not None


def names_drug(names: list[str], words: str) -> bool:
    """A name ("trastu", "trastuzumab") starts a word of ``words`` ("trastuzumab")."""
    folded = [w for w in re.findall(r"[\w-]+", words.casefold()) if len(w) >= 4]
    return any(len(e) >= 4 and any(w.startswith(e.casefold()) for w in folded) for e in names)


def names_arm(phrase: str, drugs: list[str], vocab: Vocabulary) -> bool:
    """The phrase names an arm: an arm term, a drug of the article, or "arm"/"group"."""
    if any(t.qualifier == "arm" for t in vocab.terms(phrase)):
        return True
    return names_drug(drugs, phrase) or bool(ARM_WORD.search(phrase))


def inherit_arms(
    sentences: list[tuple[int, str, list[Figure]]], drugs: list[str], vocab: Vocabulary
) -> list[list[Figure]]:
    """``sentences`` of one article in order, as (start offset, text, figures): the figures with
    the arms of lists that do not name them put in front of their scope ("with A; ...")."""
    out: list[list[Figure]] = []
    known: tuple[int, list[str]] | None = None
    for start, text, figs in sentences:
        figs = list(figs)
        if known and start - known[0] > _INHERIT_WITHIN:
            known = None
        for run in value_runs(text, figs):
            if len(run) < 2:
                continue
            arms = [arm_phrase(figs[r]) for r in run]
            named = [a for a in arms if a and names_arm(a, drugs, vocab)]
            compared_before = (
                _compared_before(text[: figs[run[0]].start], drugs, vocab)
                if len(run) == 2 and not any(arms)
                else []
            )
            if compared_before:
                # "A ... compared with B (n=243), with a median PFS of 12.8 months versus 7.1
                # months": the values in the order the arms were named
                for r, arm in zip(run, compared_before, strict=True):
                    figs[r] = replace(figs[r], scope=f"{arm}; {figs[r].scope}".strip("; "))
            elif all(a is not None for a in arms) and named:
                known = (start, [a for a in arms if a])
            elif (
                known
                and len(known[1]) == len(run)
                and not named
                and not _own_groups(text, [figs[r] for r in run], arms)
                # ("0.87 (...) for Arm B and 0.85 (...) for Arm C": each said with its letter)
                and not any(figure_arm_letters(text, figs[r]) for r in run)
            ):
                # (values each said with their own group, "0.14 in X and 0.20 in Y", keep it)
                for r, arm in zip(run, known[1], strict=True):
                    figs[r] = replace(figs[r], scope=f"{arm}; {figs[r].scope}".strip("; "))
        compared = _compared_arms(figs, drugs, vocab)
        if compared:
            known = (start, compared)
        out.append(figs)
    return out


_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?|over|against)\s+", re.I)


def _compared_before(text: str, drugs: list[str], vocab: Vocabulary) -> list[str]:
    """The two arms a sentence compares before its values, in order ("A significantly improved
    PFS compared with B, with ..."): ["with A", "with B"], each naming an arm; else empty."""
    found = list(_COMPARED.finditer(text))
    if len(found) != 1:
        return []
    m = found[0]
    # the first arm: the last clause before the comparison, from its first arm word
    clause = re.split(r",\s|;\s", re.sub(r"\([^()]*\)", " ", text[: m.start()]))[-1]
    words = re.findall(r"[\w+/-]+", clause)
    first = next((i for i, w in enumerate(words) if names_arm(w, drugs, vocab)), None)
    if first is None:
        return []
    last = max(i for i, w in enumerate(words) if names_arm(w, drugs, vocab))
    a = " ".join(words[first : last + 1])
    b = re.split(r"[,;(]", text[m.end() :])[0].strip()
    if not b or not names_arm(b, drugs, vocab) or re.search(r"\d", a + b):
        return []
    return [f"with {a}", f"with {b}"]


def _own_groups(text: str, figs: list[Figure], arms: list[str | None]) -> bool:
    """Values each said with a group of their own ("0.14 in X and 0.20 in Y"), not a pair
    said of one group ("28.8% vs 9.7% in the altered population")."""
    phrases = [population_phrase(text, f) for f in figs]
    return all(a or p for a, p in zip(arms, phrases, strict=True)) and len(set(phrases)) > 1


def _compared_arms(figs: list[Figure], drugs: list[str], vocab: Vocabulary) -> list[str]:
    """The arms of a sentence that gives one value per arm, each with its own arm ("77% of
    patients in the combination group ..., compared with 61% in the monotherapy group"), in
    order; else empty. The counts the values are of ("94% of the 782 treated patients") are
    no arm's values."""
    figs = [f for f in figs if f.endpoint != "enrollment"] or figs
    if len(figs) < 2 or len({f.unit for f in figs}) != 1:
        return []
    arms = [arm_phrase(f) for f in figs]
    if not all(a and names_arm(a, drugs, vocab) for a in arms) or len(set(arms)) != len(arms):
        return []
    return [a for a in arms if a]


def balanced(text: str) -> str:
    """Drop a dangling opening bracket and what follows it, and a dangling closing bracket and
    what follows it (a figure's words inside brackets end with them)."""
    for open_, close in (("(", ")"), ("[", "]")):
        if text.count(open_) > text.count(close):
            text = text[: text.rfind(open_)].rstrip(" ,")
        elif text.count(close) > text.count(open_):
            text = text[: text.find(close)].rstrip(" ,")
    return text


# arms named by a letter: "arm C", "Arm B:", "arms A and B", "arm C vs A", "(arm A)"
_LETTERED = re.compile(
    r"\b[Aa]rms?\s+([A-F])\b((?:\s*(?:vs\.?|versus|and|or|to|against|,|/|&)\s*(?:[Aa]rm\s+)?"
    r"[A-F]\b(?![-'’]))*)"
)
_NEXT_VALUE = re.compile(r"(?<![\w.])\d")
_CLAUSE_END = re.compile(r";|\.\s|,\s+(?:while|whereas|and)\s|\s(?:vs\.?|versus|compared)\s", re.I)


def arm_letters(text: str) -> frozenset[str]:
    """The letters that name arms in ``text`` ("arm C vs arm A", "arms A and B": A, B, C)."""
    letters: set[str] = set()
    for m in _LETTERED.finditer(text):
        letters.add(m.group(1))
        letters.update(re.findall(r"\b([A-F])\b", m.group(2)))
    return frozenset(letters)


def figure_arm_letters(sentence: str, fig: Figure) -> frozenset[str]:
    """The lettered arm whose value ``fig`` is: its table cell's header ("Arm B: concurrent
    cediranib (n=174): 9.9"); else the arm named after it before the next value or clause ("8.7
    months with placebo (arm A)"); else the one arm named before it since the previous value
    ("(arm C) lengthened median PFS to 11.0 months"). Empty when no letter says it."""
    if is_table_row(sentence):
        for head, value, offset in row_cells(sentence)[1]:
            if offset <= fig.start < offset + len(value):
                return arm_letters(head)
        return frozenset()
    after = sentence[fig.end :]
    # ("0.87 (95% CI, 0.72-1.07; P=.17) for Arm B": past the value's own bracket)
    bracket = re.match(r"\s*\([^()]*\)", after)
    after = after[bracket.end() :] if bracket else after
    stop = min(
        (m.start() for m in (_NEXT_VALUE.search(after), _CLAUSE_END.search(after)) if m),
        default=len(after),
    )
    own = arm_letters(after[:stop])
    if len(own) == 1:
        return own
    listed = _respective_letter(sentence, fig)  # "81%, 84% and 75% in arms A, B and C, resp..."
    if listed or own:
        return listed
    before = sentence[: fig.start]
    values = list(_NEXT_VALUE.finditer(before))
    since = before[values[-1].end() :] if values else before
    said = arm_letters(since)
    return said if len(said) == 1 else frozenset()


def _respective_letter(sentence: str, fig: Figure) -> frozenset[str]:
    """The letter a value of a "respectively" list takes by its place: "81%, 84%, 80% and 75%
    in arms A, B, C and D, respectively" gives 75% arm D."""
    m = _LETTERED.search(sentence, fig.end)
    if m is None or "respectively" not in sentence[m.end() : m.end() + 30]:
        return frozenset()
    order = [m.group(1), *re.findall(r"\b([A-F])\b", m.group(2))]
    values = list(_NEXT_VALUE.finditer(sentence, 0, m.start()))[-len(order) :]
    for letter, value in zip(order, values, strict=False):
        if value.start() == fig.start:
            return frozenset({letter})
    return frozenset()
