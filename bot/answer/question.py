"""What a question asks: the endpoint, the qualifiers (arm, subgroup, setting), the named trials
and drugs, and the other words that must be matched."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from index.figures import (
    ENROLLMENT,
    KARYOTYPE,
    MARKER_CUT,
    NAMED_VALUE,
    NI_MARGIN,
    RANDOMIZATION_RATIO,
    SCORE_CUT,
    age_cuts,
    ihc_scores,
    lettered_cohorts,
    marker_cut_key,
    named_value_key,
    performance_statuses,
    score_cut_key,
    week_points,
)
from index.vocabulary import Term, Vocabulary

# Endpoints that are statistics about another endpoint: asked together ("HR for OS"), the
# statistic is what to answer and the other endpoint says which one.
STATISTICS = ("HR", "P value", "odds ratio", NI_MARGIN)
# The vocabulary group of the control arm (placebo, "alone", comparator)
CONTROL_ARM = "control"

_TIME_TO = re.compile(r"\btime\s+to\b", re.I)
# at a time point, asked for something other than a share: a median, a ratio, a P value, a time
_NOT_A_SHARE = re.compile(
    r"\bmedian|\bmean\b|\baverage\b|\bscores?\b|\bhow\s+long\b|\bratio\b|\bHR\b|\bP\b|"
    r"\bp-?value|\btime\s+to\b|\bfollow",
    re.I,
)
_NUMERIC_INTENT = re.compile(
    r"\b(?:how many|how much|how long|how often|how common|how frequent|how frequently|incidence|"
    r"what percentage|what proportion|what share|"
    r"what fraction|rate|percent|proportion|share|(?<!NCT\s)(?<!registry\s)number of)\b"
    r"|(?<![\w#])(?<!NCT\s)#\s?of\b"  # "# of TNBC pts", not "NCT # of"
    r"|(?:^|\bwhat\s+|\bthe\s+)%\s*(?:of\b|pts\b|patients\b)",  # "what % of pts", "% of pts"
    re.I,
)
# "the most common TRAEs", "which AEs led to discontinuation": the names of events, not a rate
_NAMES_INTENT = re.compile(
    r"\bmost (?:common|frequent|frequently reported)\b|\bwhich\b|\bwhat (?:kinds?|types?) of\b",
    re.I,
)
# the kind of number a question's words ask for: "what proportion made it to surgery" (a share,
# not a dose), "how long" (a time), "how many" (a count, or the share said with it)
_UNIT_INTENTS = (
    (
        re.compile(
            r"\bhow (?:long|soon)\b|\bduration\b|\bhow many (?:months|weeks|years|days)\b", re.I
        ),
        frozenset({"time"}),
    ),
    (
        # ("what % of pts"; not a cut-off the question names, "Ki-67 >=20%")
        re.compile(r"\bwhat (?:proportion|percentage|share|fraction)\b|(?<!\d)%|\bpercent", re.I),
        frozenset({"percent"}),
    ),
    # a limit ("the maximum number of prior lines allowed") is a number, never a share
    (
        re.compile(r"\b(?:max(?:imum)?|min(?:imum)?)\.?\s+(?:number|no\.?|#)", re.I),
        frozenset({"count", "number"}),
    ),
    # events counted ("how many IBTR events", "number of PFS events"): a count, never the
    # share of patients who had one
    (
        re.compile(r"\b(?:how many|number of)\s+(?:[\w/-]+\s+){0,3}?events\b", re.I),
        frozenset({"count", "number"}),
    ),
    # a count said as one ("how many local recurrences (n)?") or of the patients a trial took
    # in ("how many eligible pts were analysed"): never the share beside it
    (
        re.compile(
            r"\(n\)|\bhow many\s+(?:(?:eligible|evaluable)\s+)?(?:pts|patients|women|men|"
            r"participants|subjects)\s+(?:were|was)\s+(?:analy[sz]ed|enrolled|randomi[sz]ed|"
            r"included|accrued)\b",
            re.I,
        ),
        frozenset({"count", "number"}),
    ),
    (
        re.compile(r"\bhow many\b|\bnumber of\b|(?<![\w#])#\s?of\b", re.I),
        frozenset({"count", "percent", "number"}),
    ),
    (re.compile(r"\brates?\b", re.I), frozenset({"percent"})),  # "primary endpoint rate"
)
# "mOS on the 45 arm", "the 90 group": an arm named by its dose, typed without the unit
_DOSE_LEVEL_ARM = re.compile(
    r"(?<![\w.])(\d{1,4}(?:\.\d+)?)\s+(?P<dose>(?:dose|dose[- ]level)\s+)?(?:arm|group|cohort)\b",
    re.I,
)
_BARE_DOSE = re.compile(
    r"\b([A-Za-z][\w-]{3,})\s+(\d{2,4})(?![\d.,%/-]|\s*(?:mg|mcg|µg|g|gy|mo|m|months?|yrs?|"
    r"years?|y|wks?|weeks?|days?|d|pts|patients)\b)",
    re.I,
)
# a median asked ("median OS", "mPFS") is a time, never a landmark's rate
_MEDIAN = re.compile(r"\b[Mm]edian\b|\bm(?:OS|PFS|EFS|DFS|RFS|DoR|DOR|TTP)\b")


def _median_asked(text: str, landmark: re.Match[str] | None) -> bool:
    """Whether the question asks for a median: "median", or "mOS" not right after a landmark
    ("2y mPFS" is a rate of modified PFS)."""
    for m in _MEDIAN.finditer(text):
        right_after = (
            landmark
            and landmark.end() <= m.start()
            and re.fullmatch(r"[\s-]*", text[landmark.end() : m.start()])
        )
        if m.group(0).casefold() == "median" or not right_after:
            return True
    return False


_RATE = re.compile(r"\brates?\b|%|\bpercent|\bproportion\b", re.I)
# "drugA + drugB", "drugname/othername": a combination regimen
# "nivo + ipi", "nivo+ipi", "nivolumab/ipilimumab": a regimen; not "ypN+ pts" (node-positive)
_REGIMEN_JOIN = re.compile(
    r"(?<=[A-Za-z]{2})(?:\s+\+\s+|\+)(?=[A-Za-z]{2})|(?<=[a-z]{4})/(?=[a-z]{4})"
)
# "chemo arm (docetaxel/", "investigator's choice (doxorubicin/": a bracket after an arm's word
_CHOICES_OPEN = re.compile(
    r"\b(?:arm|group|chemo|chemotherapy|choice|control|comparator|TPC|SOC)\s*\([A-Za-z-]+$", re.I
)
# "HRD- pts", "ER+/HER2-": a marker in capitals with a minus sign after it is its negative
_MINUS_SIGN = re.compile(r"(?<![\w/-])([A-Z][A-Z0-9]{1,6})-(?=[\s,?;:)]|$)")


@lru_cache(maxsize=4)
def _marker_pattern(suffixes: tuple[str, ...]) -> re.Pattern[str]:
    """ "IDHmut", "KRASmt", "IDHwt", "PIK3CA WT": a gene (capitals) and its form in chat
    shorthand (the vocabulary's marker_suffixes), one pattern per vocabulary."""
    body = "|".join(map(re.escape, suffixes))
    return re.compile(rf"(?<![\w/-])([A-Z][A-Z0-9]{{1,6}})(?:[ -]?)((?i:{body}))(?![\w-])")


def _marked(m: re.Match[str], vocab: Vocabulary, known: frozenset[str]) -> str:
    """A gene and its shorthand form spelt out ("IDHmut" -> "IDH-mutant", "PIK3CA WT" ->
    "PIK3CA wild-type"); not what the vocabulary names otherwise ("ORR WT" stays), nor a name
    the index knows; glued to the gene, a form only as listed, in lower case ("MGMT" stays),
    apart from it only in capitals ("KRAS wt" is the population's shorthand)."""
    gene, form, said = m.group(1), m.group(2), m.group(0)
    glued = m.end(1) == m.start(2)
    if any(t.kind == "endpoint" for t in vocab.terms(gene)):
        return said
    if any(said.casefold() in n for n in known):
        return said  # a name the index knows ("SIOP WT 2001")
    if glued and form not in vocab.marker_suffixes:
        return said  # "MGMT" is no gene "MG" mutated
    if not glued and (not form.isupper() or re.match(r"\s*\d", m.string[m.end() :])):
        # "KRAS wt", "FLT3-mut": the population's shorthand; "SIOP WT 2001": a name and its
        # number
        return said
    return f"{gene}{vocab.marker_suffixes[form.casefold()]}"


# "what was the p?", "significant? p?": a P value asked by its letter alone
_BARE_P = re.compile(r"(?<![\w.=<>-])[pP](?=\s*\?|\s*$)")
# "3.5y f/u", "5-yr follow-up", "24 months of follow-up": how long, said of the analysis
_DURATION_BEFORE = re.compile(
    r"\d+(?:\.\d+)?\s*-?\s*(?:y|yrs?|years?|mo|mos|months?)\s*(?:of\s+)?$", re.I
)
# "pts in PR", "patients achieving a CR": patients by their response, who a figure is about
_RESPONDERS_IN = re.compile(
    r"\b(?:pts|patients|those|participants)\s+(?:in|with|achieving|who\s+(?:achieved|had))"
    r"\s+(?:an?\s+)?$",
    re.I,
)
_ENTITY_TOKEN = re.compile(r"[A-Za-z0-9][\w\-+/.']*[A-Za-z0-9+]|[A-Za-z]")
# "36-month OS", "3-yr PFS rate", "alive at 1 year": a landmark rate, not a median
_NOT_A_LANDMARK = (
    r"(?![\s-]*(?:of\s+)?(?:follow|update|analysis|analyses|data|results|report|readout))"
)
LANDMARK = re.compile(
    r"(?<![\d.,])\b(\d{1,3}|twelve|eighteen|twenty[\s-]four|thirty[\s-]six|forty[\s-]eight|"
    r"sixty|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]?"
    rf"(months?|mos?|m|yrs?|years?|y)\b{_NOT_A_LANDMARK}"
    # "the rate of PFS at month 20", "at year 3"
    rf"|\b(month|year)\s+(\d{{1,2}})\b{_NOT_A_LANDMARK}",
    re.I,
)
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "eighteen": 18,
    "twenty-four": 24,
    "thirty-six": 36,
    "forty-eight": 48,
    "sixty": 60,
}


