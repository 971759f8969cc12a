"""Figures in a sentence: each number with its unit, its attached CI or range, what it measures
(the endpoint) and the words that say whose figure it is (an arm, a subgroup).

General rules only: labelled statistics ("HR = 0.61", "P = .002"), parenthesised CIs and ranges
attached to the value before them, lists resolved with "respectively", and otherwise the nearest
endpoint term before the value.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from index.tables import is_table_row, row_cells
from index.vocabulary import Term, Vocabulary

_PERCENT_WORD = r"(?:percent|per\s?cent)"  # "54 percent", "54 per cent"
_MILLIGRAMS = r"milligrams?(?:\s+per\s+(?:kilogram|square\s+met(?:re|er)))?"  # spelled out
# a heparin's dose by weight: "200 IU per kilogram", "150 international units per kg"
_UNITS_PER_KG = r"(?:M?IU|international\s+units)\s+per\s+(?:kilogram|kg)"
_UNIT = (
    r"(?:\s?%|\s?-?(?:months?|mo|weeks?|wk|days?|years?)\b|\s?m?g/m(?:2|²)(?:/d(?:ay)?\b)?"
    r"|\s?(?:M?IU|units?)/(?:m(?:2|²)|kg)(?:/d(?:ay)?\b)?|\s?mg\s+per\s+(?:square\s+met(?:re|er)|kilogram|kg)\b"
    r"|\s?mg/kg|\s?mg\b"
    rf"|\s?(?:GBq|MBq|mCi|mcg|µg|μg|c?Gy)\b|\s?-?{_MILLIGRAMS}\b|\s{_UNITS_PER_KG}\b"
    rf"|\s(?:percentage|%)[\s-]points?\b|\s{_PERCENT_WORD}\b)"
)
# ("3.5 g/m2" of methotrexate, "250 mg/m2/day" of infused fluorouracil)
_DOSE_UNITS = (
    rf"(?:m?g/m(?:2|²)(?:/d(?:ay)?\b)?|(?:M?IU|units?)/(?:m(?:2|²)|kg)(?:/d(?:ay)?\b)?"
    r"|mg\s+per\s+(?:square\s+met(?:re|er)|kilogram|kg)|mg(?:/kg)?|GBq|MBq|mCi"
    rf"|mcg|µg|μg|c?Gy|{_MILLIGRAMS}|{_UNITS_PER_KG})"
)
_DOSE_UNIT = re.compile(rf"{_DOSE_UNITS}$", re.I)
# doses said without a unit of mass: carboplatin's "AUC 5", a cell therapy's "2 x 10^6" cells
_OTHER_DOSE = re.compile(r"\bAUC\s?\d+(?:\.\d+)?\b|(?<![\w.])\d+(?:\.\d+)?\s?[x×]\s?10\^?\d+\b")
# a dose given within a range: "150-200 mg/m²", "150 to 200 mg/m2"
_DOSE_RANGE = re.compile(
    rf"(?<![\w.\-/])\d+(?:\.\d+)?\s*(?:-|–|to)\s*\d+(?:\.\d+)?\s*{_DOSE_UNITS}(?![\w/])", re.I
)
# a dose as an arm's name carries it, with how often: "960 mg once daily", "3 mg/kg Q2W"
DOSE = re.compile(
    rf"\d+(?:[.,]\d+)?\s*{_DOSE_UNITS}(?![\w/])"
    r"(?:\s+(?:once|twice)\s+(?:a\s+)?(?:daily|day|weekly)|\s+(?:QD|BID|q\d+w|Q\d+W))?",
    re.I,
)
_VALUE = re.compile(
    rf"(?<![\w.\-/])(?:[<>≤≥]\s?)?(?:\d+(?:[.,]\d+)?|\.\d+){_UNIT}?(?![\w/]|-\w|\.\d)",
    re.IGNORECASE,
)
_LABELLED = re.compile(
    r"\b(?P<label>HR|hazard ratio(?: [\[(]HR[\])])?|OR|odds ratio(?: [\[(]OR[\])])?"
    r"|[Pp][- ]?values?|P"  # "a P value of 0.002", "the p-value was 0.03"
    r"|p(?=\s*[=<>≤]))"  # "p=0.016": a lower-case p only before its sign
    r"(?:\s*(?:=|,|:)\s*|\s*(?=[<>≤≥])|\s+(?:(?:for \w+ )?(?:was|of|is)\s+)?(?=\.?\d)"
    # "HR for progression, recurrence or death, 0.68": a decimal after what it is for
    r"|\s+for\s+[^\d();]{1,90}?(?:,\s*|\s+(?:was|of|is|were)\s+|\s+)(?=[<>≤≥]?\s?\d*\.\d))"
    r"(?P<value>[<>≤≥]?\s?(?:\d+(?:\.\d+)?|\.\d+))",
)
# the bound a non-inferiority comparison had to stay within: "a prespecified margin of 1.2",
# "the noninferiority margin for the hazard ratio was 1.429", "the NI margin was an HR for death
# of 1.3", "NI margin: 10 percentage points" (not "the upper limit of the 95% CI")
_MARGIN = re.compile(
    r"\b(?:(?:non-?inferiority|NI)\s+(?:margin|limit|boundary)|(?<![\w-])margin)\b"
    r"(?P<mid>[^\d;.()]{0,40}?)(?:\bof|\bwas|\bis|\bat|=|:)\W{0,3}\s*"
    r"(?P<value>\d+(?:\.\d+)?(?:\s*(?:%|percentage points?))?)",
    re.I,
)
# a non-inferiority criterion's bound said without the word margin: "non-inferior if the upper
# bound of the 95% CI for the HR stayed below 1.20", "... the upper bound falling below 1.429"
_BOUND_BELOW = re.compile(
    r"(?:\b(?:stay(?:ed|s)?|fall(?:ing|s)?|fell|be|remain(?:ed|s)?|lie|lay|lies|lying|was|were)\s+)?"
    r"\b(?:below|under|less\s+than)\s+(?P<value>\d+(?:\.\d+)?)(?!\d|\.\d|\s?%)",
    re.I,
)
_NI_CRITERION = re.compile(r"non-?inferior.*upper\s+(?:bound|limit)", re.I)
# a surgical margin and its status or rate: "R0 margin rate was 85%", "margin-negative"
_SURGICAL_MARGIN = re.compile(
    r"\b(?:resection|surgical|circumferential|negative|positive|clear|close|R[012])\s+margins?\b"
    r"|\b(?:rate|status|positiv|negativ|involve|clear)",
    re.I,
)
_NUMBER_WORD = r"(?:one|two|three|four)"
# an allocation ratio: "2:1", "1:1:1", "two to one"
_ALLOCATION = re.compile(
    rf"(?<![\w:.])\d(?::\d){{1,3}}(?![\w:.])|\b{_NUMBER_WORD}(?:\s+to\s+{_NUMBER_WORD}){{1,3}}\b",
    re.I,
)
_RANDOMIZED = re.compile(r"\brandom|\ballocat|\bassigned\b|\bratio\b", re.I)
_DETAIL_LEAD = re.compile(
    r"^\(\s*(?:\d+(?:\.\d+)?%\s*(?:CI|confidence interval)|CI|range|IQR|95%)", re.I
)
# a group's size in brackets: "(n = 32)", "(411 patients)"
_COUNT_LEAD = re.compile(
    r"^\(\s*(?:n\s*=|\d[\d,]*\s+(?:patients|pts|participants|subjects|men|women)\s*\))", re.I
)
# an arm's share of a randomisation: "1,500 patients 1:1: 742 to BrECADD and 758 to ..."
_ASSIGNED_TO = re.compile(
    r"\s+(?:were\s+(?:randomi[sz]ed|assigned|allocated)\s+)?to\s+(?!\d)", re.I
)
_PCT = rf"\d+(?:\.\d+)?(?:\s?%|\s{_PERCENT_WORD}\b)"
# "(67% vs 43%)", and the same of a grade: "(grade 3-4 in 5.6% vs 0%)", "(grade >=3: 12% vs 3%)"
GRADE_LEAD = r"(?:grades?|G)\s*[≥>=]*\s*\d(?:\s*(?:-|–|/|or|to)\s*\d)?\+?(?:\s+or\s+\w+)?"
# the arms' values in brackets ("(67% vs 43%)"), or one grade's ("(grade 3 or higher, 7.9%)")
# (an arm may follow each value: "(14% vs 6% with sorafenib)", "(21% on A vs 4% on B)")
_ARM_AFTER = r"(?:\s+(?:with|on|in|for)\s+[^()\d;,]{1,40}?)?"
_ARMS_IN_PARENS = re.compile(
    rf"^\(\s*(?:{GRADE_LEAD}\s*(?:in\b|:|,)?\s*{_PCT}(?:\s+(?:vs\.?|versus)\s+{_PCT})?"
    rf"|{_PCT}{_ARM_AFTER}\s+(?:vs\.?|versus)\s+{_PCT}{_ARM_AFTER})\s*\)$",
    re.I,
)
# each grade's value in brackets after an event: "(any grade 63.2%; grade ≥3, 6.8%)"
_GRADE_WORDS = rf"(?:any[\s-]grades?|all[\s-]grades?|{GRADE_LEAD})\s*(?:in\b|:|,)?\s*"
_GRADES_IN_PARENS = re.compile(
    rf"^\(\s*{_GRADE_WORDS}{_PCT}(?:\s*[;,]\s*{_GRADE_WORDS}{_PCT})+\s*\)$", re.I
)
_PAREN = re.compile(r"\([^()]*(?:\([^()]*\)[^()]*)*\)|\[[^\[\]]*\]")
_YEAR = re.compile(r"^(?:19[5-9]\d|20[0-3]\d)$")  # a year of trials (1950-2039), no count of 2091
_LIST_SPLIT = re.compile(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s+vs\.?\s+|\s+versus\s+")
_TRAILING_VERB = re.compile(
    r"\s*\b(?:were|was|of|in|at|to|from|occurred in|reported in|seen in|observed in|affecting|"
    r"included|respectively|reaching|with|for|by)\s*[,:]?\s*$",
    re.I,
)


def is_percent(value: str) -> bool:
    """A percentage, however written: "54%", "54 %", "54 percent", "54 per cent"."""
    return bool(re.search(rf"(?:%|{_PERCENT_WORD})\s*$", value, re.I))


@dataclass(frozen=True)
class Figure:
    """One reported number in a sentence; offsets are relative to the sentence."""

    value: str  # verbatim, with its unit: "30.1%", "7.2 months", "0.61", "< .001"
    start: int
    end: int
    detail: str  # verbatim CI/range parenthesis that belongs to the value, or ""
    endpoint: str | None  # canonical endpoint key from the vocabulary
    label: str  # the words naming what is measured
    scope: str  # the words right after the value (arm, subgroup, population)
    head: str = ""  # label of the first value of a list it belongs to ("x vs y", "x and y")
    unit_hint: str = ""  # a table cell's unit, said by its row or column header ("ORR, %")

    @property
    def unit(self) -> str:
        """What kind of number this is: percent, time, dose, count or number."""
        if self.unit_hint:
            return self.unit_hint
        v = self.value.casefold()
        if is_percent(v):
            return "percent"
        if _DOSE_UNIT.search(v) or _OTHER_DOSE.fullmatch(self.value):
            return "dose"
        if _ALLOCATION.fullmatch(self.value):
            return "allocation"
        if re.search(r"(?:month|mo|week|wk|day|year)s?$", v):
            return "time"
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", v.strip()):
            return "count"
        return "number"

    @property
    def text(self) -> str:
        return f"{self.value} {self.detail}".strip()


_PAIRED = re.compile(
    r"\s*(?:vs\.?|versus|and)\s+(?P<other>\d+(?:\.\d+)?\s?(?:months?|mos?|weeks?|years?|days?))\b",
    re.I,
)


def _hinted_unit(hints: dict[int, str], start: int) -> str:
    return _unit_of(hints[start]) if start in hints else ""


def _masked(sentence: str) -> tuple[str, list[tuple[int, int]]]:
    """The sentence with parentheses blanked (same length) and the parenthesis spans."""
    spans = [(m.start(), m.end()) for m in _PAREN.finditer(sentence)]
    chars = list(sentence)
    for s, e in spans:
        for i in range(s, e):
            chars[i] = " "
    return "".join(chars), spans


# the rest of a list of time points after one said without its unit: ", 2 and 3 years"
_TIMES_LISTED_AFTER = re.compile(
    r"(?:\s*,\s*\d+(?:\.\d+)?)*\s*,?\s+(?:and|or)\s+\d+(?:\.\d+)?\s*-?"
    r"(?:months?|mo|weeks?|wks?|years?|yrs?|days?)\b",
    re.I,
)


def _is_noise(sentence: str, start: int, end: int, raw: str) -> bool:
    digits = raw.strip("<>≤≥ ")
    if _YEAR.match(digits) or re.search(r"\d-(?:month|year|week|day)$", raw, re.I):
        return True  # "12-month OS rate": a landmark that describes the figure after it
    before = sentence[max(0, start - 12) : start].casefold()
    # (a dose per day is no time: "at 250 mg/m2/day")
    timed = re.search(r"(?:month|mo|week|wk|day|year|yr)s?$", raw.strip(), re.I) and not (
        DOSE.fullmatch(raw.strip())
    )
    if timed and re.search(
        r"\b(?:at|after|by|within|beyond|through|until|past)\s+(?:about\s+)?$", before
    ):
        return True  # "alive at 24 months", "after 36 months": a time point, not a result
    if timed and re.search(
        r"\b(?:at|after|by)\s+(?:\d+(?:\.\d+)?\s*(?:,\s*|\s+and\s+|\s+or\s+))+$|"
        r"\b(?:at least|up to)\s+$",
        sentence[max(0, start - 30) : start],
        re.I,
    ):
        return True  # "Survival at 3 and 4 years", "RBC-TI for at least 12 weeks": a window
    if (
        re.fullmatch(r"\d+(?:\.\d+)?", raw.strip())
        and _TIMES_LISTED_AFTER.match(sentence, end)
        and re.search(r"\b(?:at|after|by|within)\s+(?:\d+(?:\.\d+)?\s*,\s*)*$", sentence[:start])
    ):
        return True  # "at 1, 2 and 3 years": a time point listed before the one with its unit
    if re.search(
        r"\b(?:roughly|around|in the range of|on the order of|historically)\s+"
        r"(?:\d[\d.]*\s*%?\s*to\s+)?$",
        sentence[max(0, start - 30) : start],
        re.I,
    ):
        return True  # "median OS stuck at around 14 to 16 months": the field's, not a result
    if re.search(r"(?:year|yr|y)s?$", raw.strip(), re.I) and _AGED_BEFORE.search(
        sentence[max(0, start - 24) : start]
    ):
        return True  # "adults aged 18 to 75 years": an age, not a result
    # "phase 2", "grade 3", "1:1" ratios, "stage IV", "cycle 2", ECOG "0 or 1"
    if re.search(
        r"(?:phase|grade|grades|stage|cycle|cycles|line|lines|arm|cohort|part)\s*$", before
    ) and not (is_percent(raw) and re.search(r"(?:any|all)[\s-]grades?\s*$", before)):
        return True  # (but "any grade 63.2%" is a rate of any grade)
    if (
        is_percent(raw)
        and raw.lstrip()[:1] in "<>≤≥"
        and re.search(r"(?:[A-Z]{2}|\d|::)[\w:-]*\s*$", sentence[max(0, start - 16) : start])
    ):
        return True  # "BCR::ABL1 ≤0.1%", "HER2 >10%": a marker's cut-off defines, not reports
    if is_percent(raw) and re.match(
        r"\s*(?:CI\b|confidence interval|credible interval)", sentence[end:], re.I
    ):
        return True  # "with a 95% confidence interval of ...": the interval's level
    if is_percent(raw) and re.match(
        r"\s*(?:or (?:greater|higher|more|above)|and above|\+)", sentence[end:], re.I
    ):
        return True  # "PD-L1 1% or greater": a threshold that names a subgroup
    if is_percent(raw) and re.search(
        r"\b(?:expression|PD-L1|TPS|CPS|score)\s+(?:of\s+|level\s+)?(?:below|above|under|over|"
        r"at least|less than|greater than|[<>≤≥])?\s*$",
        sentence[max(0, start - 40) : start],
        re.I,
    ):
        return True  # "PD-L1 expression below 1%"
    return sentence[end : end + 1] == ":" or sentence[start - 1 : start] == ":"


# a P value that a test had to reach, not one it reached
_P_CRITERION = re.compile(
    r"\b(?:required?|requiring|threshold|boundary|alpha|α|significance level|needed|set at|"
    r"prespecified|pre-specified)\b[^.;]{0,30}\bP\s*(?:value\s*)?(?:of\s*)?[=]?\s*$",
    re.I,
)


# A biomarker score cut-off: "CPS >=5", "CPS5+", "TPS <1%", "a CPS of 10 or more", "PD-L1 >=50%",
# "PD-L1 expression below 1%", "PD-L1-negative", and a band of it: "PD-L1 1%-49%".
SCORE_CUT = re.compile(
    r"\b(?P<score>CPS|TPS|TAP|IC|PD-?L1(?:\s+(?:expression|TPS|TC|score))?"
    # ... and the scores said in words: "a combined positive score of 10 or more"
    r"|combined\s+positive\s+score(?:\s+\(CPS\))?|tumou?r\s+proportion\s+score(?:\s+\(TPS\))?)"
    r"\s*(?:at\s+)?"
    r"(?:(?P<lo>\d+)\s*%?\s*(?:-|–|to)\s*<?\s*(?P<hi>\d+)\s*%"
    r"|(?P<op>[<>≥≤]=?|of|>=|<=|below|under|less\s+than|above|over|at\s+least|greater\s+than)?"
    r"\s*(?P<n>\d+)\s*(?:%|\s?percent\b)?\s*(?P<plus>\+|or (?:more|higher|greater|above))?"
    r"|[\s-](?P<sign>negative|positive)\b)",
    re.I,
)
_BELOW = re.compile(r"^(?:<|≤|below|under|less)", re.I)


def score_cut_key(m: re.Match[str]) -> str:
    """ "cps>=5" for every way of typing a CPS of 5 or more; "cps<5" for below it; "pdl=1-49"
    for a band. Every way of naming PD-L1 expression is "pdl"."""
    score = m.group("score").casefold()
    score = "pdl" if score.startswith("pd") else score
    if " " in score:  # said in words: "combined positive score", "tumour proportion score"
        score = "cps" if score.startswith("combined") else "tps"
    if m.group("lo"):
        return f"{score}={m.group('lo')}-{m.group('hi')}"
    if m.group("sign"):  # "PD-L1-negative": below 1%; "positive": 1% or more
        return f"{score}<1" if m.group("sign").casefold() == "negative" else f"{score}>=1"
    op = (m.group("op") or "").strip()
    return f"{score}{'<' if _BELOW.match(op) else '>='}{m.group('n')}"


# A cut-off of another marker or measure that names a part of the population: "Ki-67 >=30%",
# "Ki-67 of 30% or higher", "PSADT <=6 mo", "PSADT of 6 months or less", "AFP >=400 ng/mL",
# "H-score >=10". (CPS, TPS and PD-L1 are SCORE_CUT's; ages are AGE_CUT's.)
# a chromosomal change named by its bands: "t(4;14)", "t(9;22)", "inv(16)" (not "del(17p)":
# articles write "17p deletion", and its words match)
KARYOTYPE = re.compile(r"(?<![\w-])(?:t|der|ins)\(\w{1,4};\w{1,4}\)|(?<![\w-])inv\(\w{1,4}\)", re.I)

MARKER_CUT = re.compile(
    r"(?P<marker>\b[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)?)\s+"
    r"(?:(?:score|level|levels|count|value|doubling\s+time)\s+)?(?:of\s+|at\s+)?"
    r"(?P<op>[<>≥≤]=?|at\s+least|above|over|below|under|less\s+than|greater\s+than|"
    r"more\s+than)?\s*(?P<n>\d+(?:\.\d+)?)\s*"
    r"(?:%|mo\b|months?\b|ng/ml\b|iu/ml\b|x\s*uln\b)?\s*"
    r"(?P<tail>or\s+(?:more|higher|greater|above|less|lower|below|fewer|shorter|longer))?",
    re.I,
)
_CUT_BELOW = re.compile(r"^(?:<|≤|below|under|less|lower|fewer|shorter)", re.I)
_NOT_MARKERS = frozenset(
    [
        "cps",
        "tps",
        "tap",
        "ic",
        "pd-l1",
        "pdl1",
        "age",
        "aged",
        "of",
        "at",
        "than",
        "in",
        "and",
        "or",
        "with",
        "to",
        "was",
        "were",
        "is",
        "hr",
        "ci",
        "p",
        "n",
        "grade",
        "cycle",
        "cycles",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "mo",
        "mg",
        "stage",
    ]
)


def marker_cut_key(m: re.Match[str]) -> str | None:
    """ "cut:ki67>=30" for every way of saying a Ki-67 of 30% or more, "cut:psadt<6" for a
    PSADT of 6 months or less; None without a comparator ("Ki-67 30") or for no marker."""
    op, tail = (m.group("op") or "").strip(), (m.group("tail") or "")[3:].strip()
    marker = re.sub(r"[^a-z0-9]", "", m.group("marker").casefold())
    if not (op or tail) or m.group("marker").casefold() in _NOT_MARKERS or len(marker) < 2:
        return None
    below = bool(_CUT_BELOW.match(op) or _CUT_BELOW.match(tail))
    return f"cut:{marker}{'<' if below else '>='}{m.group('n')}"


def marker_cuts(text: str) -> set[str]:
    """The cut-offs of markers ``text`` names (``marker_cut_key``)."""
    return {k for m in MARKER_CUT.finditer(text) if (k := marker_cut_key(m))}


# A performance status, however it is written: "ECOG 0", "ECOG PS 2", "PS 0-1", "an ECOG
# performance status of 0", "ECOG PS 0 or 1" (a comparator's cut-off, "PS >=2", is MARKER_CUT's)
PERFORMANCE_STATUS = re.compile(
    r"\b(?:ECOG(?:\s*(?:PS|performance[- ]status))?|(?:WHO\s+)?performance[- ]status|PS)"
    r"(?:\s+score)?(?:\s+of|\s*[=:])?\s*(?P<a>[0-4])"
    r"(?:\s*(?:-|–|/|or|to|and)\s*(?P<b>[0-4]))?(?![\d.%])",
    re.I,
)


def performance_statuses(text: str) -> set[str]:
    """ "ps:0", "ps:0-1": the performance statuses ``text`` names, however written."""
    return {
        f"ps:{m.group('a')}-{m.group('b')}" if m.group("b") else f"ps:{m.group('a')}"
        for m in PERFORMANCE_STATUS.finditer(text)
    }


# An immunohistochemistry score, however it is written: "IHC 3+", "IHC3+", "IHC 2+", "IHC 0 or
# 1+", "IHC 1+/2+" (a part of the population by its staining, as a performance status is)
IHC_SCORE = re.compile(
    r"\bIHC\s*(?P<a>[0-3])\+?(?:\s*(?:-|–|/|or|to|and)\s*(?P<b>[0-3])\+?)?(?![\d.%])", re.I
)


def ihc_scores(text: str) -> set[str]:
    """ "ihc:3", "ihc:0": the immunohistochemistry scores ``text`` names, however written (each
    of "IHC 0 or 1+" and of "IHC 3+ / 2+")."""
    return {f"ihc:{m.group(g)}" for m in IHC_SCORE.finditer(text) for g in "ab" if m.group(g)}


# A figure named with its unit: "8 mg/kg", "2mg/kg", "74 Gy", "24 months", "40%"
NAMED_VALUE = re.compile(
    r"(?<![\w.])(?P<n>\d+(?:\.\d+)?)\s?"
    r"(?P<unit>%|mg/kg|mg/m2|mg\b|c?Gy\b|months?\b|weeks?\b|years?\b)",
    re.I,
)


def named_value_key(m: re.Match[str]) -> str:
    """One spelling of a figure with its unit, however typed: "2mg/kg" and "2 mg/kg" are
    "2 mg/kg", "24 Months" is "24 month", "40 %" is "40%"."""
    unit = m.group("unit").casefold()
    if unit == "%":
        return f"{m.group('n')}%"
    return f"{m.group('n')} {unit[:-1] if unit.endswith('s') else unit}"


def is_dose(value: str) -> bool:
    """A value in a dose unit ("45 mg/m2", "74 gy": a key of ``named_values``)."""
    return _DOSE_UNIT.search(value) is not None


def named_values(text: str) -> set[str]:
    """The figures with units ``text`` names, one spelling each (``named_value_key``)."""
    return {named_value_key(m) for m in NAMED_VALUE.finditer(text)}


def size_bracket(sentence: str, fig: Figure) -> int | None:
    """Where the bracket opens that says ``fig`` is a group's size ("(n = 254)", "(411
    patients)"), or None."""
    bracket = sentence.rfind("(", 0, fig.start)
    if bracket < 0 or ")" in sentence[bracket : fig.start]:
        return None
    return bracket if _COUNT_LEAD.match(sentence[bracket:]) else None


