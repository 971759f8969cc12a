"""Best-effort article metadata: trial names, registry ids, drugs, phase, meeting, abbreviations.

General patterns only (how trial news names things), never knowledge of particular trials.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from index.arms import regimen_codes
from index.figures import DOSE
from index.vocabulary import Vocabulary

_NCT = re.compile(r"\bNCT\d{8}\b")
_PHASE = re.compile(r"\bphase\s+(I{1,3}V?|[1-4](?:/[1-4])?|[1-3][ab]|I[ab])\b", re.I)
# A trial name: a capitalised token with a second capital or a digit, or a hyphenated name, or
# a lower-case start with a capital later ("monarchE"),
# standing before "trial"/"study", or after "the ... phase N".
# ... with a capitalised word between the name and its number ("JAVELIN Bladder 100").
_NAME = (
    r"(?:[A-Z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*)(?:[-‑][A-Za-z0-9]+|\.\d+)*"
    r"(?:\s[A-Z][a-z]+(?:\s(?:and|&)\s[A-Z][a-z]+)?(?=\s[0-9]))?"
    r"(?:\s(?:[0-9]{2,5}[A-Z]{0,3}|[0-9][A-Z]{1,3}))?"
)
# "DESTINY-Breast06 (NCT...) trial", "the DESTINY-Breast06 phase 3 trial"
_TRIAL_BEFORE = re.compile(
    rf"\b({_NAME})\s+(?:\([^)]*\)\s+)?(?:phase\s+[\w/]+\s+)?(?:trial|study)\b"
)
_TRIAL_AFTER_PHASE = re.compile(rf"\bphase\s+\S+\s+({_NAME})\b")
# a name its description as a trial follows: "RADICALS-RT, the largest randomised trial of ..."
_TRIAL_APPOSITION = re.compile(
    rf"\b({_NAME}),\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,5}}?(?:trial|study)\b"
)
# a name its registry number follows: "AEGEAN (NCT03800134)"
# or with its other names before it: "PRIMA (ENGOT-OV26/GOG-3012; NCT02655016)"
# ... or words of the registry before it: "N9741 (ClinicalTrials.gov identifier NCT00003594)"
# ... or its name spelt out: "ROAR (Rare Oncology Agnostic Research), NCT02034110"
_TRIAL_BEFORE_NCT = re.compile(
    rf"\b({_NAME})\s*(?:[\(\[,]\s*|\([^()\n]{{1,60}}?(?:[;,:]|\bidentifier|\bnumber)\s*"
    r"|\([A-Z][^()\n]{1,80}\)\s*[,;:]?\s*\(?)"
    r"NCT\d{8}\b"
)
# two names of one trial before its registry number: "Study 309 / KEYNOTE-775 (NCT03517449)",
# a sponsor's study number among them
_STUDY_NUMBER = r"(?:Study|Trial)\s+\d{3,5}"
_TWIN_NAMES = re.compile(
    rf"\b({_STUDY_NUMBER}|{_NAME})\s*/\s*({_STUDY_NUMBER}|{_NAME})\s*[\(\[,]\s*NCT\d{{8}}\b"
)
# a headline or heading that opens with the name: "PRIMA: Niraparib maintenance extends ..."
_TRIAL_HEADING = re.compile(rf"^[ \t#*]*({_NAME}):\s", re.M)
# A coded name standing anywhere: capitals (two or more, or all) and a number ("CheckMate 649",
# "KEYNOTE-048", "CheckMate-8HW"); counted as a trial when the article uses it twice or more
# ("POD1UM-303": digits inside the letters and a number after a hyphen; "EMPOWER-Lung 1": a word
# in capitals, a capitalised word and a number; "EORTC 26981": a group's five-digit number)
# ("AGO-OVAR 16", "NRG-GY018": a group's capitals and a hyphen before the coded name; "N9741",
# "S0777": a group's one letter and its protocol number; "ACT II": capitals and a Roman number)
_ROMAN = r"(?:II|III|IV|VI{0,3}|IX|XI{0,3}|XIV|XV)"
# ("TROG 12.01", "MA.32": a group's number with a dot in it)
# ... but never the tail of a hyphenated word: "R-CHOP-21", "dd-MVAC-14" are regimens
_CODED_TRIAL = re.compile(
    r"\b(?<![-‑])((?:[A-Z]{2,}[-‑])?[A-Z][A-Za-z0-9]*[A-Z][A-Za-z]*[-‑ ]?\d{1,5}[A-Z]{0,3}"
    r"(?:[-‑]\d{1,5}[A-Z]{0,3}|(?<=\d\d)\.\d{2})?"
    r"|[A-Z]{3,}[-‑][A-Z][a-z]+[-‑ ]?\d{1,3}[A-Z]?"
    r"|[A-Z]\d{4,5}|[A-Z]{2}\.\d{1,2}"
    rf"|[A-Z]{{3,}}[-‑ ]{_ROMAN}|[A-Z][a-z]{{3,}} {_ROMAN}"
    r"|[A-Z]{4,}[-‑][A-Z])\b(?![-‑])"
)
# what a coded name with a Roman number must not be: a stage, grade or phase, a part of a text
_NOT_BEFORE_ROMAN = frozenset(
    (
        *("STAGE", "GRADE", "PHASE", "CLASS", "TYPE", "LEVEL", "PART", "COHORT", "ARM", "GROUP"),
        *("STUDY", "TRIAL", "CYCLE", "TABLE", "FIGURE", "APPENDIX", "SECTION", "VOLUME"),
        *("CHAPTER", "WAR", "TIER", "CATEGORY", "CLASSES", "STAGES", "GRADES", "PHASES", "FIGO"),
        "NYHA",
    )
)
_ABBREVIATION = re.compile(
    r"\b([A-Za-z][\w-]*(?:\s+[\w-]+){0,4})\s+\((?:[A-Za-z ]+,\s*)?([A-Z][A-Za-z0-9+/-]{1,14})\)"
)
# a glossary under a table or figure: "GC, gemcitabine-cisplatin; CrCl, creatinine clearance."
_GLOSSARY_ENTRY = re.compile(
    r"(?:^|(?<=[;.:\-–—]\s)|(?<=\n))([A-Z][A-Za-z0-9+/-]{1,14}),\s+([a-z][a-z'/-]*(?:\s+[a-z'/-]+){0,5})"
    r"(?=\s*[;.]|\s*$)",
    re.M,
)
_COMMON_CAPITALISED = frozenset(
    [
        "The",
        "This",
        "That",
        "These",
        "Our",
        "Their",
        "Its",
        "A",
        "An",
        "In",
        "On",
        "At",
        "Of",
        "For",
        "With",
        "Phase",
        "Study",
        "Trial",
        "Pivotal",
        "Randomized",
        "Global",
        "Open",
        "Label",
        "Overall",
        "Median",
        "Key",
        "Primary",
        "Secondary",
        "Results",
        "Data",
        "New",
        "Although",
        "However",
        "Among",
        "After",
        "Before",
        "During",
        "Patients",
        "Investigators",
    ]
)


@dataclass
class Annotations:
    """What an article is about, as far as plain patterns can tell."""

    trials: list[str] = field(default_factory=list)
    registry_ids: list[str] = field(default_factory=list)
    drugs: list[str] = field(default_factory=list)
    phase: str = ""
    meeting: str = ""
    aliases: dict[str, str] = field(default_factory=dict)  # abbreviation -> long form
    brands: dict[str, list[str]] = field(default_factory=dict)  # brand -> drug names (folded)
    regimens: list[str] = field(default_factory=list)  # codes used as arms' names ("AC-TH")


def _looks_like_trial_name(name: str) -> bool:
    first = name.split()[0].split("-")[0]
    if first in _COMMON_CAPITALISED or len(name) < 3 or re.fullmatch(r"[IVX]+", name):
        return False
    rest = name[1:]
    # a hyphen makes a name ("ATHENA-MONO", "Keynote-A18"), not a compound adjective in title
    # case ("Three-arm phase 3 trial", "Open-label study"): a part after it that is lower case
    hyphened = "-" in name and not all(p[:1].islower() for p in name.split("-")[1:])
    return any(c.isupper() for c in rest) or any(c.isdigit() for c in name) or hyphened


def _regimens(text: str, trials: list[str], vocab: Vocabulary) -> list[str]:
    """The codes the article names its arms by, but its trials' names, vocabulary terms
    ("HER2") and brand names."""
    return [
        c
        for c in regimen_codes(text)
        if c not in trials and not vocab.is_whole_term(c) and c.casefold() not in vocab.brands
    ]


def _coded_names(text: str, vocab: Vocabulary) -> Counter[str]:
    """The coded names ``text`` uses, each with how often, but a drug's abbreviation and its
    dose ("5-FU 1000 mg/m2") and a stage or grade in capitals ("GRADE III", "FIGO III")."""
    coded: Counter[str] = Counter()
    for m in _CODED_TRIAL.finditer(text):
        name = m.group(1)
        first, number = re.split(r"[-‑ ]", name)[0], re.findall(r"\d+$", name)
        if number and DOSE.match(text, m.end() - len(number[0])):
            continue
        if re.search(r"[-‑ ][IV]+$", name) and (
            first.upper() in _NOT_BEFORE_ROMAN or vocab.is_whole_term(first)
        ):
            continue
        if re.fullmatch(r"[A-Z]{1,2}[-‑ ]\d+\.\d+", name):
            continue  # "OR 13.94": a statistic and its value, no group's dotted number
        coded[name] += 1
    return coded


def _trial_names(text: str, vocab: Vocabulary) -> list[str]:
    """The trial names ``text`` uses, most used first: said as a trial's ("the X trial", "phase
    3 X", "X (NCT...)"), opening a heading, or a coded name used twice; a code the article
    names an arm by ("IFL: irinotecan ...", "15.0 months with IFL") is a regimen unless it is
    said as a trial's name."""
    names: Counter[str] = Counter()
    for pattern in (_TRIAL_BEFORE, _TRIAL_AFTER_PHASE, _TRIAL_BEFORE_NCT, _TRIAL_APPOSITION):
        for m in pattern.finditer(text):
            name = m.group(1).strip()
            # "the phase 3 RESPONSE trial": a word of the vocabulary in capitals is its name
            if vocab.is_whole_term(name) and not vocab.word_in_capitals(name):
                # "the De-ESCALaTE HPV trial": a term of the vocabulary after the trial's name
                # (on the same line: not a headline's last word before "Randomised phase 2 study")
                before = re.search(
                    rf"\b({_NAME})[ \t]+$", text[max(0, m.start(1) - 60) : m.start(1)]
                )
                name = (
                    before.group(1) if before and not vocab.is_whole_term(before.group(1)) else ""
                )
            # a sponsor's study number ("Study 19 (NCT00753545)"), without a heading's word
            # before it on the same line ("Design Study 19")
            numbered = re.fullmatch(r"(?:[A-Z][a-z]+\s)*(Study\s\d{1,5})", name)
            if numbered and pattern is _TRIAL_BEFORE_NCT:
                name = numbered.group(1)
            elif name and not _looks_like_trial_name(name):
                name = ""
            if name:
                name = _with_word_in_capitals_before(text, m.start(1), name, vocab)
            if name and not _NCT.fullmatch(name):
                names[name] += 1
    for m in _TWIN_NAMES.finditer(text):
        for name in m.groups():
            if re.fullmatch(_STUDY_NUMBER, name) or _looks_like_trial_name(name):
                names[name] += 1
    said = set(names)
    for m in _TRIAL_HEADING.finditer(text):
        name = m.group(1)
        # a label ("CONTACT:", "ORR:") is no trial: the name must recur in the text, not as a label
        if (
            _looks_like_trial_name(name)
            and re.search(rf"\b{re.escape(name)}\b(?!:)", text)
            and not vocab.is_whole_term(name)
        ):
            names[name] += 1
    for name, count in _coded_names(text, vocab).items():
        if (
            count >= 2
            and _looks_like_trial_name(name)
            and not _NCT.fullmatch(name)
            and not vocab.is_whole_term(name)
            # "PD-1", "HER2", "CD20", a score's band ("IPI 3-5")
            and not re.fullmatch(r"[A-Z]{1,3}[-‑ ]?\d{1,2}(?:[-‑]\d{1,2})?", name)
        ):
            names[name] += count
    for code in regimen_codes(text):
        if code not in said:
            names.pop(code, None)
    return [n for n, _ in names.most_common(5)]