def _joined(m: re.Match[str], vocab: Vocabulary) -> str:
    """ "nivo+ipi", "gem/cis": two drugs of one regimen ("plus"); "dose/schedule", "dose +
    cycles": two things asked, when a side is a word the vocabulary knows for something else
    than an arm."""
    if m.group(0) == "/" and _CHOICES_OPEN.search(m.string[: m.start()]):
        return " or "  # "the chemo arm (docetaxel/vinflunine)": the choices of one arm
    before = re.findall(r"[A-Za-z][\w-]*$", m.string[: m.start()])
    after = re.findall(r"^[A-Za-z][\w-]*", m.string[m.end() :])
    for word in before + after:
        if vocab.is_drug_name(word) or word.casefold() in vocab.drug_classes:
            continue  # ("pembro/chemo")
        if any(t.qualifier != "arm" for t in vocab.terms(word)):
            return m.group(0)
    return " plus "


def landmark_months(match: re.Match[str]) -> int:
    """The landmark of a LANDMARK match in months ("3-yr" -> 36, "24 months" -> 24)."""
    raw, unit = match.group(1), match.group(2)
    if raw is None:  # "month 20", "year 3"
        raw, unit = match.group(4), match.group(3)
    n = _NUMBER_WORDS.get(re.sub(r"[\s-]+", "-", raw.casefold())) or int(raw)
    return n * 12 if unit.casefold().startswith("y") else n


# "was the ORR above 40%?", "did >50% stay progression-free": the number is a threshold the
# answer is compared with, not a figure the answer must carry
_THRESHOLD = re.compile(
    r"(?:\b(?:above|over|under|below|exceed(?:ed|ing)?|more than|less than|at least|at most|"
    r"greater than|higher than|lower than|beyond|surpass(?:ed)?|reach(?:ed)?|hit|top(?:ped)?|"
    r"north of|south of|better than|worse than|around|about|approximately|roughly|near|"
    r"close to|clear(?:ed|s)?(?:\s+the)?|meet(?:s)?(?:\s+the)?|met(?:\s+the)?|"
    r"beat(?:s)?(?:\s+the)?)\s*|[<>≤≥]=?\s*)$",
    re.I,
)


_SLACK_MARKUP = re.compile(r"<[@#!][^>]*>|<(https?://[^|>]+)(?:\|([^>]*))?>")


@dataclass
class Question:
    text: str
    endpoints: list[str] = field(default_factory=list)
    qualifiers: list[tuple[str, str]] = field(default_factory=list)  # (group key, kind)
    groups: list[str] = field(default_factory=list)  # non-qualifier vocabulary groups
    entities: list[str] = field(default_factory=list)  # trial/drug names as typed
    content: list[str] = field(default_factory=list)  # other meaningful words (stemmed)

    context: frozenset[str] = frozenset()  # endpoints that only frame another one
    values: list[str] = field(default_factory=list)  # figures named in the question: "8 mg/kg"
    dose_levels: list[str] = field(default_factory=list)  # "the 45 arm": a dose without its unit
    numeric: bool = False  # asks for a number ("how many", "what percentage", ...)
    names: bool = False  # asks which ones, not how many ("most common TRAEs", "which AEs")
    analyses: frozenset[str] = frozenset()  # which analysis it asks about ("updated", "final")
    # settings named as the patients asked about ("mOS in MSI-H pts"): a part of the trial
    patient_settings: frozenset[str] = frozenset()
    # the kinds of number its words ask for: a share, a time, a count (empty when they do not say)
    units: frozenset[str] = frozenset()
    landmark: int | None = None  # months of a landmark rate ("3-year OS" -> 36)
    at_month: int | None = None  # months of a response rate's time point ("MMR @12m" -> 12)
    week: int | None = None  # a time point in weeks ("MMR at week 48" -> 48)
    codes: list[str] = field(default_factory=list)  # "L858R", "PCI", "III-IVA": said or not found
    population: list[str] = field(default_factory=list)  # "bev-naive pts": words a figure must say
    scoped: bool = True  # the question names its trial, drug or article (or only one is indexed)
    trials: list[str] = field(default_factory=list)  # trials named ("FRESCO-2"), as indexed
    defines: str | None = None  # "what does BICR stand for?": the abbreviation to spell out
    defined: str | None = None  # "how was pCR defined?": what the answer must define

    @property
    def target(self) -> str | None:
        """The endpoint whose figure answers the question."""
        stats = [e for e in self.endpoints if e in STATISTICS]
        if NI_MARGIN in stats:
            return NI_MARGIN  # "what HR was the NI margin": the bound of the ratio
        if stats:
            return stats[0]
        framed = [e for e in self.endpoints if e not in self.context]
        if framed:
            return framed[0]
        return self.endpoints[0] if self.endpoints else None

    @property
    def parts(self) -> set[str]:
        """The parts of the population asked by the vocabulary's words: subgroups, settings."""
        return {k for k, kind in self.qualifiers if kind in ("subgroup", "setting")}

    @property
    def about(self) -> list[str]:
        """Endpoints the target statistic is about ("OS" in "HR for OS")."""
        return [e for e in self.endpoints if e != self.target]

    @property
    def things_counted(self) -> list[str]:
        """The words of what a "how many" question counts when it is not people ("how many
        cycles of ...": ["cycles", "of"]), else none."""
        counted = _HOW_MANY_THINGS.search(self.text)
        # (not what is done to them: "how many sites enrolled pts")
        return [w for w in counted.group(1).split() if not w.endswith("ed")] if counted else []