def is_arm_size(sentence: str, fig: Figure) -> bool:
    """A count that is one arm's size, not the trial's: "(n = 254)", "(411 patients)", "742 to
    BrECADD" in a sentence that says how patients were randomised."""
    return size_bracket(sentence, fig) is not None or _assigned_count(sentence, fig.end, fig.value)


# A cohort or part named by a letter, alone or with another: "cohort A", "Cohorts A+B",
# "cohorts A and B" (case matters: "cohort a" is no name)
LETTERED_COHORT = re.compile(
    r"\b(?i:cohorts?|parts?)\s+(?P<a>[A-Z])(?:\s*(?:\+|&|/|(?i:and))\s*(?P<b>[A-Z]))?(?![\w+])"
)


def lettered_cohorts(text: str) -> set[str]:
    """The lettered cohorts ``text`` names: "cohort:a" for cohort A alone, "cohort:a+b" for
    cohorts A and B together."""
    return {
        f"cohort:{m.group('a').casefold()}"
        + (f"+{m.group('b').casefold()}" if m.group("b") else "")
        for m in LETTERED_COHORT.finditer(text)
    }


# An age cut-off: "<60 yo", "younger than 60 years", "aged 65 or older", ">=65 y".
AGE_CUT = re.compile(
    r"\b(?:aged\s+)?(?P<n4>\d{2})\s*(?:years?|yrs?|y)?(?:\s+of age)?\s+(?:or|and)\s+"
    r"(?:younger|less|below|under)\b"  # "aged 65 years or younger": the cut from below
    r"|(?P<below>\b(?:younger than|under|below|less than)\s+|[<≤]=?\s?)"
    r"(?P<n>\d{2}|\d(?=\s*(?:yo|y|yrs?|years?)\b))\b"  # ("under 2 years": a child's age)
    r"(?:\s*(?:yo|y|yrs?|years?)\b(?:\s+(?:old|of age))?)?"
    r"|(?P<above>\b(?:older than|over|aged|at least)\s+|[>≥]=?\s?)(?P<n2>\d{2})\b"
    r"(?:\s*(?:yo|y|yrs?|years?)\b(?:\s+(?:old|of age))?)?(?:\s+or\s+(?:older|above|more))?"
    r"|\b(?P<n3>\d{2})\s*(?:years?|yrs?|y)?(?:\s+of age)?\s+(?:or|and)\s+"
    r"(?:older|above|more|over)\b"
    r"|\b(?P<n5>\d{2})\+(?![\w+])",  # "pts 18+", after the patients
    re.I,
)


