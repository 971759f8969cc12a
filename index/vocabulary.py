"""The domain vocabulary (``prompts/vocabulary.yaml``): endpoints, synonym groups, qualifiers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from index.errors import ConfigError
from index.text import stem, tokenize

_PRIMARY_ENDPOINT = re.compile(
    # "the primary endpoint", "the primary HER2-low population", "primary refractory disease",
    # "primary tumour", "primary prophylaxis": no analysis
    r"\bprimary\s+(?:end\s*-?\s*points?|outcomes?|objectives?|(?:[\w+/-]+\s+){0,2}"
    r"(?:population|cohort)s?\b|refractory|resistan\w*|tumou?rs?\b|sites?\b|prophylaxis|"
    r"lesions?\b|surgery|debulking|diagnosis)",
    re.I,
)
# "no obligation to update any forward-looking statement": the verb, no analysis
_UPDATE_VERB = re.compile(r"\b(?:to|will|may|not)\s+update\b", re.I)


def _no_analysis_words(text: str, keep_offsets: bool = False) -> str:
    """``text`` without the words that look like an analysis's name and are none (blanked
    letter for letter with ``keep_offsets``)."""

    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group(0)) if keep_offsets else " "

    return _UPDATE_VERB.sub(blank, _PRIMARY_ENDPOINT.sub(blank, text))


@dataclass(frozen=True)
class Term:
    """One recognised term in a text: what it is, its canonical key, where it stands."""

    kind: str  # "endpoint" | "group"
    key: str
    start: int
    end: int
    qualifier: str = ""  # "", "subgroup", "setting", "arm" or "method"


@dataclass(frozen=True)
class Group:
    key: str
    forms: tuple[str, ...]
    qualifier: str  # "", "subgroup", "setting", "arm" or "method"
    optional: bool = False  # a sentence that answers need not say it ("any grade")
    event: bool = False  # an adverse event of its own ("nausea"), not every event
    names_endpoint: bool = False  # answered by a sentence naming an endpoint ("primary endpoint")


_TERM_CACHE = 50_000


@dataclass
class Vocabulary:
    """Matches endpoint and synonym terms in text and expands search queries."""

    endpoints: dict[str, tuple[str, ...]]
    groups: list[Group]
    conflicts: frozenset[frozenset[str]]
    meetings: tuple[str, ...]
    drug_suffixes: tuple[str, ...]
    not_drugs: frozenset[str]
    stopwords: frozenset[str]
    # words that say how a figure is asked ("lower bound", "above", "how often"), never which
    # article it is in: a rare one does not pick the article a question is about
    asking_words: frozenset[str] = frozenset()
    # the words that name a trial's comparator arm without its drugs ("the standard-care arm")
    comparator_arms: tuple[str, ...] = ()
    # a population's words as clinicians shorten them, as articles write them ("wt": wildtype)
    population_shorthand: dict[str, str] = field(default_factory=dict)
    # an endpoint said in plain words ("before their disease progressed"): read as the
    # endpoint, never one of its wordings a search is widened with
    plain_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    marker_suffixes: dict[str, str] = field(default_factory=dict)  # "IDHmut": "-mutant"
    units: dict[str, str] = field(default_factory=dict)  # endpoint -> percent|time|count|dose
    context_endpoints: frozenset[str] = frozenset()
    frame_endpoints: frozenset[str] = frozenset()  # "follow-up for PFS" measures follow-up
    # setting groups that say when a drug is given (adjuvant, maintenance), not who gets it
    treatment_phases: frozenset[str] = frozenset()
    treatment_words: frozenset[str] = frozenset()  # "12 months of <treatment>": its duration
    # words for an arm's class of treatment, not one drug: "chemo" -> "chemotherapy"
    drug_classes: dict[str, str] = field(default_factory=dict)
    # endings of cytotoxic drugs' names ("carboplatin"): drugs the class "chemotherapy" covers
    chemotherapy_suffixes: tuple[str, ...] = ()
    # formulations written before a drug's name, a drug of their own ("nab-paclitaxel")
    formulation_prefixes: frozenset[str] = frozenset()
    radionuclides: frozenset[str] = frozenset()  # elements given as drugs: "radium" of "radium-223"
    radionuclide_symbols: dict[str, str] = field(default_factory=dict)  # "Lu" -> "lutetium"
    agent_nouns: frozenset[str] = frozenset()  # "IBI305, a biosimilar of ...": a coded drug
    lines_of_therapy: frozenset[str] = frozenset()  # "first line", "second line", ...
    spelt_out: dict[str, str] = field(default_factory=dict)  # "SLNB" -> "sentinel biopsy"
    history_words: tuple[str, ...] = ()  # "pretreated", "refractory": a treatment history
    # the tumour types articles are about, each by its forms ("kidney": "renal cell", "RCC")
    tumour_types: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # where an event happened ("distant", "local") and the events ("progression", "relapse"):
    # "distant intracranial progression" is not the intracranial progression asked
    event_sites: tuple[str, ...] = ()
    event_words: tuple[str, ...] = ()
    # which analysis a figure is from: name -> its wordings ("updated": "longer follow-up")
    analyses: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # words that say what a drug acts on ("targets", "inhibitor", "bispecific antibody")
    mechanism_cues: tuple[str, ...] = ()
    # words that name the two sides of a split of the population ("high"/"low" risk)
    opposites: tuple[tuple[str, str], ...] = ()
    brands: dict[str, str] = field(default_factory=dict)  # casefolded brand -> generic name
    # forms matched only in the case written ("CRc"; "CRC" is colorectal cancer)
    cased_forms: frozenset[str] = frozenset()
    landmark_endpoints: frozenset[str] = frozenset()  # also reported as a rate at a landmark
    # what adverse events led to (stopping, a lower dose, death): no rate of the events
    consequence_endpoints: frozenset[str] = frozenset()
    related: frozenset[frozenset[str]] = frozenset()
    # endpoints that count each other's complement: no rate or median of one answers the other
    complements: frozenset[frozenset[str]] = frozenset()
    # abbreviations of more than one meaning ("MSS"), each meaning as articles spell it out
    senses: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _pattern: re.Pattern[str] = field(init=False, repr=False)
    _by_form: dict[str, tuple[str, str, str]] = field(init=False, repr=False)
    _seen: dict[str, tuple[Term, ...]] = field(init=False, repr=False, default_factory=dict)
    _events: frozenset[str] = field(init=False, repr=False, default=frozenset())
    _cased: dict[str, tuple[str, str, str]] = field(init=False, repr=False, default_factory=dict)
    _written: frozenset[str] = field(init=False, repr=False, default=frozenset())  # as written
    _class_names: frozenset[str] = field(init=False, repr=False, default=frozenset())
    _combination_brands: tuple[str, ...] = field(init=False, repr=False, default=())
    _generic_names: frozenset[str] = field(init=False, repr=False, default=frozenset())
    _tumour_patterns: dict[str, re.Pattern[str]] = field(
        init=False, repr=False, default_factory=dict
    )
    _event_sites_pattern: re.Pattern[str] = field(
        init=False, repr=False, default=re.compile("(?!)")
    )
    _event_words_pattern: re.Pattern[str] = field(
        init=False, repr=False, default=re.compile("(?!)")
    )
    _site_of_event: re.Pattern[str] = field(init=False, repr=False, default=re.compile("(?!)"))
    _radionuclide_symbol: re.Pattern[str] = field(
        init=False, repr=False, default=re.compile("(?!)")
    )
    _analysis_patterns: dict[str, re.Pattern[str]] = field(
        init=False, repr=False, default_factory=dict
    )
    _comparator_pattern: re.Pattern[str] = field(init=False, repr=False, default=re.compile("(?!)"))

    def __post_init__(self) -> None:
        by_form: dict[str, tuple[str, str, str]] = {}
        cased: dict[str, tuple[str, str, str]] = {}  # "CRc" in that case only
        for key, forms in (*self.endpoints.items(), *self.plain_forms.items()):
            for form in forms:
                into = cased if form in self.cased_forms else by_form
                into.setdefault(form if into is cased else _fold(form), ("endpoint", key, ""))
        for group in self.groups:
            for form in group.forms:
                into = cased if form in self.cased_forms else by_form
                into.setdefault(
                    form if into is cased else _fold(form), ("group", group.key, group.qualifier)
                )
        self._by_form, self._cased = by_form, cased
        every = (*self.endpoints.values(), *(g.forms for g in self.groups))
        self._written = frozenset(f for forms in every for f in forms)
        self._events = frozenset(g.key for g in self.groups if g.event)
        self._class_names = frozenset(self.drug_classes.values())
        self._combination_brands = tuple(
            b for b, generic in self.brands.items() if re.search(r"\band\b|[+/]", generic)
        )
        self._generic_names = frozenset(
            " ".join(g.casefold().split()) for g in self.brands.values()
        )
        self._tumour_patterns = {key: _whole_phrases(f) for key, f in self.tumour_types.items()}
        if self.event_sites and self.event_words:
            sites = "|".join(map(re.escape, self.event_sites))
            events = "|".join(map(re.escape, self.event_words))
            self._event_sites_pattern = re.compile(rf"\b(?:{sites})\b", re.I)
            self._event_words_pattern = re.compile(rf"\b(?:{events})\b", re.I)
            # a site before its event, up to two words apart ("distant intracranial progression")
            self._site_of_event = re.compile(
                rf"\b({sites})\s+(?:[\w-]+\s+){{0,2}}?(?:{events})\b", re.I
            )
        self._analysis_patterns = {  # compiled once: asked of every candidate figure's sentence
            name: _whole_phrases(forms) for name, forms in self.analyses.items()
        }
        self._comparator_pattern = _whole_phrases(self.comparator_arms)
        # a radionuclide by its symbol and mass number, either way round: "Lu-177", "177Lu"
        # (not the head of a compound name: "177Lu-PSMA-617" is a name of its own)
        if self.radionuclide_symbols:
            symbols = "|".join(
                sorted(map(re.escape, self.radionuclide_symbols), key=len, reverse=True)
            )
            self._radionuclide_symbol = re.compile(
                rf"(?<![\w-])(?:(?P<s1>{symbols})[- ]?(?P<m1>\d{{2,3}})"
                rf"|(?P<m2>\d{{2,3}})[- ]?(?P<s2>{symbols}))(?![\w-])"
            )
        alternatives = sorted(set(by_form) | {_fold(f) for f in cased}, key=len, reverse=True)
        body = "|".join(_flexible(a) for a in alternatives)
        # Word boundaries that also work for forms ending in symbols such as "3L+" or "≥3"; a
        # form after "non-" is negated ("non-major bleeding", "non-serious AEs"), not said; and
        # "survival" after an unknown "X-free" is that endpoint ("laryngectomy-free survival"),
        # not overall survival (a known one, "event-free survival", is matched whole before)
        self._pattern = re.compile(
            rf"(?<!\w)(?<!non-)(?<!-free\s)(?:{body})(?![\w]|-\w)", re.IGNORECASE
        )

    def terms(self, text: str) -> list[Term]:
        """Every vocabulary term in ``text``, longest match first, without overlaps."""
        cached = self._seen.get(text)
        if cached is None:
            found = []
            for m in self._pattern.finditer(text):
                said = self._cased.get(m.group(0)) or self._by_form.get(_fold(m.group(0)))
                if said is None:
                    continue  # "CRC" where only "CRc" is a form
                kind, key, qualifier = said
                found.append(Term(kind, key, m.start(), m.end(), qualifier))
            cached = tuple(found)
            if len(self._seen) > _TERM_CACHE:
                self._seen.clear()  # articles' sentences repeat across questions; bound the memory
            self._seen[text] = cached
        return list(cached)

    def related_endpoints(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.related

    def complementary(self, a: str, b: str) -> bool:
        """``a`` counts what ``b`` does not ("OS" and "deaths"): a rate of one is no answer
        for the other, though a hazard ratio is."""
        return frozenset((a, b)) in self.complements

    def group(self, key: str) -> Group | None:
        return next((g for g in self.groups if g.key == key), None)

    def names_an_endpoint(self, keys: Iterable[str]) -> bool:
        """Whether one of the groups ``keys`` asks which endpoint ("primary endpoint"): said by
        a sentence that names one, never by a figure."""
        return any(g is not None and g.names_endpoint for g in map(self.group, keys))

    @property
    def combination_brands(self) -> tuple[str, ...]:
        """The brands of more than one drug ("Opdualag": nivolumab and relatlimab)."""
        return self._combination_brands

    @property
    def class_names(self) -> frozenset[str]:
        """The classes of treatment ``drug_classes`` names ("chemotherapy", "placebo")."""
        return self._class_names

    def tumour_types_named(self, text: str) -> set[str]:
        """The tumour types ``text`` names ("renal cell carcinoma": kidney)."""
        return {key for key, p in self._tumour_patterns.items() if p.search(text)}

    def event_sites_named(self, text: str) -> set[str]:
        """The sites of events ``text`` names ("distant"), casefolded."""
        return {m.group(0).casefold() for m in self._event_sites_pattern.finditer(text)}

    def names_an_event(self, text: str) -> bool:
        """Whether ``text`` names an event that may happen at a site ("progression")."""
        return bool(self._event_words_pattern.search(text))

    def sites_of_events(self, text: str) -> list[tuple[str, int]]:
        """Each site ``text`` says before an event ("distant intracranial progression"): the
        site, casefolded, and where it starts."""
        return [(m.group(1).casefold(), m.start()) for m in self._site_of_event.finditer(text)]

    def analyses_named(self, text: str) -> set[str]:
        """The analyses ``text`` names ("updated" for "after longer follow-up")."""
        return set(self.analysis_mentions(text))

    def analysis_mentions(self, text: str) -> dict[str, int]:
        """How often ``text`` names each analysis it names ("the primary endpoint" names
        none)."""
        text = _no_analysis_words(text)
        counts = {name: len(p.findall(text)) for name, p in self._analysis_patterns.items()}
        return {name: n for name, n in counts.items() if n}

    def without_analyses(self, text: str) -> str:
        """``text`` with the analyses it names ("primary analysis", "IA2") blanked letter for
        letter: those words say which figure, not what it measures or of whom."""
        looked = _no_analysis_words(text, keep_offsets=True)  # ("the primary endpoint")
        chars = list(text)
        for pattern in self._analysis_patterns.values():
            for m in pattern.finditer(looked):
                chars[m.start() : m.end()] = " " * (m.end() - m.start())
        return "".join(chars)

    def is_event(self, key: str) -> bool:
        """Whether a group is an adverse event of its own ("nausea"), not every event."""
        return key in self._events

    def conflicting(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.conflicts

    def superseded(self, said: set[str], reported: set[str]) -> bool:
        """Whether an analysis in ``said`` is an earlier one than another, conflicting one in
        ``reported`` ("IA1" when the article also reports "the second interim analysis"):
        ``analyses`` lists them from the earliest to the latest."""
        order = list(self.analyses)
        return any(
            self.conflicting(a, b) and order.index(a) < order.index(b)
            for a in said
            for b in reported
        )

    def expansions(self, text: str) -> list[str]:
        """The other wordings of every term in ``text``, for query expansion."""
        extra: list[str] = []
        for term in self.terms(text):
            forms = (
                self.endpoints[term.key]
                if term.kind == "endpoint"
                else (g.forms if (g := self.group(term.key)) else ())
            )
            extra.extend(f for f in forms if f.casefold() != text[term.start : term.end].casefold())
        return extra

    def search_tokens(self, text: str) -> list[str]:
        return tokenize(text, self.stopwords)

    @property
    def generic_names(self) -> frozenset[str]:
        """The generic names the brands stand for, lower case ("axicabtagene ciloleucel")."""
        return self._generic_names

    def names_comparator(self, text: str) -> bool:
        """``text`` names the comparator arm by one of the words for it, not by its drugs (nor
        by a word of an endpoint's name: "disease control", "local control")."""
        endpoints = [(t.start, t.end) for t in self.terms(text) if t.kind == "endpoint"]
        return any(
            not any(start <= m.start() and m.end() <= end for start, end in endpoints)
            for m in self._comparator_pattern.finditer(text)
        )

    def is_radionuclide(self, word: str) -> bool:
        """A radionuclide given as a drug, by its element and mass number ("radium-223")."""
        element, _, mass = word.casefold().partition("-")
        return element in self.radionuclides and mass.isdigit() and 2 <= len(mass) <= 3

    def spell_radionuclides(self, text: str, known: frozenset[str]) -> str:
        """``text`` with a radionuclide typed by its symbol ("Lu-177", "177Lu") spelt the way
        the index names it ("lutetium-177"), when one of ``known`` (casefolded names) does."""

        def spelt(m: re.Match[str]) -> str:
            symbol, mass = m.group("s1") or m.group("s2"), m.group("m1") or m.group("m2")
            name = f"{self.radionuclide_symbols[symbol]}-{mass}"
            return name if name in known else m.group(0)

        return self._radionuclide_symbol.sub(spelt, text)

    def is_formulation(self, word: str) -> bool:
        """A formulation of a drug, a drug of its own ("nab-paclitaxel")."""
        prefix, _, rest = word.casefold().partition("-")
        return bool(rest) and prefix in self.formulation_prefixes and self.is_drug_name(rest)

    def word_in_capitals(self, name: str) -> bool:
        """``name`` is a word of the vocabulary written in capitals ("RESPONSE", a trial's
        name), not one of its abbreviations as they are written ("ORR", "HPV", "ICANS")."""
        return (
            name.isalpha()
            and name.isupper()
            and len(name) >= 4
            and name not in self._written
            and self.is_whole_term(name)
        )

    def is_whole_term(self, text: str) -> bool:
        """``text`` is one term of the vocabulary whole ("PD-L1", "HER2"), not a name that
        holds one ("CheckMate 9ER" holds ER)."""
        return any(t.start == 0 and t.end == len(text) for t in self.terms(text))

    def is_drug_name(self, word: str) -> bool:
        w = word.casefold()
        if "-" in w:
            return self.is_formulation(w) or self.is_radionuclide(w)
        return (
            len(w) >= 6
            and w.isalpha()
            and w.endswith(self.drug_suffixes)
            and w not in self.not_drugs
        )

    def names_treatment(self, word: str) -> bool:
        """Whether a word names a treatment: a drug, a class ("chemotherapy"), a phase
        ("adjuvant") or a treatment word of ``treatment_words`` ("radiotherapy", "ADT")."""
        w = word.casefold()
        return (
            w in self.treatment_words
            or w in self.drug_classes
            or w in self.treatment_phases
            or self.is_drug_name(w)
        )

    def is_chemotherapy(self, drug: str) -> bool:
        """A cytotoxic drug, which an arm called "chemotherapy" may be given ("carboplatin")."""
        return bool(self.chemotherapy_suffixes) and drug.casefold().endswith(
            self.chemotherapy_suffixes
        )

    def content_words(self, text: str) -> list[str]:
        """Stemmed words of ``text`` that are not stopwords."""
        return [stem(w) for w in tokenize(text, self.stopwords)]


_JOINERS = re.compile(r"[\s\-‐‑–]+")


def _fold(form: str) -> str:
    """A form's lookup key: case folded, hyphens and spaces alike."""
    return _JOINERS.sub(" ", form.casefold()).strip()


def _flexible(form: str) -> str:
    """A regex for a form in which a space and a hyphen may stand for each other."""
    return r"[\s\-‐‑–]+".join(re.escape(part) for part in _JOINERS.split(form.strip()))


def _whole_phrases(forms: Iterable[str]) -> re.Pattern[str]:
    """One pattern for any of ``forms`` said whole, any case, a space and a hyphen alike."""
    alternatives = sorted((_flexible(f) for f in forms), key=len, reverse=True)
    if not alternatives:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])", re.I)