_CAPITALS_BEFORE = re.compile(r"(?<![\w-])([A-Z]{4,}) $")


def _with_word_in_capitals_before(text: str, start: int, name: str, vocab: Vocabulary) -> str:
    """A trial's name with the word of the vocabulary in capitals that opens it ("the CONTROL
    NETs study": "CONTROL NETs", no control arm and no "NETs" trial); a coded name with its
    number is whole on its own ("CTONG1104")."""
    if any(c.isdigit() for c in name):
        return name
    before = _CAPITALS_BEFORE.search(text, max(0, start - 20), start)
    if before and vocab.is_whole_term(before.group(1)) and vocab.word_in_capitals(before.group(1)):
        return f"{before.group(1)} {name}"
    return name


def annotate(text: str, vocab: Vocabulary) -> Annotations:
    """Find trial names, NCT ids, drugs, phase, meeting and defined abbreviations in ``text``."""
    drug_counts: Counter[str] = Counter(
        w.casefold() for w in re.findall(r"\b[A-Za-z][a-z]{5,}\b", text) if vocab.is_drug_name(w)
    )
    # "nab-paclitaxel": a formulation of a drug, a drug of its own
    drug_counts.update(
        m.group(0).casefold()
        for m in re.finditer(r"\b[a-z]{3,10}-[a-z]{6,}\b", text, re.I)
        if vocab.is_formulation(m.group(0))
    )
    # "radium-223": a radionuclide given as a drug
    drug_counts.update(
        m.group(0).casefold()
        for m in re.finditer(r"\b[a-z]{4,10}-\d{2,3}\b", text, re.I)
        if vocab.is_radionuclide(m.group(0))
    )
    aliases = {}
    for m in _ABBREVIATION.finditer(text):
        long_form, short = m.group(1), m.group(2)
        # keep the shortest tail of the long form whose words start the abbreviation's letters
        tail = _matching_tail(long_form.split(), short)
        if tail:
            aliases[short] = tail
    for m in _GLOSSARY_ENTRY.finditer(text):
        short, long_form = m.group(1), m.group(2)  # a glossary says where its long form starts
        if _matching_tail(long_form.split(), short) and long_form[0] == short[0].casefold():
            aliases.setdefault(short, long_form)
    for m in _CODE_THEN_DRUGS.finditer(text):  # "FLOT (fluorouracil, leucovorin, ...)"
        if lists_only_drugs(m.group(2), vocab):
            aliases.setdefault(m.group(1), m.group(2))
    for m in _REGIMEN_CODE.finditer(text):
        regimen = _regimen_named(text[max(0, m.start() - 160) : m.start()], m.group(1), vocab)
        if regimen:
            aliases.setdefault(m.group(1), regimen)
    drugs = [d for d, _ in drug_counts.most_common(10)]
    coded = _coded_agents(text, vocab)
    drugs += [c for c in coded if c not in drugs]
    for short, long_form in aliases.items():
        if any(vocab.is_drug_name(w) for w in long_form.split()) and short not in drugs:
            drugs.append(short)
    trials = [t for t in _trial_names(text, vocab) if t.casefold() not in coded]  # no agent's
    # a trial's name before the drugs it tested ("EMPHACIS (... pemetrexed with cisplatin)")
    # is no brand
    named_trials = {t.casefold() for t in trials}
    brands = {b: d for b, d in _brands(text, vocab).items() if b not in named_trials}
    meeting = _meeting(text, vocab)
    phase_match = _PHASE.search(text)
    return Annotations(
        trials=trials,
        registry_ids=sorted(set(_NCT.findall(text))),
        drugs=drugs,
        phase=f"phase {phase_match.group(1)}" if phase_match else "",
        meeting=meeting,
        aliases=aliases,
        brands=brands,
        regimens=_regimens(text, trials, vocab),
    )