# "adults aged 18 to", "aged": the words before an age's number
_AGED_BEFORE = re.compile(r"\b(?:aged?|ages)\s+(?:\d{1,3}\s*(?:to|-|–|and)\s*)?$", re.I)
_AGE_WORDS = re.compile(r"\b(?:yo|y|yrs?|years?|age|aged|older|younger)\b", re.I)
_AGE_BEFORE = re.compile(
    r"\b(?:pts|patients|people|those|age|aged|women|men|children|adults|adolescents)\s*$", re.I
)


def _age_cut_spans(text: str) -> list[re.Match[str]]:
    return [
        m
        for m in AGE_CUT.finditer(text)
        if not re.match(r"\s?%|\.\d", text[m.end() :])
        and (_AGE_WORDS.search(m.group(0)) or _AGE_BEFORE.search(text[: m.start()]))
    ]


# the ages a trial took in, said where it names whom it took ("Eligible women were aged 55 years
# or older", "enrolled 448 patients aged 18 to 75", "adults up to 65 years of age"); not an age
# group's result ("among patients aged 65 or older, the HR was 0.70")
_TOOK_IN = re.compile(
    r"\b(?:eligib\w*|inclusion|enrol(?:l|led|ling|ment)?|recruited|accrued|included|"
    r"randomi[sz]ed|adults|required|limited to|restricted to)\b",
    re.I,
)
_AGE_RANGE = re.compile(
    r"\b(?:aged|ages?)\s+\d{2}\s*(?:-|–|to)\s*\d{2,3}(?:\s*(?:years?|yrs?))?(?:\s+(?:of age|old))?"
    r"|\bup to \d{2}\s*(?:years?|yrs?)(?:\s+(?:of age|old))?",
    re.I,
)
_AGE_GROUP_RESULT = re.compile(
    r"\b(?:HR|hazard ratio|odds ratio|among|subgroups?|stratifi\w*)\b", re.I
)


def _age_limits(sentence: str) -> list[tuple[int, int, str]]:
    """The ages a sentence says the trial took in: the cut-off or range after the words that
    say whom it enrolled, as (start, end, the words said)."""
    if _AGE_GROUP_RESULT.search(sentence):
        return []
    spans = [m.span() for m in (*_AGE_RANGE.finditer(sentence), *_age_cut_spans(sentence))]
    found: list[tuple[int, int, str]] = []
    for a, b in sorted(spans, key=lambda span: (span[0], -span[1])):
        if any(x <= a < y for x, y, _ in found):
            continue  # "aged 18 to 75" read once, not again as "aged 18"
        near = sentence[max(0, a - 30) : b + 30]
        if "%" not in near and _TOOK_IN.search(sentence[max(0, a - 100) : b + 100]):
            found.append((a, b, sentence[a:b].strip()))  # not "aged 65 or older made up 40%"
    return found