def analyze(
    text: str,
    vocab: Vocabulary,
    known_names: frozenset[str] = frozenset(),
    arm_names: frozenset[str] | None = None,
) -> Question:
    """Analyze a question; ``known_names`` are casefolded trial and drug names and defined
    abbreviations in the index, ``arm_names`` those of them that name a trial or a drug (not a
    population: "HBV" is a defined abbreviation, "in HBV pts" a part of the population)."""
    text = _REGIMEN_JOIN.sub(lambda m: _joined(m, vocab), text)
    text = vocab.spell_radionuclides(text, known_names)
    text = _MINUS_SIGN.sub(r"\1-negative", text)
    if vocab.marker_suffixes:
        text = _marker_pattern(tuple(vocab.marker_suffixes)).sub(
            lambda m: _marked(m, vocab, known_names), text
        )
    text = _BARE_P.sub("P value", text)
    q = Question(text=text, context=vocab.context_endpoints)
    _read_intent(q)
    q.analyses = frozenset(vocab.analyses_named(text))
    q.patient_settings = _patient_settings(text, vocab)
    covered: list[tuple[int, int]] = []
    landmark = _read_time_point(q, text, vocab, covered)
    q.values = _question_values(text, landmark if q.landmark or q.at_month else None)
    levels = list(_DOSE_LEVEL_ARM.finditer(text))
    q.dose_levels = [m.group(1) for m in levels]
    # ("the 6.4 dose arm": an arm named by its dose, no dose asked)
    arm_doses = [m.span("dose") for m in levels if m.group("dose")]
    # "nilotinib 300 BID": a drug's dose level typed without its unit
    q.values += [
        f"{m.group(2)} mg" for m in _BARE_DOSE.finditer(text) if vocab.is_drug_name(m.group(1))
    ]
    for term in _terms_outside_names(text, vocab, known_names):
        if _measured_control(term, text, vocab) or any(a <= term.start < b for a, b in arm_doses):
            continue
        covered.append((term.start, term.end))
        _read_term(q, term, text, vocab)
    for m in _ENTITY_TOKEN.finditer(text):
        if any(a <= m.start() < b for a, b in covered):
            continue
        word = re.sub(r"['’]s$", "", m.group(0)).strip(".'’")  # "PROpel's": PROpel
        if _code_shaped(word, vocab, known_names):
            if _is_code(word, vocab):
                q.codes.append(word)
        elif _is_entity(word, vocab, known_names):
            q.entities.append(word)
        elif _is_code(word, vocab):
            q.codes.append(word)
    _settle_what_is_asked(q, text, vocab, landmark)
    arms = known_names if arm_names is None else arm_names
    named = [e for e in q.entities if e.casefold() in arms or vocab.is_drug_name(e)]
    # a trial's name and its number ("EMPOWER-Lung 1", "CodeBreaK 200") names no population
    # (not a measure and its range: "CrCl 40-60")
    named += [
        e
        for e in q.entities
        if re.search(rf"{re.escape(e)}[\s-]?\d{{1,4}}\b(?![-–.]\d|\s*%)", text)
    ]
    q.population = population_words(text, vocab, named)
    rest = blank_spans(text, covered)
    entity_words = {w for e in q.entities for w in vocab.content_words(e)}
    q.content = [
        w
        for w in vocab.content_words(rest)
        if w not in entity_words and not w.replace(".", "").isdigit()
    ]
    if _counts_patients(text, q, vocab):
        # "how many dMMR/MSI-H pts in RUBY": a count of them; "how many placebo pts crossed
        # over": a count of those it happened to, not the trial's size
        q.endpoints = [] if _counts_an_event(q, vocab) else ["enrollment"]
    return q


def _read_time_point(
    q: Question, text: str, vocab: Vocabulary, covered: list[tuple[int, int]]
) -> re.Match[str] | None:
    """A landmark of a time-to-event endpoint ("3-yr OS") or the time point of a response rate
    ("MMR @12m", "CCyR by 24 mo"), its words covered; the match, for the values it is not."""
    landmark = LANDMARK.search(text)
    if not landmark:
        return None
    keys = [t.key for t in vocab.terms(text) if t.kind == "endpoint"]
    if any(k in vocab.landmark_endpoints for k in keys):
        q.landmark = landmark_months(landmark)
        covered.append((landmark.start(), landmark.end()))
    elif any(vocab.units.get(k) == "percent" for k in keys):
        q.at_month = landmark_months(landmark)
        covered.append((landmark.start(), landmark.end()))
    return landmark


def _settle_what_is_asked(
    q: Question, text: str, vocab: Vocabulary, landmark: re.Match[str] | None
) -> None:
    """What the question asks, once its words are read: a count of another thing than the
    enrolment, a rate for "how often", one grade, arms, a definition, a week, a target, and
    whether a time is a landmark or the primary endpoint is asked in words."""
    counted = [e for e in q.endpoints if e not in (ENROLLMENT, RANDOMIZATION_RATIO)]
    if ENROLLMENT in q.endpoints and (
        (counted and _HOW_MANY.search(text)) or _HOW_MANY_PLACES.search(text)
    ):
        # "how many pts discontinued", "how many centres enrolled pts": a count of another thing
        # (not "how many pts were randomized, and in what ratio": both of the design)
        q.endpoints.remove(ENROLLMENT)
    if "how often" in q.groups and _HOW_OFTEN_PATIENTS.search(text):
        q.groups.remove("how often")  # "how often did pts get nerve damage": a rate, no schedule
        q.units = frozenset({"percent"})
    if not q.endpoints and not q.units:
        # an endpoint the vocabulary does not know, asked at a time point ("12-mo freedom from
        # intracranial progression"): a share; as a time to an event: a time
        if landmark and not _NOT_A_SHARE.search(text):
            q.units = frozenset({"percent"})
        elif _TIME_TO.search(text):
            q.units = frozenset({"time"})
    for grade in _ONE_GRADE.finditer(text):
        q.codes.append(" ".join(grade.group(0).split()))  # "grade 3 CRS", not "grade 3 or higher"
    if NI_MARGIN in q.endpoints and "CI" in q.groups:
        # "did the upper bound of the HR's CI stay below the NI margin?": the bound is asked
        q.endpoints.remove(NI_MARGIN)
    _settle_arms(q, vocab)
    q.defines = _abbreviation_asked(text, vocab)
    q.defined = None if q.defines else defined_asked(text)
    weeks = week_points(text)
    q.week = weeks[0][1] if weeks else None
    if _MECHANISM.search(text) and vocab.group("target") and "target" not in q.groups:
        q.groups.append("target")  # "what does tipiracil actually do?": what it acts on
    if q.target in STATISTICS or (_median_asked(text, landmark) and not _RATE.search(text)):
        q.landmark = None  # "PFS HR at 5 yrs", "mOS, 10 yr": the analysis's time, not a rate
    if (
        vocab.names_an_endpoint(q.groups)
        and q.endpoints
        and not (q.numeric or q.values or q.landmark is not None or q.target in STATISTICS)
        and not _median_asked(text, landmark)
    ):
        # "primary endpoint of COMPARZ - who assessed PFS?", "co-primary endpoints - OS and
        # what else?": what the endpoint is, said in words, not a figure of it
        q.endpoints = []