# a development code ("IBI305", "SHR-1210", "AZD9833"): letters, then digits
_CODE = r"[A-Z]{2,6}-?\d{3,6}[A-Za-z]?"
_CODE_THEN_NOUN = re.compile(rf"\b({_CODE})\b\)?,\s+(?:an?|the)\s+([^,.;()]{{0,60}})")
_NOUN_THEN_CODE = re.compile(rf"\b([A-Za-z]+)\s+({_CODE})\b")


def _coded_agents(text: str, vocab: Vocabulary) -> list[str]:
    """Drugs an article names by their code, lower case: a code it describes as an agent
    ("IBI305, a biosimilar of bevacizumab", "the PD-1 antibody SHR-1210")."""
    found = [m.group(1) for m in _CODE_THEN_NOUN.finditer(text) if _says_agent(m.group(2), vocab)]
    found += [m.group(2) for m in _NOUN_THEN_CODE.finditer(text) if _says_agent(m.group(1), vocab)]
    out: list[str] = []
    for code in found:
        c = code.casefold()
        known = vocab.is_whole_term(code)  # a target or marker ("CD123"), no drug
        if not known and c not in out:
            out.append(c)
    return out


def _says_agent(words: str, vocab: Vocabulary) -> bool:
    return any(w.casefold() in vocab.agent_nouns for w in re.findall(r"[A-Za-z]+", words))