def age_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names an age cut-off ("aged 18 years and older"): no landmark."""
    return [m.span() for m in _age_cut_spans(text)]


def age_cuts(text: str) -> set[str]:
    """The age cut-offs ``text`` names: "age<60" for every way of saying younger than 60,
    "age>=65" for 65 or older. A bare "<60" counts only after "patients" or "age"."""
    found = set()
    for m in _age_cut_spans(text):  # not "<50%", "<60.5", "> 20 months"
        if m.group("n") or m.group("n4"):
            found.add(f"age<{m.group('n') or m.group('n4')}")
        else:
            found.add(f"age>={m.group('n2') or m.group('n3') or m.group('n5')}")
    return found


def extract_figures(sentence: str, vocab: Vocabulary) -> list[Figure]:
    """Every reported figure in ``sentence``, in order, with its endpoint and wording.
    Sentences repeat across questions, so their figures are remembered (figures are frozen)."""
    key = (id(vocab), sentence)
    found = _FIGURES_SEEN.get(key)
    if found is None:
        if len(_FIGURES_SEEN) > 20_000:
            _FIGURES_SEEN.clear()  # bound the memory
        found = _FIGURES_SEEN[key] = tuple(_extract_figures(sentence, vocab))
    return list(found)


_FIGURES_SEEN: dict[tuple[int, str], tuple[Figure, ...]] = {}


def _extract_figures(sentence: str, vocab: Vocabulary) -> list[Figure]:
    if is_table_row(sentence):
        return table_figures(sentence, vocab)
    masked, parens = _masked(sentence)
    # (a margin is the value _margins reads, no label of the values around it)
    terms = [t for t in vocab.terms(sentence) if t.kind == "endpoint" and t.key != NI_MARGIN]
    raw: list[tuple[int, int, str, str | None]] = []  # start, end, value, fixed endpoint
    taken: list[tuple[int, int]] = []

    margins = _margins(sentence)  # a design's bound, no result: read before a ratio's label
    raw += [(s, e, value, NI_MARGIN) for s, e, value in margins]
    taken += [(s, e) for s, e, _ in margins]
    limits = _age_limits(sentence)  # "Eligible women were aged 55 years or older"
    raw += [(s, e, value, AGE_LIMIT) for s, e, value in limits]
    taken += [(s, e) for s, e, _ in limits]
    _read_labelled(sentence, raw, taken)

    for m in _OTHER_DOSE.finditer(sentence):  # "carboplatin AUC 5", "2 x 10^6 CAR T cells"
        raw.append((m.start(), m.end(), m.group(0), "dose"))
        taken.append((m.start(), m.end()))
    for m in _DOSE_RANGE.finditer(sentence):  # "150-200 mg/m2": a dose adjusted within a range
        raw.append((m.start(), m.end(), m.group(0), "dose"))
        taken.append((m.start(), m.end()))

    # "randomized 2:1", "Randomisation was two to one": how patients were allocated
    if _RANDOMIZED.search(sentence):
        for m in _ALLOCATION.finditer(sentence):
            raw.append((m.start(), m.end(), m.group(0), "randomization ratio"))
            taken.append((m.start(), m.end()))

    # "with a 95% confidence interval of 31 to 57 months": an estimate's bounds, no figures
    taken.extend((m.start(), m.end()) for m in _CI_CLAUSE.finditer(sentence))
    # "CPS >=5", "younger than 65 years": who the figures are about, not figures
    cut_offs = [
        (m.start(), m.end()) for m in (*SCORE_CUT.finditer(sentence), *_age_cut_spans(sentence))
    ]
    hints: dict[int, str] = {}  # a value that shares the next value's unit: that value
    for m in _VALUE.finditer(sentence):
        s, e = m.start(), m.end()
        if any(a <= s < b for a, b in [*taken, *cut_offs]) or _is_noise(sentence, s, e, m.group(0)):
            continue  # "CPS >=5" is who, not a figure
        paren = next(((a, b) for a, b in parens if a < s < b), None)
        if paren is not None:
            given = _names_what_is_given(sentence[: paren[0]], vocab)
            kind = _bracketed_kind(sentence[paren[0] : paren[1]], m.group(0), given)
            if kind != "":  # "" is a figure of its own, read below
                if kind:
                    raw.append((s, e, m.group(0), kind))  # "(n = 32)": a group's size
                continue
        elif not re.search(_UNIT + "$", m.group(0), re.I):
            paired = _PAIRED.match(sentence, e)
            if paired:  # "14.7 vs 11.0 months": the unit said once for both
                hints[s] = paired.group("other")
            elif _assigned_count(sentence, e, m.group(0)) or _counted_part(
                sentence, s, e, m.group(0)
            ):
                raw.append((s, e, m.group(0), "enrollment"))  # "742 to BrECADD"
                continue
            elif not (
                _counts_patients(sentence, e)
                or _is_estimate(sentence, e, m.group(0))
                or _is_elided_ratio(sentence, s, e, m.group(0))
            ):
                continue
        raw.append((s, e, m.group(0), None))

    raw.sort()
    figures = _figures_of(sentence, masked, raw, terms, hints, vocab)
    return _graded(
        sentence, _with_heads(sentence, _respectively(sentence, masked, figures, vocab), vocab)
    )


def _read_labelled(
    sentence: str, raw: list[tuple[int, int, str, str | None]], taken: list[tuple[int, int]]
) -> None:
    """The ratios and P values a sentence labels ("HR 0.68", "P=.002"), into ``raw``, their
    spans into ``taken``; not a value already taken, nor a significance bar."""
    for m in _LABELLED.finditer(sentence):
        if any(a <= m.start("value") < b for a, b in taken):
            continue  # "the margin for the hazard ratio was 1.429"
        label = m.group("label")
        endpoint: str | None = "HR" if label.startswith(("HR", "hazard")) else "P value"
        if label.startswith(("OR", "odds")):
            endpoint = "odds ratio"
        if endpoint == "P value" and _P_CRITERION.search(
            sentence[max(0, m.start() - 60) : m.end("label")]
        ):
            taken.append((m.start(), m.end()))
            continue  # "the protocol required P<.0001 to declare significance": a bar, no result
        s, e = m.start("value"), m.end("value")
        raw.append((s, e, m.group("value"), endpoint))
        taken.append((m.start(), m.end()))
        # "HR was 0.14 in X and 0.20 in Y", "0.73 for A, 0.76 for B, and 0.26 for C": the
        # ratios listed after it, each with its own group
        for listed in _listed_ratios(sentence, e):
            raw.append((listed.start(), listed.end(), listed.group(0), endpoint))
            taken.append((listed.start(), listed.end()))


def _margins(sentence: str) -> list[tuple[int, int, str]]:
    """The non-inferiority margins a sentence states: "a prespecified margin of 1.2", or the
    bound its criterion says ("non-inferior if the upper bound ... stayed below 1.20"); not a
    surgical margin ("the R0 margin rate was 85%")."""
    found = [
        (m.start("value"), m.end("value"), m.group("value"))
        for m in _MARGIN.finditer(sentence)
        if not _SURGICAL_MARGIN.search(sentence[max(0, m.start() - 15) : m.start("value")])
    ]
    if _NI_CRITERION.search(sentence):
        found += [
            (m.start("value"), m.end("value"), m.group("value"))
            for m in _BOUND_BELOW.finditer(sentence)
            if not any(a <= m.start("value") < b for a, b, _ in found)
        ]
    return found


def _names_what_is_given(before: str, vocab: Vocabulary) -> bool:
    """The words before a bracket end with a drug's name or brand, a treatment or a phase of
    treatment ("lenalidomide", "ENHERTU", "radiotherapy", "rituximab maintenance"): a dose in
    the bracket is what is given."""
    last = re.search(r"([A-Za-z][\w-]*)\s*$", before)
    if last is None:
        return False
    return vocab.names_treatment(last.group(1)) or last.group(1).casefold() in vocab.brands


def _bracketed_kind(inner: str, value: str, given: bool = False) -> str | None:
    """What a value in brackets is: "enrollment" for a group's size ("(n = 32)", "(411
    patients)"), "" for a figure of its own (a lone value, "nausea (43.1%)", or the arms'
    values of the endpoint just named, "neuropathy (67% vs 43%)"), None for no figure."""
    if _COUNT_LEAD.match(inner) and _is_whole(value):
        return "enrollment"
    if _DETAIL_LEAD.match(inner) or _COUNT_LEAD.match(inner):
        return None
    radiation = re.search(r"\dc?Gy$", value.replace(" ", ""))  # "site (21.6 Gy, with a boost)"
    if (
        _DOSE_UNIT.search(value)
        and re.match(rf"\(\s*{re.escape(value)}", inner)
        and (given or radiation)
    ):
        # "lenalidomide maintenance (10 mg on days 1-21)": the dose given (not "36 mg/m2 on
        # days 1, 2 (20 mg/m2 on days 1 and 2 of cycle 1)", the first cycle's exception, nor
        # "1050 mg intravenously (1400 mg for body weight >=80 kg)", another group's)
        return ""
    lone = (
        len(_VALUE.findall(inner)) == 1
        or _ARMS_IN_PARENS.match(inner)
        or _GRADES_IN_PARENS.match(inner)
    )
    return "" if lone and is_percent(value) else None


def _assigned_count(sentence: str, end: int, value: str) -> bool:
    """ "742 to BrECADD" in a sentence saying how patients were randomised: an arm's size."""
    return bool(
        _RANDOMIZED.search(sentence) and _ASSIGNED_TO.match(sentence, end) and _is_whole(value)
    )


def _counted_part(sentence: str, start: int, end: int, value: str) -> bool:
    """ "220 patients were randomised: 112 in the BRCA cohort ...": a part's head count, listed
    after the count of everyone."""
    head = _HEAD_COUNT.search(sentence, 0, start)
    return bool(
        _is_whole(value)
        and _IN_PART.match(sentence, end)
        and head
        and _INTAKE.search(sentence, 0, head.end())
    )


# the part a head count is of: "in the BRCA cohort", "in each arm", "in the pancreatic group"
_IN_PART = re.compile(
    r"\s+(?:were\s+)?in\s+(?:the\s+|each\s+)?(?:[\w+/-]+\s+){0,3}?"
    r"(?:cohorts?|arms?|groups?|subgroups?|strat(?:um|a)|populations?)\b",
    re.I,
)
# a count of everyone said before it: "In total 220 patients were randomised:"
_HEAD_COUNT = re.compile(
    r"\b\d[\d,]*\s+(?:patients|pts|participants|subjects|women|men|children)\b[^.;:]*:", re.I
)
# ... as a trial's intake: randomised, enrolled, included (not "events occurred in 12 patients")
_INTAKE = re.compile(r"\b(?:random|enrol|accru|includ|total|assign|allocat|regist)", re.I)


def _is_whole(value: str) -> bool:
    """A head count as written: "742", "1,500"."""
    return value.strip().replace(",", "").isdigit()