def _read_term(q: Question, term: Term, text: str, vocab: Vocabulary) -> None:
    """What one vocabulary term of the question asks: an endpoint, a qualifier or a group."""
    if term.kind == "endpoint":
        before = text[: term.start]
        if term.key == "follow-up" and _DURATION_BEFORE.search(before):
            return  # "updated (3.5y f/u) mPFS": the analysis's time, not the follow-up asked
        # "pts in PR after platinum - mPFS": those who responded so, a part of the population
        part = (term.key, "subgroup") if _RESPONDERS_IN.search(before) else None
        if part and part not in q.qualifiers:
            q.qualifiers.append(part)
        elif not part and term.key not in q.endpoints:
            q.endpoints.append(term.key)
        return
    if re.fullmatch(r"[A-Z]{3,6}", text[term.start : term.end]) and _TRIAL_CODE_AFTER.match(
        text, term.end
    ):
        return  # "ECOG E5103": the group that ran the trial, said with its code, is no term
    group = vocab.group(term.key)
    kind = _qualifier_kind(vocab, term.key)
    if kind and (term.key, kind) not in q.qualifiers:
        q.qualifiers.append((term.key, kind))
    elif not kind and group and term.key not in q.groups:
        q.groups.append(term.key)


# a cooperative group's trial code right after its name: "ECOG E5103", "ECOG-ACRIN E1609"
_TRIAL_CODE_AFTER = re.compile(r"(?:-ACRIN)?[\s-]+[A-Z]{1,2}\d{3,5}[A-Z]?\b")
_WORD_BEFORE = re.compile(r"([A-Za-z]{3,})\s+$")
_NOT_MEASURED = frozenset(
    {"the", "and", "with", "for", "from", "than", "any", "both", "each", "per", "all", "into"}
    | {"versus", "arm", "group", "placebo", "pbo", "chemo", "chemotherapy", "standard", "soc"}
)


def _measured_control(term: Term, text: str, vocab: Vocabulary) -> bool:
    """ "Hematocrit control", "symptom control": the word "control" after what is controlled
    names a measure, not the control arm (unlike "vs control", "placebo control", "in control
    pts")."""
    if term.key != CONTROL_ARM or text[term.start : term.end].casefold() != "control":
        return False
    before = _WORD_BEFORE.search(text[: term.start])
    if before is None:
        return False
    word = before.group(1)
    return (
        word.casefold() not in _NOT_MEASURED
        and not vocab.is_drug_name(word)
        and not vocab.terms(word)
        and not re.search(r"[\d+/]\s*$", text[: before.start()])
    )


def _counts_patients(text: str, q: Question, vocab: Vocabulary) -> bool:
    """The question asks "how many pts" and names no endpoint but the count its own words
    make ("how many pts": a count of patients, of whom it says next)."""
    m = _HOW_MANY_PATIENTS.search(text)
    if m is None or set(q.endpoints) - {"enrollment"}:
        return False
    said = [t for t in vocab.terms(text) if t.key == "enrollment"]
    return all(m.start() <= t.start and t.end <= m.end() for t in said)


def _counts_an_event(q: Question, vocab: Vocabulary) -> bool:
    """ "How many pts" said of something that happened to them ("crossed over", "seizures"):
    words beyond the patients, their part of the population and their arm."""
    said = {word for part in q.population for word in part.split()}
    said |= {word for c in q.codes for word in vocab.content_words(c)}  # "in RUBY", "CM 816"
    said |= {w for w in q.content if "-" in w and set(w.split("-")) <= said}  # "wild-type"
    return any(
        w not in said and not vocab.is_drug_name(w) and w not in _PATIENT_WORDS for w in q.content
    )


_PATIENT_WORDS = frozenset(
    {"pts", "pt", "patient", "people", "participant", "total", "arm", "each", "trial", "study"}
    | {"randomization", "randomisation", "ratio", "overall", "all", "group", "cohort"}
    # (the part of the population it names: "how many pts in the TP53 wild-type subgroup")
    | {"subgroup", "subset", "population", "stratum", "women", "men"}
)


def _question_values(text: str, landmark: re.Match[str] | None) -> list[str]:
    """The figures a question names ("ORR at 8 mg/kg"): not its landmark, a threshold it asks
    about ("above 40%"), a CI's level or an open-ended duration ("6 months or more"); a number
    before another's unit is one of the same ("5.4 vs 6.4 mg/kg")."""
    values = []
    for m in NAMED_VALUE.finditer(text):
        if (
            (landmark and landmark.start() <= m.start() < landmark.end())
            or _THRESHOLD.search(text[max(0, m.start() - 24) : m.start()])
            or re.match(r"\s*(?:CI\b|confidence|credible)", text[m.end() :], re.I)
            or re.match(r"\s*(?:months?|mo)?\s*(?:or (?:more|longer|less|better))", text[m.end() :])
        ):
            continue
        key = named_value_key(m)
        paired = _UNIT_SAID_ONCE.search(text, 0, m.start())
        number = re.match(r"\d+(?:\.\d+)?", key)
        if paired and paired.end() == m.start() and number:
            values.append(paired.group(1) + key[number.end() :])
        values.append(key)
    return values


# a number whose unit the next one says: "5.4 vs 6.4 mg/kg", "75 or 150 mg"
_UNIT_SAID_ONCE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:vs\.?|versus|or|and|/)\s*$", re.I)


def _patient_settings(text: str, vocab: Vocabulary) -> frozenset[str]:
    """The settings a question names as its patients ("in MSI-H pts", "among ESR1-mutant
    patients"): a part of the trial, not the setting of all of it."""
    return frozenset(
        t.key
        for m in _PATIENTS_OF.finditer(text)
        for t in vocab.terms(m.group("x"))
        if t.qualifier == "setting"
    )


_MUTATION = re.compile(r"^[A-Z]\d{2,4}[A-Z*]$|^exon\d+$", re.I)
_ACRONYM = re.compile(r"^[A-Z]{2,5}$")
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V)[A-C]?\d?(?:[-–/](?:I{1,3}|IV|V)[A-C]?\d?)?$")


def roman_numeral(word: str) -> bool:
    """``word`` is a roman numeral, a stage or series number ("III", "IIIA", "II-III")."""
    return bool(_ROMAN.match(word))


# "how many cycles of ...", "how many prior lines": the things counted (not people)
# "how many centres / countries enrolled pts": places, not people
_HOW_MANY_PLACES = re.compile(
    r"\bhow many\s+(?:centres|centers|sites|countries|hospitals|institutions)\b", re.I
)
_HOW_MANY_THINGS = re.compile(
    r"\bhow many\s+(?!(?:patients|pts|people|participants|men|women|subjects)\b)(\w+(?:\s+\w+)?)",
    re.I,
)