# "durvalumab (Imfinzi)", "trifluridine/tipiracil (Lonsurf; also called ...)" and
# "Opdualag (nivolumab and relatlimab-rmbw)": a brand name beside the drugs it is
_GENERIC_THEN_BRAND = re.compile(
    r"\b([A-Za-z][\w/-]{4,}(?:\s+[a-z][\w-]{4,})?)\s*\(\s*([A-Z][A-Za-z]{3,})\b"
)
_BRAND_THEN_GENERIC = re.compile(r"\b([A-Z][A-Za-z]{3,})(?:®|\(R\))?\s*\(([^()]{4,80})\)")


def _brands(text: str, vocab: Vocabulary) -> dict[str, list[str]]:
    """Brand names the article gives its drugs, each with the drug names it stands for."""
    out: dict[str, list[str]] = {}

    def drugs_in(words: str) -> list[str]:
        return [
            w.casefold() for w in re.split(r"[\s/,;-]+|\band\b", words) if vocab.is_drug_name(w)
        ]

    for m in _GENERIC_THEN_BRAND.finditer(text):
        generic, brand = drugs_in(m.group(1)), m.group(2)
        if not generic or vocab.is_drug_name(brand) or vocab.terms(brand):
            continue
        # "doxorubicin, bleomycin, vinblastine and dacarbazine (ABVD)": capitals after drugs
        # listed are their regimen's code, no brand of the last
        clause = re.split(r"[.;:(]", text[max(0, m.start(2) - 160) : m.start(2) - 1])[-1]
        if not (brand.isupper() and len(drugs_in(clause)) >= 2):
            out.setdefault(brand.casefold(), generic)
    for m in _BRAND_THEN_GENERIC.finditer(text):
        brand, generic = m.group(1), drugs_in(m.group(2))
        if generic and not vocab.is_drug_name(brand) and not vocab.terms(brand):
            out.setdefault(brand.casefold(), generic)
    return out