def _figures_of(
    sentence: str,
    masked: str,
    raw: list[tuple[int, int, str, str | None]],
    terms: list[Term],
    hints: dict[int, str],
    vocab: Vocabulary,
) -> list[Figure]:
    """The values found, in order, each with the words before and after it and its endpoint."""
    # (a number whose unit is said after the next, "6 versus 12 months", is no head count)
    kinds = [_kind_endpoint(sentence, r[0], hints.get(r[0], r[2])) for r in raw]
    # "94% of the 782 treated patients in the combination arm": the count a share is of does
    # not end the share's words (its arm follows the count)
    counted = {
        i
        for i, (s, e, _, _) in enumerate(raw)
        if _SHARE_OF.search(sentence, 0, s) and _counts_patients(sentence, e)
    }
    figures: list[Figure] = []
    for i, (s, e, value, fixed) in enumerate(raw):
        detail = _detail_after(sentence, e)
        prev_end, next_start = _bounds(raw, kinds, i, len(sentence), counted)
        after = e + len(detail) + (1 if detail else 0)
        label = " ".join(masked[prev_end:s].split()).strip(" ,;:")
        # the words after a value up to the next, within its clause ("0.50 (95% CI, 0.33-0.77);
        # in all patients it was 0.68": the second clause is the next value's)
        scope = sentence[after:next_start].split(";", 1)[0].strip(" ,;:")
        endpoint = (
            fixed
            or kinds[i]
            or _nearest_endpoint(terms, s, e, hints.get(s, value), sentence, vocab)
        )
        figures.append(
            Figure(value, s, e, detail, endpoint, label, scope, unit_hint=_hinted_unit(hints, s))
        )
    return figures


def _bounds(
    raw: list[tuple[int, int, str, str | None]],
    kinds: list[str | None],
    i: int,
    length: int,
    counted: AbstractSet[int] = frozenset(),
) -> tuple[int, int]:
    """Where the words before the ``i``-th value start (the end of the value before) and where
    the words after it end (the start of the next). A dose or schedule is part of what a later
    figure describes, not a boundary; nor does it end the words after one: "3.9 months for those
    given drug A 240 mg plus drug B" is the figure of drug A 240 mg plus drug B. A dose's own
    words end at the next dose ("400 mg/m2 loading dose followed by 250 mg/m2")."""
    prev = [r for r, k in zip(raw[:i], kinds[:i], strict=True) if k not in _DESCRIPTORS]
    own = kinds[i]
    later = [
        r
        for j, (r, k) in enumerate(zip(raw[i + 1 :], kinds[i + 1 :], strict=True), start=i + 1)
        if (own in _DESCRIPTORS or k not in _DESCRIPTORS) and not (j == i + 1 and j in counted)
    ]
    return (prev[-1][1] if prev else 0), (later[0][0] if later else length)


def _with_heads(sentence: str, figures: list[Figure], vocab: Vocabulary) -> list[Figure]:
    """Values listed together ("6.2% of A vs 3.3% of B") share the first one's label."""
    out = list(figures)
    for run in value_runs(sentence, figures):
        if len(run) < 2:
            continue
        first = figures[run[0]]
        for idx in run[1:]:
            f = figures[idx]
            if f.endpoint in (None, first.endpoint) and not any(
                t.kind == "endpoint" for t in vocab.terms(f.label)
            ):
                out[idx] = Figure(
                    f.value,
                    f.start,
                    f.end,
                    f.detail,
                    first.endpoint,
                    f.label,
                    f.scope,
                    head=first.label,
                )
    return out


def _graded(sentence: str, figures: list[Figure]) -> list[Figure]:
    """The values in a grade's brackets after an event's ("hyperglycemia occurred in 58.6% vs
    8.6% (grade 3-4 in 5.6% vs 0%)") are that event's too, of that grade: their label is the
    event's words and the grade's."""
    out = list(figures)
    for m in _PAREN.finditer(sentence):
        inner = m.group(0)
        before = [f for f in figures if f.end <= m.start()]
        inside = [i for i, f in enumerate(figures) if m.start() < f.start < m.end()]
        if _GRADES_IN_PARENS.match(inner) and inside:
            # "neuropathy (any grade 63.2%; grade ≥3, 6.8%)": each value of its own grade, of
            # the event named since the value before the brackets
            since = before[-1].end if before else 0
            event = sentence[since : m.start()].strip(" ;,)").removeprefix("and ").strip()
            at = m.start() + 1
            for i in inside:
                own = sentence[at : figures[i].start].strip(" ;,")
                out[i] = replace(figures[i], label=f"{event} {own}", head="")
                at = figures[i].end
            continue
        if not (_ARMS_IN_PARENS.match(inner) and re.match(rf"\(\s*{GRADE_LEAD}", inner, re.I)):
            continue
        if not before or not inside:
            continue
        event = before[-1].head or before[-1].label
        label = f"{event} {sentence[m.start() + 1 : figures[inside[0]].start]}".strip()
        for n, i in enumerate(inside):
            f = figures[i]
            out[i] = replace(f, label=label if n == 0 else f.label, head="" if n == 0 else label)
    return out


# what describes the figures around it without bounding their words: "512 patients were
# randomized 1:1 to maintenance" is the count of those randomized to maintenance
_DESCRIPTORS = ("dose", "schedule", "randomization ratio")


def _kind_endpoint(sentence: str, start: int, value: str) -> str | None:
    """Endpoints given by the value's own form: a dose, a schedule, a head count."""
    if _DOSE_UNIT.search(value):
        return "dose"
    if _ALLOCATION.fullmatch(value):
        return "randomization ratio"
    if re.search(r"\b(?:every|each|q)\s*$", sentence[:start], re.I):
        return "schedule"
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", value.strip()):
        return "enrollment"
    return None


def _is_estimate(sentence: str, end: int, value: str) -> bool:
    """A unitless decimal with its own CI ("of 0.60 (95% CI, 0.47-0.77)", "it was 0.35, with a
    confidence interval of 0.21 to 0.58"): a ratio estimate."""
    return "." in value and bool(
        _detail_after(sentence, end) or _CI_IN_WORDS_AFTER.match(sentence, end)
    )


def _is_elided_ratio(sentence: str, start: int, end: int, value: str) -> bool:
    """A ratio's value said again for another part, its label left out ("Node-positive
    patients had an HR of 0.81 and node-negative patients 0.88")."""
    return bool(
        _BARE_RATIO.fullmatch(value)
        and _RATIO_THEN_JOIN.search(sentence[:start])
        and not _UNIT_OR_RANGE_AFTER.match(sentence, end)
    )


_BARE_RATIO = re.compile(r"[01]?\.\d+")
# a ratio labelled, its value, then a joining word and only words up to the next value
_RATIO_THEN_JOIN = re.compile(
    r"\b(?:HRs?|hazard\s+ratios?|ORs?|odds\s+ratios?)\b[^\d;]{0,20}[01]?\.\d+\b"
    r"[^\d;]{0,120}?\b(?:and|while|whereas|but)\b[^\d;()]{0,60}$",
    re.I,
)
# (nor a value the words after it name: "0.530 was the P value")
_UNIT_OR_RANGE_AFTER = re.compile(
    r"\s*(?:%|[-–]\s*\d|to\s+\d|months?\b|mo\b|years?\b)|\s+(?:was|is|were|are)\b", re.I
)


_CI_IN_WORDS_AFTER = re.compile(
    r"\s*,?\s*(?:with\s+)?(?:an?\s+|its\s+)?(?:\d+(?:\.\d+)?\s*(?:%|percent)\s+)?"
    r"(?:confidence\s+interval|CI)\b",
    re.I,
)


_SHARE_OF = re.compile(r"\d\s*(?:%|percent|per cent)\s+of\s+(?:the\s+|all\s+)?$")


def _counts_patients(sentence: str, end: int) -> bool:
    """A head count: "1,096 patients", or a part of the patients counted just before ("Of the
    1,096 patients (...), 847 had intermediate- or poor-risk disease"); not a proportion said
    in words ("roughly 1 in 4 patients", "one in five patients")."""
    if _ONE_IN.search(sentence[: end - len(_last_number(sentence[:end]))]):
        return False
    return bool(
        re.match(
            r"\s+(?:[\w-]+\s+){0,2}(?:patients|participants|subjects|people|women|men|adults)\b",
            sentence[end:],
        )
        or (
            _PART_OF_PATIENTS_BEFORE.search(sentence[: end - len(_last_number(sentence[:end]))])
            and _PART_VERB_AFTER.match(sentence, end)
        )
        or (  # "; 477 were then randomised 1:1" (not "a score of 2 to 5 were randomised")
            _RANDOMIZED_AFTER.match(sentence, end)
            and len(_last_number(sentence[:end]).replace(",", "")) >= 2
            and not re.search(r"(?:\bto|\band|\bor|[-–])\s*[\d,]+$", sentence[:end])
        )
    )


_ONE_IN = re.compile(r"\b(?:\d+|one|two|three|four)\s+(?:in|out\s+of)\s+$", re.I)
_RANDOMIZED_AFTER = re.compile(
    r"\s+(?:were|was)\s+(?:then\s+|subsequently\s+|ultimately\s+|eventually\s+|later\s+)?"
    r"(?:randomi[sz]ed|randomly\s+assigned|enrolled|assigned|allocated|accrued)\b",
    re.I,
)


def _last_number(text: str) -> str:
    m = re.search(r"[\d,]+$", text)
    return m.group(0) if m else ""


_PART_OF_PATIENTS_BEFORE = re.compile(
    r"\b(?:of|among)\s+(?:the|these|those|all)?\s*[\d,]+\s+"
    r"(?:randomi[sz]ed\s+|enrolled\s+|treated\s+)?(?:patients|participants|pts)\b[^.;]*,\s*$",
    re.I,
)
_PART_VERB_AFTER = re.compile(r"\s+(?:had|were|received|carried|harboured|harbored)\b", re.I)


# A time point counted in weeks: "at week 48", "by wk 12", "96-week update", "MMR wk48";
# not a schedule or a duration ("every 3 weeks", "for 52 weeks", "within 6 weeks")
_WEEK_POINT = re.compile(
    r"(?<![\w-])(?:weeks?|wks?)[\s-]*(?P<a>\d{1,3})\b|(?<![\w.-])(?P<b>\d{1,3})[\s-]*(?:weeks?|wks?)\b",
    re.I,
)
_NOT_A_POINT = re.compile(
    r"(?:every|each|q|for|up\s+to|within|over|than|of|first|last|to|-|–)\s*$", re.I
)