def code_shape(word: str) -> str | None:
    """What kind of code a word is: a stage ("IIIA", "IB-II"), a mutation ("L858R"), or none."""
    if _ROMAN.match(word):
        return "stage"
    if _MUTATION.match(word):
        return "mutation"
    return None


# A part of the population named in a question: "in bev-naive pts", "among HBV patients",
# "in the CPS <1 subgroup", "RAS-mutant pts", "pts w/o brain mets", "cohort 2"
# "pts preselected for low-intensity chemo", "previously treated w/ docetaxel": the treatment
# that defines a part of the population, no arm of the trial
TREATMENT_HISTORY = re.compile(
    r"\b(?:pre-?selected\s+for|previously\s+(?:treated|given|received)(?:\s+(?:with|w/))?|"
    r"pre-?treated\s+(?:with|w/)|(?:in)?eligible\s+for|refractory\s+to|exposed\s+to)\s+"
    r"(?P<x>[^,?;()]{2,40}?)(?:\s*\([^()]*\))?(?=\s+(?:in|vs\.?|versus|at|on)\b|\s*[,?;()]|$)",
    re.I,
)
# a trial named by its first letter and its number, one word: "R302" (RATIONALE-302)
INITIAL_AND_NUMBER = r"[A-Z]\d{3,4}"
# "cohort 2", "group 3", not "cohort 3-yr IDFS" nor "group 3y" (a part and a landmark)
_NUMBERED_COHORT = re.compile(
    r"\b(?P<x>(?:cohort|part)\s+\d+[a-z]?|group\s+\d{1,2})\b"
    r"(?![-\s]?(?:y|yrs?|years?|m|mos?|months?|wks?|weeks?)\b)",
    re.I,
)
# "pts w/ visceral mets in THOR", "pts with laparoscopy": who they are, or their arm
_PATIENTS_WITH = re.compile(
    r"\b(?:pts|patients|those)\s+(?:who|with|w/)\s+(?P<x>[^,?;()]{3,40}?)"
    r"(?=\s+(?:in|on|vs\.?|versus|w/|with)\s|[,?;()]|$)",
    re.I,
)
# "pts previously exposed to bendamustine", "patients refractory to lenalidomide": the part of
# the population by the treatment it had before
_HISTORY_BEFORE = (
    r"(?:(?:previously|prior)\s+(?:exposed|treated)\s+(?:to|with)"
    r"|(?:exposed|refractory|resistant|intolerant)\s+to)\s+"
)
_PATIENTS_EXPOSED = re.compile(rf"\b(?:pts|patients|those)\s+(?P<x>{_HISTORY_BEFORE}[\w-]+)", re.I)
_Q_POPULATION = [
    re.compile(
        r"\b(?:in|among|for|of)\s+(?:the\s+|those\s+)?"
        r"(?P<x>(?:(?!\b(?:in|among|for|of|with)\b|w/)[^,?;()]){1,40}?)\s+"
        r"(?:pts|patients|subgroup|subset|population|pop|cohort|group|participants|pts\.|portion|"
        r"expressers|carriers|mutants|pathway|smokers|"
        r"histology|tumou?rs|disease|primar(?:y|ies))\b",
        re.I,
    ),
    re.compile(
        r"(?P<x>\b[\w/+]+-(?:naive|naïve|mutant|mutated|positive|negative|pretreated|"
        r"refractory|high|low|only)\b)",
        re.I,
    ),
    re.compile(
        r"\b(?:w/o|without|w/out)\s+(?P<x>[\w\s-]{3,30}?)(?=\s+(?:at|in|on|stay|who)\b|[,?:;]|$)",
        re.I,
    ),
    _NUMBERED_COHORT,
    # "int/poor risk pts", "high/intermediate risk disease": two parts said together
    re.compile(  # (not "w/o visceral disease")
        r"(?P<x>\b(?!w/)[A-Za-z][\w-]*/[A-Za-z][\w-]*\s+[A-Za-z][\w-]{2,})\s+"
        r"(?:pts|patients|subgroup|disease)\b"
    ),
    # "adeno pts", "ypN+ pts", "IGHV-unmutated patients": one word before the patients
    re.compile(r"(?:^|[\s:(])(?P<x>[A-Za-z][\w+/-]{2,})\s+(?:pts|patients|subgroup|cohort)\b"),
    # "TE pathway: mPFS ...": the word before a pathway of the trial
    re.compile(r"(?:^|[\s:(])(?P<x>[A-Za-z][\w+/-]{1,})\s+pathway\b", re.I),
    # ... or two capitals ("FL pts": follicular lymphoma)
    re.compile(r"(?:^|[\s:(])(?P<x>[A-Z]{2})\s+(?:pts|patients)\b"),
    # "CR-at-baseline subgroup": the words just before "subgroup"
    re.compile(r"(?P<x>\b[\w/+]+(?:-[\w/+]+)+)\s+(?:subgroup|subset)\b", re.I),
    # ... up to the trial or arm said after it ("pts w/ visceral mets in THOR")
    _PATIENTS_WITH,
    _PATIENTS_EXPOSED,
    # "EFS by ctDNA status", "OS by PD-L1 expression": figures of the parts it splits into
    re.compile(
        r"\b(?:by|per|according to)\s+(?P<x>[\w/+-]+(?:\s+[\w/+-]+)?)\s+"
        r"(?:status|subgroups?|levels?|expression|risk\s+(?:groups?|categor(?:y|ies)))\b",
        re.I,
    ),
    re.compile(r"\b(?P<x>non-?(?!small|squamous)[a-z]{4,})\b", re.I),  # "nonviral HCC"
    # "for extra-abdominal desmoids", "in intra-abdominal tumours": a site said as a prefix
    re.compile(r"\b(?P<x>(?:extra|intra)-?[a-z]{4,})\b", re.I),
    # "in women", "among men", "in premenopausal women": a sex is a part of the population
    re.compile(
        r"\b(?:in|among|for)\s+(?P<x>(?:[a-z-]{4,}\s+)?(?:women|men|females|males))\b", re.I
    ),
    # "BRAF wild-type", "KRAS wt", "EGFR mutant": a gene and its status
    re.compile(r"\b(?P<x>[A-Z][A-Z0-9]{1,6}\s+(?:wild[- ]?type|wt|mutant|mutated|unmutated))\b"),
    # "never-smokers", "former smokers": a smoking history is a part of the population
    re.compile(
        r"\b(?P<x>(?:never|former|current|ex|non|light|heavy)[- ]?smok(?:ers?|ing))\b", re.I
    ),
    # "low-volume", "high tumour burden": how much disease
    re.compile(r"\b(?P<x>(?:high|low)[- ](?:volume|tumou?r[- ]burden|burden))\b", re.I),
]
# "cisplatin-eligible", "cis-ineligible": who may get a drug, said whole
_ELIGIBLE_FOR = re.compile(r"\b[A-Za-z]+-(?:in)?eligible\b", re.I)
# "in MSI-H pts", "among ESR1-mutant patients": who the question is about
_PATIENTS_OF = re.compile(
    r"\b(?:in|among)\s+(?:the\s+)?(?P<x>[\w/+≥<>=-]+(?:\s+[\w/+≥<>=-]+)?)\s+(?:pts|patients)\b",
    re.I,
)
# "pts outside Asia", "patients from North America", "pts enrolled outside Asia": a region,
# said whole with its preposition
_Q_REGION = re.compile(
    r"\b(?:pts|patients|those|participants)\s+"
    r"(?:(?:enrolled|randomi[sz]ed|recruited|treated|accrued)\s+)?"
    r"(?P<x>(?:outside|from)\s+(?:of\s+)?"
    r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"
)
# "pts who did NOT get bevacizumab": those without it
_Q_NOT_GIVEN = re.compile(
    r"\b(?:pts|patients|those|participants)\s+who\s+(?:did\s*n[o']t|never)\s+"
    r"(?:get|got|receive|received|have|had|take|took)\s+",
    re.I,
)
_NOT_POPULATION = frozenset(
    [
        "all",
        "overall",
        "total",
        "whole",
        "entire",
        "itt",
        "intention",
        "treat",
        "randomized",
        "randomised",
        "randomly",
        "evaluable",
        "safety",
        "efficacy",
        "treated",
        "study",
        "trial",
        "the",
        "this",
        "that",
        "arm",
        "group",
        "combo",
        "combination",
        "control",
        "placebo",
        "chemo",
        "chemotherapy",
        "standard",
        "soc",
        "mono",
        "monotherapy",
        "alone",
        "only",
        "experimental",
        "investigational",
        "new",
        "drug",
        "same",
        "mg",
        "kg",
        "m2",
        "dose",
        "disease",
        "histology",
        "tumor",
        "tumors",
        "tumour",
        "tumours",
        "eligible",
        "enrolled",
        "infused",
        "evaluable",
        "many",
        "older",
        "elderly",
        "adult",
        "adults",
        "untreated",
        "unfit",
    ]
)