# a regimen's code in brackets after its drugs: "(BVd)", "(D-Rd)", "(VenR)", "(GClb)"
_REGIMEN_CODE = re.compile(r"\(([A-Z][A-Za-z]{0,3}(?:-?[A-Z][A-Za-z]{0,3}){1,3}|[A-Z]d)\)")


# a regimen's code and its drugs in brackets after it: "FLOT (fluorouracil, leucovorin,
# oxaliplatin and docetaxel)", "ECF/ECX (epirubicin, cisplatin and fluorouracil or capecitabine)"
_CODE_THEN_DRUGS = re.compile(
    r"\b([A-Z][A-Z0-9]*(?:[/+-][A-Z0-9]+)*)\s+\(([a-z][a-z ,/-]{8,120})\)"
)


def lists_only_drugs(text: str, vocab: Vocabulary) -> bool:
    """Two drugs or more and nothing else but the words that join them: a regimen spelt out
    ("fluorouracil, leucovorin, oxaliplatin and docetaxel"), not arms compared."""
    words = re.findall(r"[a-z]+", text.casefold())
    drugs = [w for w in words if vocab.is_drug_name(w)]
    joining = {"and", "plus", "with", "or"}
    return len(drugs) >= 2 and all(w in joining or vocab.is_drug_name(w) for w in words)