_RATIO = re.compile(r"(?<![\w.,-])\d?\.\d{1,3}(?![\d%]|\.\d|\s*(?:-|–|to)\s*\d)")
_LIST_GAP = re.compile(
    # "0.64 with AC-TH (95% CI, 0.53-0.78; P<0.001) and 0.75 with TCH": its group, its CI
    r"^(?:\s+(?:in|for|among|with)\s[^;()]{1,70}?)?(?:\s*\([^()]*\))?(?:,\s*(?:and\s+)?|\s+and\s+)$"
    # "0.50 (95% CI, 0.33-0.77); in all patients it was 0.68": the next group's, said anew
    r"|^(?:\s*\([^()]*\))?\s*[;,]\s*(?:and\s+|while\s+|whereas\s+)?(?:in|among|for)\s"
    r"[^;()]{1,70}?\s(?:it|the\s+(?:HR|hazard\s+ratio|ratio))\s+was\s+$",
    re.I,
)


def _listed_ratios(sentence: str, end: int) -> list[re.Match[str]]:
    """Bare ratios listed after a labelled one at ``end``: each after a group phrase and a list
    joiner ("... in patients with X, 0.76 in Y, and 0.26 in Z"), none after a unit or a CI."""
    found: list[re.Match[str]] = []
    at = end
    while True:
        m = _RATIO.search(sentence, at)
        while m is not None and sentence.count("(", at, m.start()) > sentence.count(
            ")", at, m.start()
        ):
            m = _RATIO.search(sentence, m.end())  # a bound or P value inside the brackets
        if m is None or not _LIST_GAP.match(sentence[at : m.start()]):
            return found
        if re.match(r"\s*(?:was|is|,)?\s*(?:the\s+)?P\b", sentence[m.end() :], re.I):
            return found  # "... and 0.530 was the P value"
        found.append(m)
        at = m.end()


_SCHEDULE = re.compile(
    r"\b(?:daily|weekly|every|q\d+w|BID|QD|TID|twice|once|orally|intravenously|IV|"
    r"subcutaneously|per day|a day|on days?)\b",
    re.I,
)


def schedule_after(sentence: str, end: int) -> str:
    """How a dose is given, said right after it ("100 mg orally twice daily"), verbatim up to
    the next comma, semicolon or bracket; else ""."""
    m = re.match(r"[^,;:()\[\].]{1,60}", sentence[end:])
    if not m or not _SCHEDULE.search(m.group(0)):
        return ""
    text = m.group(0)
    days = _DAY_LIST.match(text)  # "on days 1 and 8": a list of days is one schedule
    kept = days.end() if days else 0
    said = (
        text[:kept]
        + re.split(
            r"\s(?:in|until|for|with|plus|and|followed|achieved|was|were|is|led|produced|showed)\s",
            text[kept:],
        )[0]
    )
    # (another dose or a rate said after it, in a day list's words or else in the clause)
    if re.search(r"\d[.,]\d|%", said) or re.search(r"\d+\s*(?:%|mg)", said if days else text):
        return ""
    if not _SCHEDULE.search(said):
        return ""
    # the same dose said another way in brackets: "10 mg daily (5 mg twice daily)"
    again = _DOSE_AGAIN.match(sentence, end + len(said.rstrip()))
    return said.rstrip() + (again.group(0) if again else "")


_DAY_LIST = re.compile(r"\s*on\s+days?\s+\d+(?:\s*,\s*\d+)*\s+and\s+\d+\b", re.I)
_DOSE_AGAIN = re.compile(r"\s*\(\s*\d+(?:\.\d+)?\s*mg\b[^()]{0,30}\)")


def week_points(text: str) -> list[tuple[int, int]]:
    """The time points ``text`` names in weeks, as (offset, week), in order."""
    points = []
    for m in _WEEK_POINT.finditer(text):
        if _NOT_A_POINT.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        points.append((m.start(), int(m.group("a") or m.group("b"))))
    return points


_CI_CLAUSE = re.compile(
    r"[\s,;:—–-]{0,4}(?:with\s+)?(?:(?:a|an|the|its)\s+)?"
    r"(?:\d{2}(?:\.\d+)?\s*(?:%|percent\b|per\s?cent\b)\s*)?"
    r"(?:CI|confidence interval)\b[^\d.<>]{0,25}?[<>]?\d*\.?\d+\s*(?:to|-|–|—)\s*\d*\.?\d+",
    re.I,
)


def ci_after(sentence: str, end: int) -> str:
    """The confidence interval said right after a value without brackets, verbatim: ", with a
    95% confidence interval of 0.46 to 0.87" or "; 95% CI, 0.56-0.82" (else "")."""
    m = _CI_CLAUSE.match(sentence, end)
    return m.group(0) if m else ""


def _detail_after(sentence: str, end: int) -> str:
    m = re.match(r"\s*(\([^()]*(?:\[[^\]]*\][^()]*)*\))", sentence[end:])
    if m and _DETAIL_LEAD.match(m.group(1)):
        return m.group(1)
    return ""


_RISK_REDUCED_BY = re.compile(
    r"\b(?:reduc|lower|cut|decreas|halv)\w*\s+(?:the\s+)?(?:relative\s+)?(?:risk|hazard|odds)\s+"
    r"of\s+[^.;()%]{1,80}?\bby\s+(?:about\s+|approximately\s+|nearly\s+|almost\s+|roughly\s+)?$",
    re.I,
)
_RISK_REDUCTION_AFTER = re.compile(
    r"\s*(?:relative\s+)?(?:reduction|decrease|lower|drop)\b[\w\s]{0,12}\brisk\b", re.I
)


# ", and" right before a value: a new clause opens on it
_AND_THEN_VALUE = re.compile(r",\s+and\s+$")


def _nearest_endpoint(
    terms: list[Term], start: int, end: int, value: str, sentence: str, vocab: Vocabulary
) -> str | None:
    """The endpoint named nearest before the value that is reported in the value's unit
    ("median age ... of enrolled patients was 64 years" is an age, not an enrollment), and not
    a framing one when the clause names another ("discontinuation from adverse events: 6.2%")."""
    if is_percent(value) and _RISK_REDUCTION_AFTER.match(sentence[end:]):
        return "risk reduction"  # "a 28% reduction in the risk of death"
    if is_percent(value) and _RISK_REDUCED_BY.search(sentence[max(0, start - 120) : start]):
        return "risk reduction"  # "reduced the risk of death by 31%"
    unit = _unit_of(value)
    if unit == "time" and _treatment_duration(sentence, start, end, vocab):
        return "treatment duration"  # "12 months of trastuzumab": how long it was given
    right_after = [t for t in terms if 0 <= t.start - end <= 1]
    if right_after and _fits(right_after[0].key, unit, vocab):
        return right_after[0].key  # "the 41.0% ORR and 77.5% disease control rate"
    before = [t for t in terms if t.end <= start]
    fitting = [t for t in before if _fits(t.key, unit, vocab)]
    # "The durable response rate (response lasting at least 6 months) was 30.2%": a bracket
    # that says what an endpoint named before it means names no endpoint of its own
    outside = [t for t in fitting if not _in_closed_bracket(sentence, t, start)]
    if outside and len(outside) < len(fitting):
        fitting = outside
    breaks = list(_CLAUSE_BREAK.finditer(sentence, 0, start))
    # ("... in 62.0% of patients, and 17.6% of patients discontinued": a clause that opens on
    # its value)
    breaks += list(_AND_THEN_VALUE.finditer(sentence, 0, start))[-1:]
    breaks.sort(key=lambda m: m.start())
    if fitting and breaks and fitting[-1].end <= breaks[-1].start():
        # "Dose reductions were needed in 33%, while 6% of patients ... discontinued": a new
        # clause that names its own endpoint after the value reports that one
        clause_end = _CLAUSE_BREAK.search(sentence, end)
        own = [
            t
            for t in terms
            if t.start >= end
            and (clause_end is None or t.end <= clause_end.start())
            and _fits(t.key, unit, vocab)
            and t.kind == "endpoint"
        ]
        if own:
            return own[0].key
    if fitting and _OTHER_RATE.search(sentence[fitting[-1].end : start]):
        return None  # "The 5-year OS rate was 19% ..., despite a crossover rate of 47%"
    if fitting:
        nearest = fitting[-1]
        frame = _framing(fitting, sentence, vocab)
        if frame is not None:
            return frame
        if nearest.key in vocab.context_endpoints:
            clause_start = max(sentence.rfind(";", 0, start), sentence.rfind(". ", 0, start))
            framed = [
                t
                for t in fitting
                if t.start > clause_start and t.key not in vocab.context_endpoints
            ]
            if framed:
                return framed[-1].key
        return nearest.key
    if before:
        return before[-1].key
    if _SHARE_OF_POPULATION.match(sentence, end):
        return None  # "Patients with stage IV disease, about 64% of the population, had ..."
    if is_percent(value) and any(vocab.is_event(t.key) for t in vocab.terms(sentence[:start])):
        # "Liver-related adverse events occurred in 27%, ... and ILD in 2%": an adverse
        # event's rate, not of the endpoint a later item names
        return None
    after = [
        t
        for t in terms
        if t.start >= start
        and _fits(t.key, unit, vocab)
        and sentence[end : t.start].count("(") <= sentence[end : t.start].count(")")
    ]
    return after[0].key if after else None


def _in_closed_bracket(sentence: str, term: Term, start: int) -> bool:
    """``term`` is said inside a bracket closed before ``start``."""
    opened = sentence.rfind("(", 0, term.start)
    if opened < 0 or sentence.rfind(")", opened, term.start) >= 0:
        return False
    closed = sentence.find(")", term.end, start)
    return closed >= 0


def _treatment_duration(sentence: str, start: int, end: int, vocab: Vocabulary) -> bool:
    """A time that says how long a treatment was given: "12 months of trastuzumab", "six
    months of adjuvant chemotherapy", or the second of two durations compared as arms ("a DFS
    event with 6 versus 12 months")."""
    paired = _VERSUS_TIME.match(sentence, end)  # "6 months or 12 months of trastuzumab"
    of = _OF_TREATMENT.match(sentence, paired.end() if paired else end)
    if of:  # what the time is of says what it is ("6 months of follow-up": no treatment's)
        return vocab.names_treatment(of.group("t"))
    if paired and _DURATION_LEAD.search(sentence[:start]):
        return True  # "a DFS event with 6 versus 12 months": the first of the two
    return bool(_DURATIONS_COMPARED.search(sentence[:start]))