# A biomarker score cut-off, however it is typed: "CPS5+", "CPS >=10", "CPS ≥ 20", "TPS <1%"
def _read_intent(q: Question) -> None:
    """What kind of answer the words ask for: a number, the names of events, a share or time."""
    text = q.text
    q.numeric = bool(_NUMERIC_INTENT.search(text))
    q.names = not q.numeric and bool(_NAMES_INTENT.search(text)) and not NAMED_VALUE.search(text)
    q.units = next((units for pattern, units in _UNIT_INTENTS if pattern.search(text)), frozenset())


def _endpoint_words(phrase: str, vocab: Vocabulary) -> set[str]:
    """The words of the endpoints a "without ..." phrase names ("w/o pCR": "pcr")."""
    return {
        w
        for t in vocab.terms(phrase)
        if t.kind == "endpoint"
        for w in re.findall(r"[\w+<>≥≤]+", phrase[t.start : t.end].casefold())
    }


# "in BRCA1 vs BRCA2 subgroups", "by exon 19 and L858R subgroups": two parts asked together
_Q_TWO_PARTS = re.compile(
    r"\b(?:in|among|for|by)\s+(?:the\s+)?(?P<a>[\w+-]+(?:\s[\w+-]+){0,2}?)\s+(?:vs\.?|versus|and)\s+"
    r"(?P<b>[\w+-]+(?:\s[\w+-]+){0,2}?)\s+subgroups?\b",
    re.I,
)


def _taken_before(word: str, phrase: str, vocab: Vocabulary, names: set[str]) -> bool:
    """``word`` of a population ``phrase`` is a drug said as taken before the trial ("prior
    tamoxifen", "previous lenalidomide"): a part of the population, no arm."""
    return (vocab.is_drug_name(word.casefold()) or word.casefold() in names) and bool(
        re.search(
            rf"\b(?:(?:prior|previous)\s+(?:[\w-]+\s+)?|{_HISTORY_BEFORE}){re.escape(word)}\b",
            phrase,
            re.I,
        )
    )


def population_words(text: str, vocab: Vocabulary, entities: list[str]) -> list[str]:
    """The words of the part of the population a question names, which the answer's figure
    must be reported for; empty for the whole trial or an arm ("in the chemo arm")."""
    names = {w.casefold() for e in entities for w in re.split(r"[\s/+.-]+", e)}  # "CO.17": co
    found: list[str] = []
    # "the CrCl 40-60 (split-dose cis) subgroup": an aside in brackets does not end the phrase
    unbracketed = re.sub(r"\s*\([^()]*\)", "", text)
    unbracketed = _Q_NOT_GIVEN.sub("pts w/o ", unbracketed)  # said as "without"
    for m in _ELIGIBLE_FOR.finditer(unbracketed):
        found.append(m.group(0).casefold())
    for pattern in _Q_POPULATION:
        for m in pattern.finditer(unbracketed):
            phrase = m.group("x")
            # words of vocabulary terms are matched by the vocabulary's own rules
            # ... but "pts w/o pCR" names the part of the population without that response
            negated = pattern is _Q_POPULATION[2]
            if pattern is _PATIENTS_WITH and _names_only_treatment(phrase, vocab):
                continue  # "pts with laparoscopy", "pts with SBRT": an arm, no part
            arm_or_endpoint = {
                w
                for t in vocab.terms(phrase)
                if (t.kind == "endpoint" and not negated) or t.qualifier
                for w in re.findall(r"[\w+<>≥≤]+", phrase[t.start : t.end].casefold())
            }
            for w in re.findall(r"[A-Za-z0-9+<>≥≤]+(?:=\d+)?", phrase):
                f = w.casefold()
                if (
                    negated
                    and (vocab.is_drug_name(f) or f in names)
                    and re.match(rf"(?:prior\s+|previous\s+)?{re.escape(w)}\b", phrase, re.I)
                ):
                    f = f"not {f}"  # "w/o bev", "who did not get bevacizumab"
                    if f not in found:
                        found.append(f)
                    continue
                if _taken_before(w, phrase, vocab, names):
                    pass  # "pts w/ prior tamoxifen only": a treatment history, a part
                elif (
                    f in _NOT_POPULATION
                    or f in vocab.stopwords
                    or f in arm_or_endpoint
                    or f in names
                    or vocab.is_drug_name(f)
                    or f in vocab.drug_classes  # "ADT-only pts", "chemo pts": an arm's
                    or any(n.startswith(f) and len(f) >= 3 for n in names)
                    or (
                        f.isdigit()
                        and "cohort" not in phrase.casefold()
                        and "part" not in phrase.casefold()
                        and not re.search(rf"\bexon\s*{f}\b", phrase, re.I)  # "exon 11"
                    )
                ):
                    continue
                if negated and f in _endpoint_words(phrase, vocab):
                    f = f"not {f}"  # "w/o pCR": those without it, said with a negation
                if f not in found:
                    found.append(f)
    for m in _Q_REGION.finditer(text):
        found.append(" ".join(m.group("x").casefold().split()))
    ages = age_cuts(text)  # "pts <60 yo", "aged 65 or older": an age cut-off, said any way
    if ages:
        found = [w for w in found if not re.search(r"\d|^(?:yo|yrs?|years?|old|aged?)$", w)]
        found.extend(sorted(ages))
    for m in SCORE_CUT.finditer(text):  # "CPS5+", "CPS >=10", "TPS <1%": a biomarker cut-off
        found = [
            w
            for w in found
            if w not in ("cps", "tps", "pd", "l1", "pd-l1", "expression", "negative", "positive")
            and not re.search(r"\d", w)
        ]
        found.append(score_cut_key(m))
    for m in MARKER_CUT.finditer(unbracketed):  # "Ki-67 >=30% pts": the marker's cut-off
        key = marker_cut_key(m)
        said = {w.casefold() for w in m.group(0).split() + re.findall(r"[A-Za-z0-9]+", m.group(0))}
        if key and said & set(found):
            found = [w for w in found if w not in said and not re.fullmatch(r"[<>≥≤=]+\d*", w)]
            found.append(key)
    found = _two_parts_and_karyotypes(found, text, unbracketed, vocab, entities)
    return _tidied(_said_whole(found, text), vocab)