def _regimen_parts(code: str) -> list[str]:
    """A regimen code's letters for its drugs: each capital starts one ("VenR": ven, r), and a
    last lower-case "d" is dexamethasone's ("BVd": b, v, d)."""
    parts = []
    for piece in re.findall(r"[A-Z][a-z]*", code):
        if len(piece) == 2 and piece.endswith("d"):
            parts += [piece[0], "d"]
        else:
            parts.append(piece)
    return [p.casefold() for p in parts]


def _regimen_named(before: str, code: str, vocab: Vocabulary) -> str:
    """The drugs a regimen code stands for when the words right before it name them, one
    for each of its letters in order, by their generic or brand names ("daratumumab plus
    bortezomib and dexamethasone (DVd)": Darzalex, Velcade, dexamethasone); else ""."""
    parts = _regimen_parts(code)
    if len(parts) < 2:
        return ""
    names: dict[str, list[str]] = {}  # a generic's brands
    for brand, generic in vocab.brands.items():
        for g in generic.casefold().split():
            names.setdefault(g, []).append(brand)
    words = re.findall(r"[A-Za-z][\w-]*", before)[-14:]
    drugs = [w.casefold() for w in words if vocab.is_drug_name(w)]
    drugs = [d for i, d in enumerate(drugs) if i == 0 or drugs[i - 1] != d]
    if len(drugs) < len(parts):
        return ""
    chosen = drugs[-len(parts) :]
    for part, drug in zip(parts, chosen, strict=True):
        if not any(n.startswith(part) for n in [drug, *names.get(drug, [])]):
            return ""
    return " plus ".join(chosen)


def _matching_tail(words: list[str], short: str) -> str:
    letters = [c.casefold() for c in short if c.isalpha()]
    if not letters:
        return ""
    for n in range(1, len(words) + 1):
        tail = words[-n:]
        if tail[0][0].casefold() == letters[0] and all(
            any(w.casefold().startswith(ch) or ch in w.casefold() for w in tail) for ch in letters
        ):
            return " ".join(tail)
    return ""


def _meeting(text: str, vocab: Vocabulary) -> str:
    for name in sorted(vocab.meetings, key=len, reverse=True):
        pattern = re.compile(
            rf"(?:\b(?:19|20)\d\d\s+)?\b{re.escape(name)}\b(?:[^.\n]{{0,40}}?\b(?:19|20)\d\d\b)?"
        )
        m = pattern.search(text)
        if m:
            return m.group(0).strip()
    return ""