def _kind(value: object) -> str:
    if value in (None, False, ""):
        return ""
    if value not in ("subgroup", "setting", "arm", "method"):
        raise ValueError(f"qualifier must be subgroup, setting, arm or method, not {value!r}")
    return str(value)


def _key(forms: list[str], name: str | None) -> str:
    return name or forms[0]


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """Load the vocabulary file; the packaged one unless ``path`` is given."""
    return _load(str(path) if path else None)


def _radionuclide_symbols(listed: object) -> dict[str, str]:
    """Symbol -> element ("Lu" -> "lutetium") of a mapping element -> symbol; a plain list of
    elements names no symbols."""
    if not isinstance(listed, dict):
        return {}
    return {str(v): str(k).casefold() for k, v in listed.items()}


@cache
def _load(path: str | None) -> Vocabulary:
    from prompts import prompt_path

    file = Path(path) if path else prompt_path("vocabulary.yaml")
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        groups = [
            Group(
                _key(g["forms"], g.get("name")),
                tuple(g["forms"]),
                _kind(g.get("qualifier")),
                bool(g.get("optional", False)),
                bool(g.get("event", False)),
                bool(g.get("names_endpoint", False)),
            )
            for g in data["groups"]
        ]
        return Vocabulary(
            endpoints={k: tuple(v) for k, v in data["endpoints"].items()},
            plain_forms={k: tuple(v) for k, v in data.get("plain_endpoints", {}).items()},
            marker_suffixes={str(k): str(v) for k, v in data.get("marker_suffixes", {}).items()},
            groups=groups,
            conflicts=frozenset(frozenset(pair) for pair in data.get("conflicts", [])),
            meetings=tuple(data.get("meetings", [])),
            drug_suffixes=tuple(data.get("drug_suffixes", [])),
            not_drugs=frozenset(w.casefold() for w in data.get("not_drugs", [])),
            cased_forms=frozenset(str(w) for w in data.get("cased_forms", [])),
            stopwords=frozenset(w.casefold() for w in data.get("stopwords", [])),
            asking_words=frozenset(w.casefold() for w in data.get("asking_words", [])),
            comparator_arms=tuple(str(w) for w in data.get("comparator_arms", [])),
            population_shorthand={
                str(k).casefold(): str(v).casefold()
                for k, v in data.get("population_shorthand", {}).items()
            },
            units={e: kind for kind, keys in data.get("units", {}).items() for e in keys},
            context_endpoints=frozenset(data.get("context_endpoints", [])),
            frame_endpoints=frozenset(data.get("frame_endpoints", [])),
            treatment_phases=frozenset(data.get("treatment_phases", [])),
            treatment_words=frozenset(w.casefold() for w in data.get("treatment_words", [])),
            drug_classes={
                str(k).casefold(): str(v) for k, v in data.get("drug_classes", {}).items()
            },
            chemotherapy_suffixes=tuple(data.get("chemotherapy_suffixes", [])),
            radionuclides=frozenset(str(w).casefold() for w in data.get("radionuclides", {})),
            radionuclide_symbols=_radionuclide_symbols(data.get("radionuclides")),
            agent_nouns=frozenset(str(w).casefold() for w in data.get("agent_nouns", [])),
            lines_of_therapy=frozenset(str(w) for w in data.get("lines_of_therapy", [])),
            spelt_out={str(k): str(v) for k, v in (data.get("spelt_out") or {}).items()},
            history_words=tuple(str(w).casefold() for w in data.get("history_words", [])),
            tumour_types={
                str(k): tuple(str(f) for f in v)
                for k, v in (data.get("tumour_types") or {}).items()
            },
            event_sites=tuple(str(w).casefold() for w in data.get("event_sites", [])),
            event_words=tuple(str(w).casefold() for w in data.get("event_words", [])),
            formulation_prefixes=frozenset(
                str(w).casefold() for w in data.get("formulation_prefixes", [])
            ),
            analyses={
                str(k): tuple(str(f) for f in v) for k, v in data.get("analyses", {}).items()
            },
            mechanism_cues=tuple(data.get("mechanism_cues", [])),
            opposites=tuple(
                (str(a).casefold(), str(b).casefold()) for a, b in data.get("opposites", [])
            ),
            brands={str(b).casefold(): str(g) for b, g in (data.get("brands") or {}).items()},
            landmark_endpoints=frozenset(data.get("landmark_endpoints", [])),
            consequence_endpoints=frozenset(data.get("consequence_endpoints", [])),
            related=frozenset(frozenset(pair) for pair in data.get("related", [])),
            complements=frozenset(frozenset(pair) for pair in data.get("complements", [])),
            senses={
                str(k): tuple(str(m) for m in v) for k, v in (data.get("senses") or {}).items()
            },
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(f"cannot read the vocabulary {file}: {exc}") from exc