def _names_only_treatment(phrase: str, vocab: Vocabulary) -> bool:
    """Every word of ``phrase`` names a treatment ("laparoscopy", "SBRT", "chemo"): whom it
    says is an arm's patients."""
    words = [
        w for w in re.findall(r"[A-Za-z][\w-]*", phrase) if w.casefold() not in vocab.stopwords
    ]
    return bool(words) and all(vocab.names_treatment(w) for w in words)


def _two_parts_and_karyotypes(
    found: list[str], text: str, unbracketed: str, vocab: Vocabulary, entities: list[str]
) -> list[str]:
    """The population's words with both parts of "in BRCA1 vs BRCA2 subgroups" (not the two
    sides of one split, "high vs low") and a chromosomal change said whole ("t(4;14)")."""
    for m in _Q_TWO_PARTS.finditer(unbracketed):  # "in BRCA1 vs BRCA2 subgroups": both parts
        sides = [population_words(f"in {m.group(g)} pts", vocab, entities) for g in "ab"]
        if not any(
            {a, b} == set(pair) for a in sides[0] for b in sides[1] for pair in vocab.opposites
        ):
            found += [w for side in sides for w in side if w not in found]  # (not "high vs low")
    for m in KARYOTYPE.finditer(text):  # "t(4;14) pts": a chromosomal change, said whole
        found = [w for w in found if w.casefold() not in m.group(0).casefold()]
        found.append(m.group(0).casefold())
    return found


def _said_whole(found: list[str], text: str) -> list[str]:
    """The parts of a population said by a status or a name with its number or letter, whole in
    place of their words: "ECOG PS 2" (``performance_statuses``), "cohort A", "cohort 2"."""
    statuses = performance_statuses(text)  # "ECOG 0", "ECOG PS 2 pts": said any way
    if statuses:
        found = [
            w
            for w in found
            if w not in ("ecog", "ps", "performance", "status")
            and not re.fullmatch(r"[0-4](?:-[0-4])?", w)
        ] + sorted(statuses)
    scores = ihc_scores(text)  # "IHC 2+", "IHC3+": a staining score, said any way
    if scores:
        found = [w for w in found if not re.fullmatch(r"ihc(?:[0-3]\+?)?|[0-3]\+?", w)]
        found += sorted(scores)
    lettered = lettered_cohorts(text)  # "cohort A", "cohorts A+B": said by their letters
    if lettered:
        found = [w for w in found if w not in ("a", "b", "cohort", "cohorts")] + sorted(lettered)
    cohort = _NUMBERED_COHORT.search(text)
    if cohort:  # "cohort 2" is said whole
        found = [w for w in found if not w.isdigit()] + [
            " ".join(cohort.group(0).split()).casefold()
        ]
    return found


def _tidied(found: list[str], vocab: Vocabulary) -> list[str]:
    """A population's words as articles write them ("wt": "wildtype"), without a cut-off's
    sign ("PD-L1 >=1%" is said whole) but with a count's (">=4 prior lines")."""
    found = [w for w in found if not re.fullmatch(r"[<>≥≤=+]+", w)]
    return [vocab.population_shorthand.get(w, w) for w in found]


def _is_figure_word(word: str) -> bool:
    """A number with its unit or ordinal, no name: "2L", "3rd", "74Gy", "10mg"."""
    return bool(
        re.fullmatch(r"\d+(?:st|nd|rd|th|L|mg|kg|%)", word, re.I) or NAMED_VALUE.fullmatch(word)
    )


def _is_code(word: str, vocab: Vocabulary) -> bool:
    """A specific label of a subgroup or analysis that a figure must be reported with: a mutation
    ("L858R"), a stage ("III-IVA"), an acronym the vocabulary does not know ("PCI")."""
    folded = word.casefold()
    if folded in vocab.stopwords or vocab.terms(word):
        return False
    parts = re.split(r"[/+]", folded)
    if len(parts) > 1 and any(vocab.is_drug_name(p) or p in vocab.brands for p in parts):
        return False  # "cis/5-FU", "pembro+5-FU": drugs given together, a regimen said
    upper = sum(c.isupper() for c in word)
    if _ROMAN.match(word):
        return word not in ("I", "V")
    has_digit = any(c.isdigit() for c in word)
    letters = sum(c.isalpha() for c in word)
    if has_digit and upper and letters >= 2:
        return not _is_figure_word(word)
    return letters == upper and 3 <= letters <= 5 and not has_digit


def _terms_outside_names(text: str, vocab: Vocabulary, known_names: frozenset[str]) -> list[Term]:
    """The vocabulary's terms of a question but for those inside a name in capitals of several
    parts that is an indexed name or starts with one ("ATHENA-MONO" is a part of the ATHENA
    trial, its "MONO" no monotherapy arm)."""
    names = [
        (m.start(), m.end())
        for m in _ENTITY_TOKEN.finditer(text)
        if "-" in m.group(0)
        and m.group(0).isupper()
        and {m.group(0).casefold(), m.group(0).split("-", 1)[0].casefold()} & known_names
    ]
    # "NCT number for RESPONSE": an indexed name that is a word of the vocabulary in capitals
    named = [
        (m.start(), m.end())
        for m in re.finditer(r"(?<![\w-])[A-Z]{4,}(?![\w-])", text)
        if m.group(0).casefold() in known_names and vocab.word_in_capitals(m.group(0))
    ]
    # "randomization ratio in CONTROL NETs": an indexed name of several words, one of them a
    # word of the vocabulary
    # (only names whose first word the question says: no search for every indexed name)
    words = set(re.findall(r"[\w-]+", text.casefold()))
    named += [
        (m.start(), m.end())
        for name in known_names
        if " " in name and name.split()[0] in words and not name.split()[-1].isdigit()
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.I)
    ]
    return [
        t
        for t in vocab.terms(text)
        if not any(a < t.start and t.end <= b for a, b in names)
        and not any(a <= t.start and t.end <= b for a, b in named)
    ]


def _settle_arms(q: Question, vocab: Vocabulary) -> None:
    """Arms of a comparison: a hazard ratio compares the arms, so it belongs to neither; asked
    for two conflicting arms, the first named one is meant ("A plus B vs B alone"), except that a
    placebo or control named with a drug ("placebo + chemo") is the control arm."""
    arms = [(k, kind) for k, kind in q.qualifiers if kind == "arm"]
    if q.target in STATISTICS:
        q.qualifiers = [qk for qk in q.qualifiers if qk not in arms]
        return
    contrast = _ARM_CONTRAST.search(q.text)
    if contrast and q.text[: contrast.start()].strip():
        # "mPFS pembro vs placebo": the comparator after "vs" is not the arm asked first
        before = {t.key for t in vocab.terms(q.text[: contrast.start()])}
        after = {t.key for t in vocab.terms(q.text) if t.start >= contrast.end()}
        compared = [a for a in arms if a[0] == CONTROL_ARM and a[0] in after - before]
        q.qualifiers = [qk for qk in q.qualifiers if qk not in compared]
        arms = [a for a in arms if a not in compared]
    clash = [a for a in arms if any(vocab.conflicting(a[0], b[0]) for b in arms)]
    if len(clash) < 2:
        return
    control = next((a for a in clash if a[0] == CONTROL_ARM), None)
    keep = clash[0] if _ARM_CONTRAST.search(q.text) or control is None else control
    q.qualifiers = [qk for qk in q.qualifiers if qk not in clash or qk == keep]