_DURATION_LEAD = re.compile(r"\b(?:with|for|receiving|given)\s+$", re.I)
_VERSUS_TIME = re.compile(
    r"\s*(?:months?|mos?|years?|weeks?)?\s*(?:vs\.?|versus|or|compared\s+with)\s+"
    r"\d+(?:\.\d+)?\s?(?:months?|mos?|weeks?|years?)\b",
    re.I,
)
# "12 months of (adjuvant) trastuzumab": the word of the treatment after "of"
_OF_TREATMENT = re.compile(
    r"\s+of\s+(?:the\s+|an?\s+|planned\s+|standard\s+)?(?P<t>[A-Za-z][\w-]*)", re.I
)
# "with 6 versus 12 months", "for 3 or 6 months": durations compared as the arms; "91.1% with
# 6 months": a duration named right after a rate, its arm
_DURATIONS_COMPARED = re.compile(
    r"\b(?:with|for|of|receiving|given)\s+(?:\d+|three|six|nine|twelve)\s+"
    r"(?:versus|vs\.?|or|compared\s+with)\s*$|\d\s*%\s+(?:with|after)\s+$",
    re.I,
)


# a rate of something the vocabulary does not name, right before the value: "a crossover rate
# of", "the screening failure rate was"
_OTHER_RATE = re.compile(
    r"\b(?!(?:the|a|an|its|their|overall|response|survival|event|objective|landmark|median|"
    r"year|month|\d+-\w+)\b)[a-z][a-z-]{3,}\s+rates?\s+(?:of|was|were|is|reached)\s+$",
    re.I,
)
# where a sentence starts a new clause with its own subject: "..., while 6% of patients ..."
_CLAUSE_BREAK = re.compile(r",?\s+(?:while|whereas)\s+|;\s+", re.I)
# a share of the trial's people, not an endpoint said after it
_SHARE_OF_POPULATION = re.compile(r"\s*%?\s*of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?population\b", re.I)
_FRAMES = re.compile(r"\s*(?:for|of|in)\s*(?:the\s+)?$", re.I)


def _framing(fitting: list[Term], sentence: str, vocab: Vocabulary) -> str | None:
    """A framing endpoint said just before the nearest one ("median follow-up for PFS"): the
    value measures the frame."""
    if len(fitting) < 2:
        return None
    frame, nearest = fitting[-2], fitting[-1]
    if frame.key in vocab.frame_endpoints and _FRAMES.fullmatch(
        sentence[frame.end : nearest.start]
    ):
        return frame.key
    return None


def _unit_of(value: str) -> str:
    return Figure(value, 0, 0, "", None, "", "").unit


def _fits(endpoint: str, unit: str, vocab: Vocabulary) -> bool:
    """A value of ``unit`` can report ``endpoint`` (a percentage reports a time-to-event
    endpoint as its landmark rate)."""
    expected = vocab.units.get(endpoint)
    if expected is None or expected == unit:
        return True
    return unit == "percent" and endpoint in vocab.landmark_endpoints


_LIST_JOINER = re.compile(r"\b(?:and|or|vs\.?|versus)\b|/|;", re.I)


def _respectively(
    sentence: str, masked: str, figures: list[Figure], vocab: Vocabulary
) -> list[Figure]:
    """Give each value of "A and B were x and y, respectively" its own item of the list.

    The list of values is the one right before the word "respectively"; its items are the words
    before that list. When those words hold no such list (the arms were named earlier: "... x% of
    A vs y% of B; grade 3 events: z% and w%, respectively"), the values are left as they are.
    """
    if len(figures) < 2:
        return figures
    out = list(figures)
    runs = value_runs(sentence, figures)
    protected = _protect_terms(masked, vocab.terms(sentence))
    for word in re.finditer(r"respectively", sentence, re.I):
        before = [r for r in runs if figures[r[-1]].end <= word.start()]
        after = [r for r in runs if figures[r[0]].start >= word.end() and len(r) >= 2]
        if before and len(before[-1]) >= 2:
            targets = [before[-1]]  # "... were x and y, respectively"
        elif after:
            targets = [r for r in after if len(r) == len(after[0])]  # "A and B, respectively, were"
        else:
            continue
        run = targets[0]
        width = len(run)
        head_start = 0
        if run[0] > 0:
            prev = figures[run[0] - 1]
            head_start = prev.end + len(prev.detail) + (1 if prev.detail else 0)
        head = protected[head_start : figures[run[0]].start]
        head = re.sub(r",?\s*respectively,?", "", head, flags=re.I)
        head = _TRAILING_VERB.sub("", head)
        items = [
            i.strip().replace("\x00", " ")
            for i in _LIST_SPLIT.split(head)
            if i and i.strip(" \x00")
        ]
        if len(items) < width or not _LIST_JOINER.search(head):
            # "x, y and z in the combination, encorafenib and vemurafenib arms, respectively":
            # the items after the values, each value's own
            _items_after(sentence, figures, run, word.start(), out)
            continue  # "at 4 years, the IDFS rates were x and y, respectively": no list of items
        items = items[-width:]
        named = [any(t.kind == "endpoint" for t in vocab.terms(i)) for i in items]
        if (any(named) and not all(named)) or any(_NO_ITEM.search(i) for i in items):
            # "57% with A vs 48% with B, and the 5-year OS rate was 45% vs 36%, respectively",
            # "..., and at 5 years the rates were x and y": an arm and what is measured are no
            # list of items; the arms were named before
            continue
        for n, target in enumerate(targets):
            last = figures[target[-1]]
            end = figures[targets[n + 1][0]].start if n + 1 < len(targets) else len(sentence)
            if figures[target[-1]].end <= word.start():
                end = word.start()
            scope = sentence[last.end + len(last.detail) + 1 : end].strip(" ,;:.")
            for item, idx in zip(items, target, strict=True):
                item_terms = [t for t in vocab.terms(item) if t.kind == "endpoint"]
                endpoint = item_terms[-1].key if item_terms else None
                f = figures[idx]
                out[idx] = Figure(f.value, f.start, f.end, f.detail, endpoint, item, scope)
    return out


# what an item of a list never says: the rates or medians its values are ("at 5 years the rates")
_NO_ITEM = re.compile(r"\b(?:rates?|medians?)\b", re.I)


def _items_after(
    sentence: str, figures: list[Figure], run: list[int], until: int, out: list[Figure]
) -> None:
    """The values of ``run`` said before their items ("62%, 49% and 41% in the combination,
    encorafenib and vemurafenib arms, respectively"): each value's scope becomes its item."""
    last = figures[run[-1]]
    tail = sentence[last.end + len(last.detail) : until]
    lead = _ITEMS_LEAD.match(tail)
    if lead is None:
        return
    items = [i.strip() for i in _LIST_SPLIT.split(tail[lead.end() :].strip(" ,;")) if i.strip()]
    if len(items) != len(run) or not _LIST_JOINER.search(tail):
        return
    if not all(_NAMING_WORD.search(i) for i in items):
        return  # "for patients with and without liver metastases": one group said twice
    for n, (item, idx) in enumerate(zip(items, run, strict=True)):
        # as the sentence says it: "for the combination", then "osimertinib"
        out[idx] = replace(
            out[idx], scope=f"{lead.group(0).strip(' ,')} {item}" if n == 0 else item
        )


_NAMING_WORD = re.compile(r"\b(?!(?:with|without|patients|those|pts)\b)[A-Za-z][\w+-]{3,}", re.I)
# the words that open a list of the groups the values are of: "in the", "among", "for"
_ITEMS_LEAD = re.compile(r"\s*,?\s*(?:in|among|for|with|of)\s+(?:the\s+)?", re.I)


def _protect_terms(text: str, terms: list[Term]) -> str:
    """Join the words of each vocabulary term so a list split cannot cut "grade 3 or 4"."""
    chars = list(text)
    for t in terms:
        for i in range(t.start, t.end):
            if chars[i] == " ":
                chars[i] = "\x00"
    return "".join(chars)


def value_runs(sentence: str, figures: list[Figure]) -> list[list[int]]:
    """Groups of values joined only by commas, "and" or "vs" (one list of values each)."""
    runs: list[list[int]] = [[0]]
    for i in range(1, len(figures)):
        prev = figures[i - 1]
        gap = sentence[prev.end + len(prev.detail) + (1 if prev.detail else 0) : figures[i].start]
        gap = re.sub(r"\([^)]*\)", "", gap)
        # the first value's arm between the two: "53% in the A arm compared with 37% ..."
        gap = re.sub(
            r"^\s*(?:of|in|with|among|for|on|to)\b[\w\s'+/-]{0,60}?"
            r"(?=\s(?:vs\.?|versus|and|or|to|compared (?:with|to))\s*$)",
            "",
            gap,
        )
        if re.fullmatch(
            r"\s*(?:,|and|,\s*and|or|to|vs\.?|versus|of patients,?|,?\s*compared (?:with|to))?\s*",
            gap,
            re.I,
        ):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


# ---------------------------------------------------------------- table rows

_CELL_VALUE = re.compile(
    r"(?<![\w.])(?:[<>≤≥]\s?)?(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\.\d+)(?:\s?%)?"
)
# a cell's CI or range in brackets: "(0.34-0.70)", "(95% CI 0.34-0.70)", "(95.03% CI, 0.34-0.70;
# P<0.001)"
_CELL_RANGE = re.compile(
    r"^\s*[(\[]\s*(?:(?:\d+(?:\.\d+)?\s*%\s*)?(?:CI|confidence\s+interval)\s*[,:]?\s*)?"
    r"[<>≤≥]?\s?\d*\.?\d+\s*(?:-|–|—|to|,)\s*\d*\.?\d+\s*(?:;[^()\[\]]*)?[)\]]",
    re.I,
)
_PERCENT_HEAD = re.compile(r"%|\bpercent|\brate\b", re.I)
_TIME_WORDS = r"(?:months?|mos?|weeks?|wks?|years?|yrs?)"
_TIME_HEAD = re.compile(rf"\b{_TIME_WORDS}\b", re.I)
_TIME_AFTER = re.compile(rf"\s?-?{_TIME_WORDS}\b", re.I)  # "28.7 mo": said after the value
# "840 mg", "3200 mg/m²": a dose's unit said after a cell's value
_DOSE_AFTER = re.compile(rf"\s?{_DOSE_UNITS}(?![\w/])", re.I)


def _cell_unit(words: str, value: str, after: str = "") -> str:
    if is_percent(value):
        return "percent"
    if _DOSE_AFTER.match(after):
        return "dose"
    if _TIME_AFTER.match(after):
        return "time"
    if re.search(r"\bHR\b|hazard ratio|odds ratio|\bOR\b", words):
        return "number"
    if re.search(r"\bn\b\s*\(%\)", words):
        return ""  # "n (%)": the count first, the percentage in brackets
    if _TIME_HEAD.search(words):
        return "time"
    if _PERCENT_HEAD.search(words):
        return "percent"
    return ""


def table_figures(sentence: str, vocab: Vocabulary) -> list[Figure]:
    """The figures of a table row line ("Median OS, months | Drug X: 16.4 | Sorafenib: 13.8").

    Each cell's first number is its figure (a cell listing arms, "15.7 vs 11.8" under "Median
    OS (pembro vs placebo)", gives one per arm); a bracketed range after it is its CI. What is
    measured is named by the row label or the column header, whichever names an endpoint (the
    header first: "ORR, %" over a row that names an arm); the other one says whose figure it is
    and becomes the figure's scope."""
    label, cells = row_cells(sentence)
    if len(cells) == 1 and _is_prose(cells[0][1]):
        # "Dose-dense arm | Detail: Paclitaxel 80 mg/m2 on days 1, 8 and 15": a table of
        # features and their descriptions; its cell is read as prose after its label (padded
        # so that every figure keeps its place in the row)
        return _extract_figures(f"{label}:".ljust(cells[0][2]) + cells[0][1], vocab)
    label_terms = [t for t in vocab.terms(label) if t.kind == "endpoint"]
    # "12-month PFS rate (primary analysis, 13.5-mo follow-up)": an aside names no endpoint
    asides = [m.span() for m in re.finditer(r"\([^()]*\)", label)]
    outside = [t for t in label_terms if not any(a <= t.start < b for a, b in asides)]
    label_terms = outside or label_terms
    figures = _framing_asides(label, asides, vocab)
    for head, value_text, offset in cells:
        if len(cells) > 1 and _is_prose(value_text) and (not head or _is_prose(head)):
            # "DIGEST | Gastrointestinal Oncology | Summary of ... (ACT II): a randomised,
            # phase 3 trial": a part in words under no column's header (a page's running
            # header, its parts set apart by bars) is read as prose
            figures += _extract_figures(value_text.rjust(offset + len(value_text)), vocab)
            continue
        values = [v for v in _CELL_VALUE.finditer(value_text) if not _YEAR.match(v.group(0))]
        if not values or _NOT_REACHED_CELL.match(value_text):
            continue  # ("Not reached (16.9 months-NE)": its numbers are a CI's, no median)
        sides = _sides(head, value_text)
        labels = _label_sides(label, value_text)
        if len(values) > 1 and len(sides) == len(values):
            pairs = list(zip(values, sides, strict=True))
        else:
            pairs = [(values[0], "")]
        if len(values) > 1 and not sides and len(labels) == len(values):
            # "6-month / 12-month OS | T-DXd 5.4 mg/kg: 87.9% / 67.0%": each value its label's
            for m, own in zip(values, labels, strict=True):
                terms = [t for t in vocab.terms(own) if t.kind == "endpoint"]
                figures.append(_cell_figure(own, terms, head, value_text, offset, m, "", vocab))
            continue
        for m, side in pairs:
            figures.append(
                _cell_figure(label, label_terms, head, value_text, offset, m, side, vocab)
            )
        # "HR (95% CI); P value: 0.75 (0.49-1.17); P=0.21": the cell's P value after its HR
        for p in _CELL_P.finditer(value_text, values[0].end()):
            start, end = offset + p.start("v"), offset + p.end("v")
            figures.append(Figure(p.group("v"), start, end, "", "P value", f"{label} P", head))
    return figures


def _framing_asides(label: str, asides: list[tuple[int, int]], vocab: Vocabulary) -> list[Figure]:
    """The figures of a row label's asides that frame its values ("Median PFS, final analysis
    (median follow-up 63 months)": a follow-up of its own, no cell's)."""
    figures: list[Figure] = []
    for a, b in asides:
        if any(t.key in vocab.frame_endpoints for t in vocab.terms(label[a:b])):
            aside = _extract_figures(label[a + 1 : b - 1].rjust(b - 1), vocab)
            figures += [f for f in aside if f.endpoint in vocab.frame_endpoints]
    return figures


_NOT_REACHED_CELL = re.compile(r"\s*(?:not\s+reached|not\s+estimable|NR|NE)\b", re.I)


def _is_prose(cell: str) -> bool:
    """A cell written in words ("637 women at 85 centres in Japan"), not a figure with its
    CI or unit ("16.4 (95% CI, 14.0-18.9)", "22.8 months"); or a drug and its dose ("T-DXd
    6.4 mg/kg IV every 3 weeks")."""
    return len(re.findall(r"[A-Za-z]{3,}", cell)) >= 4 or bool(_NAMED_DOSE.search(cell))


# a dose after the name of what is given: "T-DXd 6.4 mg/kg", "cisplatin 75 mg/m2"
_NAMED_DOSE = re.compile(
    r"[A-Za-z][\w-]*[A-Za-z]\s+\d+(?:\.\d+)?\s*(?:mg|mcg|µg|g|Gy|IU|kBq)\b", re.I
)


# a cell's value said as a P value: "P = .006", "P<"
_P_BEFORE = re.compile(r"(?<![\w.])P\s*[=<>≤]?$", re.I)
# its value as prose gives it: "0.21" of "P=0.21", "<0.001" of "P<0.001"
_CELL_P = re.compile(r"(?<![\w.])P\s*(?:=\s*|(?=[<>≤]))(?P<v>[<>≤]?\s?0?\.\d+)", re.I)


_SIDES = re.compile(r"\s+(?:vs\.?|versus)\s+", re.I)


_SLASH = re.compile(r"\s+/\s+")


def _sides(head: str, value_text: str) -> list[str]:
    """What each value of a cell that lists several belongs to: the arms of "15.7 vs 11.8"
    under "Median OS (pembro vs placebo)", or the columns of "92% / 19%" under "Placebo, any
    grade / grade >=3" (each with the header's lead, "Placebo, grade >=3")."""
    if _SIDES.search(value_text):
        return _SIDES.split(_bracketed(head))
    if _SLASH.search(value_text) and _SLASH.search(head):
        parts = _SLASH.split(head)
        lead = parts[0][: parts[0].rfind(", ") + 2] if ", " in parts[0] else ""
        return [parts[0], *(lead + p for p in parts[1:])]
    return []


def _label_sides(label: str, value_text: str) -> list[str]:
    """What each value of a cell "87.9% / 67.0%" is, when the row's label lists as many time
    points the same way ("6-month / 12-month OS": "6-month OS", "12-month OS")."""
    if not _SLASH.search(value_text):
        return []
    m = _SLASHED_POINTS.search(label)
    if not m:
        return []
    points = re.split(r"\s*/\s*", m.group(0))
    return [label[: m.start()] + p.strip() + label[m.end() :] for p in points]


# time points listed with slashes: "6-month / 12-month", "1-year/2-year/3-year"
_SLASHED_POINTS = re.compile(
    r"\b\d+[- ]?(?:months?|mo|years?|yrs?|y|weeks?|wk)(?:\s*/\s*\d+[- ]?(?:months?|mo|years?|"
    r"yrs?|y|weeks?|wk))+\b",
    re.I,
)


def _bracketed(head: str) -> str:
    """The arms a header lists in brackets ("Median OS, months (pembro vs placebo)")."""
    m = re.search(r"\(([^()]*\b(?:vs\.?|versus)\b[^()]*)\)", head)
    return m.group(1) if m else head


def _cell_figure(
    label: str,
    label_terms: list[Term],
    head: str,
    value_text: str,
    offset: int,
    m: re.Match[str],
    side: str,
    vocab: Vocabulary,
) -> Figure:
    """One value of a table cell; ``side`` is its arm when the cell lists the arms."""
    # "Effect: HR 0.72": the statistic the cell names before its value is what it holds
    before = value_text[: m.start()].strip()
    head = f"{head} {before}".strip() if before else head
    head_terms = [t for t in vocab.terms(head) if t.kind == "endpoint"]
    # "PFS HR (95% CI)": the statistic is what the cell holds, the endpoint what it is about;
    # under "HR (95% CI) / P", a cell "P = .006" holds the one it names
    named = {t.key for t in vocab.terms(before) if t.key in STAT_KEYS}
    head_terms.sort(key=lambda t: (t.key not in STAT_KEYS, t.key not in named))
    # (a caption's "randomized comparison" or "enrolled" names no endpoint of the row's cells)
    label_terms = [t for t in label_terms if t.key != "enrollment"] if head_terms else label_terms
    if head_terms and (not label_terms or head_terms[0].key in STAT_KEYS):
        endpoint, what, who = head_terms[0].key, head, label
    elif label_terms:
        endpoint, what, who = label_terms[-1].key, label, head
    else:
        endpoint, what, who = None, f"{label} {head}", ""
    if _P_BEFORE.search(before):
        endpoint, what, who = "P value", head, label
    if endpoint in STAT_KEYS and (
        (label_terms and label_terms[-1].key not in STAT_KEYS) or len(head_terms) > 1
    ):
        what = f"{label} {head}"  # "OS | HR (95% CI): 0.78": the HR of OS
    if side:
        who = side if who in ("", head) else f"{side}; {who}"
    # "6.1 years": the cell's time unit is part of its value, as it is in prose
    timed = _TIME_AFTER.match(value_text, m.end())
    value_end = timed.end() if timed and not is_percent(m.group(0)) else m.end()
    # ... and so is its dose unit: "Dose: 840 mg IV, day 1"
    dosed = None if is_percent(m.group(0)) else _DOSE_AFTER.match(value_text, m.end())
    value_end = dosed.end() if dosed else value_end
    detail_m = _CELL_RANGE.match(value_text[value_end:])
    detail = detail_m.group(0).strip() if detail_m else ""
    unit = _cell_unit(f"{label} {head}", m.group(0), value_text[m.end() :])
    start, end = offset + m.start(), offset + value_end
    value = value_text[m.start() : value_end]
    return Figure(value, start, end, detail, endpoint, what, who, unit_hint=unit)


STAT_KEYS = ("HR", "P value", "odds ratio")
# the vocabulary's endpoint of a non-inferiority margin, a design's figure that _margins reads
NI_MARGIN = "NI margin"
AGE_LIMIT = "age limit"  # the ages a trial took in
RANDOMIZATION_RATIO = "randomization ratio"  # the vocabulary's endpoint of the arms' ratio
ENROLLMENT = "enrollment"  # ... and of the trial's size