_ONE_GRADE = re.compile(
    r"\bgrade\s*[1-5]\b(?!\s*(?:or\b|and\b|to\b|-|–|/|\+|,))(?<!grade\s5)", re.I
)
# a question about what a drug does: answered by what it acts on
# "what does STAMP stand for?", "what's BICR?", "(IRC = ?)": the long form of an abbreviation
_ABBR = r"[a-z]?[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*"  # "BICR", "mCRPC"
_DEFINES = re.compile(
    rf"\bwhat(?:\s+(?:does|do|is)|'s|’s)\s+(?:an?\s+)?['‘“\"]?(?P<a>{_ABBR})['’”\"]?"
    # ("what is UPS in the SARC028 article", "what does the CF chemo backbone stand for")
    rf"\s*(?:(?:[\w-]+\s+){{0,3}}(?:stand\s+for|mean)|short\s+for|in\s+(?:the\s+)?[\w-]+"
    rf"(?:\s+(?:article|trial|study|report))?)?\s*\??\s*$"
    rf"|\bwhat\s+(?:does|do)\s+the\s+(?P<g>{_ABBR})\s+(?:[\w-]+\s+){{0,3}}(?:stand\s+for|mean)\b"
    # "IDFS = ?", "FLOT = which drugs?"
    rf"|\b(?P<b>{_ABBR})\s*=\s*(?:\?|(?:which|what)\b)"
    # "what drugs are in FLOT?", "which agents make up FOLFIRINOX"
    rf"|\b(?:what|which)\s+(?:drugs|agents|components)\s+(?:are\s+in|make\s+up|form)\s+"
    rf"(?P<f>{_ABBR})\b"
    rf"|\bwhat\s+(?:does|do)\s+(?P<c>{_ABBR})\s+(?:stand\s+for|mean)\b"
    # "ESCC stands for?", "NED meaning?", "meaning of PCI", "define ORR"
    rf"|\b(?P<d>{_ABBR})\s+(?:stands?\s+for|means?|meaning)\s*\??\s*$"
    rf"|\b(?:meaning\s+of|define|spell\s+out)\s+(?P<e>{_ABBR})\b",
)
# "how was pCR defined?", "definition of MPR": the words that define an endpoint or a group
_DEFINED = re.compile(
    r"\bhow\s+(?:was|were|is|are)\s+(?P<a>[\w/+≥<>-]+(?:\s+[\w/+≥<>-]+){0,2}?)\s+defined\b"
    r"|\bdefinition\s+of\s+(?P<b>[\w/+≥<>-]+(?:\s+[\w/+≥<>-]+){0,2}?)\s*\??\s*$"
    # "what PSA failure definition did 0232 use?"
    r"|\bwhat\s+(?P<c>[\w/+≥<>-]+(?:\s+[\w/+≥<>-]+){0,2}?)\s+definition\b",
    re.I,
)


def _abbreviation_asked(text: str, vocab: Vocabulary) -> str | None:
    """The abbreviation a question asks to spell out ("what does STAMP stand for?"); not an
    endpoint asked as "what's the ORR?", which wants its figure."""
    defines = _DEFINES.search(text)
    if defines is None:
        return None
    said = defines.group(0)
    asked_plainly = re.search(r"\b(?:stands?\s+for|means?|meaning|short\s+for|define)\b|=", said)
    if not asked_plainly and any(t.kind == "endpoint" for t in vocab.terms(said)):
        return None
    return next(g for g in defines.groups() if g)


def defined_asked(text: str) -> str | None:
    """The endpoint or group whose definition a question asks ("how was pCR defined?")."""
    m = _DEFINED.search(text)
    return (m.group("a") or m.group("b") or m.group("c")) if m else None


_MECHANISM = re.compile(
    r"\bwhat (?:does|do)\b.+\bdo\b\s*(?:in\b.*)?[?.]?\s*$|\bhow does\b.+\bwork\b"
    r"|\bmechanism\b|\bMOA\b"
    # "what antigen does X target"
    r"|\b(?:what|which)\s+(?:antigen|receptor|protein|pathway|target)\b",
    re.I,
)
_HOW_OFTEN_PATIENTS = re.compile(
    r"\bhow (?:often|frequently)\s+(?:did|do|does|were|was)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:pts|patients|people|participants|anyone|women|men)\b",
    re.I,
)
_HOW_MANY = re.compile(r"\b(?:how many|number of)\b", re.I)
_HOW_MANY_PATIENTS = re.compile(
    r"\b(?:how many|number of)\b[^?]{0,40}?\b(?:pts|patients|people|participants|women|men)\b",
    re.I,
)
_ARM_CONTRAST = re.compile(r"\b(?:vs\.?|versus|compared (?:with|to))\b", re.I)


def _qualifier_kind(vocab: Vocabulary, key: str) -> str:
    group = vocab.group(key)
    return group.qualifier if group and group.qualifier else ""


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the characters of ``spans`` blanked, every other one where it was."""
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            chars[i] = " "
    return "".join(chars)


def _code_shaped(word: str, vocab: Vocabulary, known: frozenset[str]) -> bool:
    """A mutation, a Roman numeral or an acronym ("L858R", "IIIA", "AML") that is no indexed
    name nor a drug's shorthand the lexicon knows ("EV" is a drug)."""
    folded = word.casefold()
    if folded in known or folded in vocab.brands:
        return False
    return bool(_MUTATION.match(word) or _ROMAN.match(word) or _ACRONYM.match(word))


def _is_entity(word: str, vocab: Vocabulary, known: frozenset[str]) -> bool:
    """A trial or drug name: known to the index, or shaped like one (ORION-12, ZV-7,
    CamelCase names, a word with a drug-name ending)."""
    folded = word.casefold()
    if folded in vocab.stopwords or len(word) < 2:
        return False
    if folded in known:
        return True
    if folded in vocab.brands and not re.fullmatch(r"[A-Za-z][a-z]{3,}", word):
        return True  # a drug's shorthand the lexicon knows ("EV", "SG"; a brand is spelled out)
    if word[0].islower() and "-" in word and not vocab.is_drug_name(word):
        return False  # "post-RT", "anti-PD-1": words, not names
    if len(folded) >= 5 and folded.isalpha() and any(k.startswith(folded) for k in known):
        return True  # a clipped drug name: "trastu", "bevaci", "nivolu"

    if vocab.is_drug_name(word):
        return True
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return False
    has_digit = any(c.isdigit() for c in word)
    inner_upper = any(c.isupper() for c in word[1:])
    if re.fullmatch(INITIAL_AND_NUMBER, word):
        return True  # "R302", "S1801": a trial's initial and number
    if has_digit and len(letters) <= 2 and "-" not in word:
        return False  # "IA1", "Q3W", "C1D1": an analysis or schedule code, not a trial
    if has_digit and len(letters) >= 2:
        return not _is_figure_word(word)
    return inner_upper and len(letters) >= 2


def decode_chat_markup(text: str) -> str:
    """Slack-style markup to plain words: mentions and channels dropped, links to their label."""

    def link(m: re.Match[str]) -> str:
        return m.group(2) or m.group(1) or ""

    return " ".join(_SLACK_MARKUP.sub(link, text).split())
