"""The deterministic answer engine: picks the reported figure that answers the question and
quotes its sentence. No LLM; every word with a number comes from the source."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from bot.answer.engine import Draft
from bot.answer.grounding import ungrounded_numbers
from bot.answer.models import Citation
from bot.answer.passages import Sentence
from bot.answer.question import (
    CONTROL_ARM,
    LANDMARK,
    STATISTICS,
    TREATMENT_HISTORY,
    Question,
    blank_spans,
    code_shape,
    landmark_months,
    roman_numeral,
)
from bot.answer.trials import about_trials, in_order, name_key, names_trial
from index.annotate import lists_only_drugs
from index.arms import (
    ARM_WORD,
    LEAD_CLAUSE,
    OUTCOME_VERBS,
    SCOPE_END,
    SCOPE_PHRASE,
    arm_letters,
    arm_phrase,
    compared_with,
    figure_arm_letters,
    inherit_arms,
    is_overall,
    names_code,
    names_drug,
    population_after,
    population_phrase,
    qualifier_phrase,
    says_overall,
)
from index.figures import (
    AGE_LIMIT,
    DOSE,
    ENROLLMENT,
    GRADE_LEAD,
    KARYOTYPE,
    NI_MARGIN,
    RANDOMIZATION_RATIO,
    SCORE_CUT,
    Figure,
    age_cuts,
    age_spans,
    ci_after,
    extract_figures,
    ihc_scores,
    is_arm_size,
    is_dose,
    lettered_cohorts,
    marker_cuts,
    named_values,
    performance_statuses,
    schedule_after,
    score_cut_key,
    size_bracket,
    value_runs,
    week_points,
)
from index.store import ArticleRecord
from index.tables import is_table_row, own_label, row_cells
from index.text import stem, tokenize, us_spelling
from index.vocabulary import Term, Vocabulary


@dataclass(frozen=True)
class _ArticleContext:
    """Per article, from the retrieved sentences: their text, and the settings and values said
    in sentences that report the asked endpoint."""

    text: dict[str, str]
    settings: dict[str, set[str]]
    values: dict[str, set[str]]
    before: dict[tuple[str, int], list[str]] = field(default_factory=dict)  # sentences before
    backbones: dict[str, set[str]] = field(default_factory=dict)  # found on first use
    weeks: dict[str, set[int]] = field(default_factory=dict)  # time points in weeks it names
    cuts: dict[str, set[str]] = field(default_factory=dict)  # score cut-offs it names
    named: dict[str, set[str]] = field(default_factory=dict)  # term keys, found on first use
    captions: dict[str, list[str]] = field(default_factory=dict)  # its tables' captions
    # ... and how often it names each analysis, likewise
    analyses: dict[str, dict[str, int]] = field(default_factory=dict)
    together: dict[str, list[set[str]]] = field(default_factory=dict)  # drugs given together
    overall_rows: dict[str, set[tuple[str, ...]]] = field(default_factory=dict)  # on first use
    # the drugs an article names right before and right after "versus", likewise
    sides: dict[str, tuple[set[str], set[str]]] = field(default_factory=dict)
    letters: dict[str, frozenset[str]] = field(default_factory=dict)  # arms' letters, likewise
    # what each lettered arm was given ("Arm A (n = 120) received tislelizumab plus ..."),
    # likewise
    lettered: dict[str, dict[str, str]] = field(default_factory=dict)
    tumours: dict[str, set[str]] = field(default_factory=dict)  # tumour types it names, likewise


_Analysed = tuple[Sentence, list[Term], Figure, list[Term]]


@dataclass
class _Candidate:
    score: float
    sentence: Sentence
    figure: Figure | None
    margin: float = 99.0  # lead over the best candidate with another value
    rival: str = ""  # that candidate's value, for --explain
    run: list[Figure] = field(default_factory=list)  # the arms' values shown side by side


def confidence_of(margin: float) -> float:
    """How sure a lead is, from its margin over the best candidate with another value: 0 when
    a rival ties, 0.5 at a margin of one rule point, 1 when it has no rival."""
    if margin >= 99.0:
        return 1.0
    return max(0.0, margin) / (max(0.0, margin) + 1.0)


def _explain(best: _Candidate) -> list[str]:
    """Why the lead won, in words (``ask --explain``)."""
    fig = best.figure
    what = f"{fig.value} ({fig.endpoint or 'no endpoint'})" if fig else "a sentence"
    why = [f"lead {what} from '{best.sentence.article.title}', score {best.score:.2f}"]
    why.append(f"best rival {best.rival}" if best.rival else "no rival with another value")
    if best.run:
        why.append(f"no arm asked: {len(best.run)} arms side by side")
    return why


def _value(c: _Candidate) -> str:
    return c.figure.value if c.figure else c.sentence.text


def _number(value: str) -> str:
    """A value without its unit or spacing: "6.0 months" and "6.0" are one value."""
    m = re.search(r"[<>≤≥]?\s?\d[\d,]*(?:\.\d+)?", value)
    return m.group(0).replace(" ", "") if m else value


class ExtractiveEngine:
    """Answers from the source sentences, leading with the figure asked for."""

    name = "extractive"

    def __init__(
        self,
        vocab: Vocabulary,
        max_chars: int = 400,
        min_confidence: float = 0.2,
        min_sentence_score: float = 0.85,
    ) -> None:
        self.vocab = vocab
        self.max_chars = max_chars
        self.min_confidence = min_confidence
        # a sentence answer's score is the share of the asked words it says plus 0.6/(1+rank):
        # one saying half of them must be the best-ranked sentence; two-thirds, in the top three
        self.min_sentence_score = min_sentence_score
        self._arm_keys = {g.key for g in vocab.groups if g.qualifier == "arm"}

    def answer(self, question: Question, sentences: list[Sentence]) -> Draft:
        draft = self._answer(question, sentences)
        then = _asked_next(question)
        if draft.status == "not_found" and then is not None:
            # "how many pts were randomized, and in what ratio?": the ratio, when the count
            # is not sure
            second = self._answer(then, sentences)
            return second if second.status == "answered" else draft
        return draft

    def _answer(self, question: Question, sentences: list[Sentence]) -> Draft:
        if question.defines:
            return self._definition(question.defines, sentences)
        if question.defined:
            return self._defining(question.defined, sentences)
        if question.names:  # "the most common TRAEs": which events; a rate is no answer
            best = self._best_sentence(question, sentences)
        elif question.target is None and not question.numeric:
            best = self._best_sentence(question, sentences)
            if best is None and not (
                self._asks_what_a_drug_is(question) or self.vocab.names_an_endpoint(question.groups)
            ):
                # ("how does sotorasib work?", "primary endpoint of X?" are said in words: a
                # dose or a count is no answer)
                best = self._best_figure(question, sentences)
        else:
            best = self._best_figure(question, sentences)
            if best is None and question.target is None:
                best = self._best_sentence(question, sentences)
                if best is not None and not self._says_things_counted(question, best.sentence.text):
                    best = None  # "how many cycles": a sentence that never says cycles
        if best is None:
            return Draft("not_found", "", [], reason=self._why_not(question))
        confidence = confidence_of(best.margin)
        why = _explain(best)
        if best.figure is not None and confidence < self.min_confidence:
            # ambiguous: another figure (another arm, population, time point) scores about as
            # well, and a wrong figure is worse than none
            reason = "more than one reported figure could answer this; none stands out"
            why.append(f"ambiguous: confidence {confidence:.2f} < {self.min_confidence}")
            return Draft("not_found", "", [], reason=reason, confidence=confidence, why=why)
        lead = self._lead(best.sentence.text, best.figure, question, best.run)
        return Draft(
            "answered", f"{lead} [1]", [_cite(best.sentence)], confidence=confidence, why=why
        )

    # -- figures -----------------------------------------------------------------------------

    def _best_figure(self, q: Question, sentences: list[Sentence]) -> _Candidate | None:
        scored: list[_Candidate] = []
        # what each article says next to the asked endpoint: its settings and its values
        settings_by_article: dict[str, set[str]] = {}
        values_by_article: dict[str, set[str]] = {}
        analysed = []
        for s in sentences:
            terms = self.vocab.terms(s.text)
            for fig in extract_figures(s.text, self.vocab):
                analysed.append((s, terms, fig, self._local_terms(fig)))
                if q.target and self._measures(fig, q.target):
                    settings_by_article.setdefault(s.article.id, set()).update(
                        t.key for t in terms if t.qualifier
                    )
                    values_by_article.setdefault(s.article.id, set()).update(named_values(s.text))
        analysed = self._inherit_arms(analysed)
        analysed = self._inherit_endpoints(analysed, sentences)
        article_text = _article_texts(sentences)
        context = _ArticleContext(
            article_text,
            settings_by_article,
            values_by_article,
            _sentences_before(sentences),
            # once per article, not once per candidate figure
            weeks={a: {w for _, w in week_points(t)} for a, t in article_text.items()},
            cuts={
                a: {score_cut_key(m) for m in SCORE_CUT.finditer(t)}
                for a, t in article_text.items()
            },
            captions=_captions(sentences),
        )
        for s, terms, fig, local in analysed:
            score = self._score(q, s, terms, fig, local, context)
            if score is not None:
                scored.append(_Candidate(score, s, fig))
        if not scored:
            return None
        ordered = sorted(scored, key=lambda c: (c.score, -c.sentence.rank, -c.sentence.start))
        best = _precise_for_hedged(ordered)
        best.run = self._side_by_side(q, best)
        shown = {_number(f.value) for f in best.run} or {_number(_value(best))}
        both = _asks_total_and_arms(q)
        rival = next(
            (
                c
                for c in reversed(ordered[:-1])
                if _number(_value(c)) not in shown
                # ("a 12% rate" in a quote is the 11.9% the results give, rounded)
                and not (_unit(c) == _unit(best) and _rounded_alike(_value(c), shown))
                and not (c.sentence.start == best.sentence.start and c.figure in best.run)
                # "n randomised and per arm?": the arms' sizes beside the total answer it too
                and not (both and c.sentence.start == best.sentence.start)
            ),
            None,
        )
        other_article = None
        if not q.scoped:
            # a question that names no trial or drug, asked of several articles: another
            # article's figure that scores about as well makes it ambiguous whatever its value
            other = next(
                (
                    c
                    for c in reversed(ordered[:-1])
                    if c.sentence.article.id != best.sentence.article.id
                ),
                None,
            )
            if other is not None and (rival is None or other.score > rival.score):
                rival = other
            other_article = other
        best.margin = best.score - rival.score if rival else 99.0
        if not q.scoped and other_article is not None:
            best.margin = 0.0
        best.rival = f"{_value(rival)} ({rival.score:.2f})" if rival else ""
        return best

    def _side_by_side(self, q: Question, best: _Candidate) -> list[Figure]:
        """No arm asked: every arm's value beside the lead's; one drug of the trial's asked,
        only its own value when the figure names its arm. Never the values of other parts of
        the population when one part is asked, nor another trial's column of a side-by-side."""
        fig, text, first = best.figure, best.sentence.text, best.sentence.article
        drugs = [str(d).casefold() for d in first.meta.get("drugs", [])]
        asked = _drugs_named(q.text, drugs, self.vocab, _brands(first))
        one_drug = len(asked - self.vocab.class_names) == 1
        # no arm asked, or both ("mDoR osi vs pbo"), or whether one beat the other ("did atezo
        # significantly improve EFS?"): the arms side by side
        compared = bool(
            _VERSUS.search(q.text)
            or _DIFFERENCE_BY.search(q.text)  # "did adding radium extend mOS by > 6 months?"
            or (_SIGNIFICANCE_ASKED.search(q.text) and _P_SAID.search(text))
        )
        arm_open = not any(kind == "arm" for _, kind in q.qualifiers) or bool(
            fig is not None and fig.endpoint not in STATISTICS and compared
        )
        own_arm = fig is not None and (arm_phrase(fig) or is_table_row(text))
        if fig is not None and any(_has_word(arm_phrase(fig) or "", c) for c in q.codes):
            return []  # "2y mPFS for ABVD": the arm the question names by its acronym
        if arm_letters(q.text) and not _VERSUS.search(q.text):
            return []  # "mPFS in arm A": the arm the question names by its letter
        if (
            fig is not None
            and set(q.values) & named_values(_arm_words(best.sentence, fig))
            and not _VERSUS.search(q.text)
        ):
            return []  # "mOS with 74Gy": the arm the question names by its dose
        if (
            fig is not None
            and _courses(q.text, asked=True) & _own_courses(fig)
            and not _VERSUS.search(q.text)
        ):
            return []  # "3-yr PFS in the 6 cycle arm": the arm named by its number of courses
        if fig is not None and self._marked_arm(q, best.sentence, fig):
            return []  # "EFS w/ short dex": the arm named by the word that tells it apart
        if not arm_open or fig is None or (one_drug and own_arm and not compared):
            return []  # one drug's own figure, unless the question sets it against another
        run = self._run_of(text, fig)
        pair = _own_pair(text, run, fig)
        if len(run) > 2 and len(pair) == 2:
            ends = {population_phrase(text, run[0]), population_phrase(text, run[-1])}
            run = pair if len(ends) > 1 else run  # "... in cohort A and 9.3 vs 3.9 in cohort B"
        parts = {population_phrase(text, f) for f in run}
        said = [p for p in parts if p]
        if len(said) == 1 and run and 0 <= text.find(said[0]) < run[0].start:
            # "ORR in patients with measurable disease was 17% vs 7%": one part, both arms
            parts = set(said)
        part_words = {w for p in parts if p for w in tokenize(p, self.vocab.stopwords)}
        if len(parts) > 1 and (
            q.population
            or any(k == "subgroup" for _, k in q.qualifiers)
            or any(_same_word(w, p) for w in q.content for p in part_words)
        ):
            return []  # "0.14 in X and 0.20 in Y": parts, not arms; the asked one alone
        listed = {self._listed_part(best.sentence, f) for f in run}
        if len(listed) > 1 and any(
            set(self.vocab.content_words(p)) & set(q.content) for p in listed if p
        ):
            return []  # "0.62 for extrahepatic ... and 0.93 for gallbladder cancer": the asked
        if q.trials and is_table_row(text):
            # a side-by-side of two trials: only the asked trial's column
            trials = [str(t) for t in first.meta.get("trials", [])]
            run = [f for f in run if about_trials(q.trials, "", trials, f"{f.label} {f.scope}")]
        return run if len(run) > 1 else []

    def _run_of(self, sentence: str, fig: Figure) -> list[Figure]:
        """The values listed with ``fig`` for the other arms ("16.4 vs 13.8 months"), in order,
        when they report the same endpoint in the same unit; else empty."""
        figures = extract_figures(sentence, self.vocab)
        if is_table_row(sentence):
            # "rPFS HR (95% CI): 0.66 | OS HR (95% CI): 0.81": hazard ratios of two endpoints
            measured = self._cell_endpoints(sentence)
            row = [
                f
                for f in figures
                if f.endpoint == fig.endpoint
                and f.unit == fig.unit
                and measured(f.start) == measured(fig.start)
            ]
            return row[:4] if len(row) > 1 and any(f.start == fig.start for f in row) else []
        sizes = [f for f in figures if f.endpoint == "enrollment" and is_arm_size(sentence, f)]
        if len(sizes) > 1 and any(f.start == fig.start for f in sizes):
            return sizes[:4]  # "to avelumab (n = 185) or chemotherapy (n = 186)": each arm's size
        for run in value_runs(sentence, figures):
            members = [figures[i] for i in run]
            if len(members) < 2 or not any(m.start == fig.start for m in members):
                continue
            if all(m.unit == fig.unit and m.endpoint == fig.endpoint for m in members):
                return members[:4]
        return []

    def _cell_endpoints(self, row: str) -> Callable[[int], frozenset[str]]:
        """The endpoints the header of the cell holding an offset names (statistics aside): a
        row's values of one endpoint are its arms', not those of another."""
        cells = [
            (offset, frozenset({t.key for t in self.vocab.terms(head) if t.kind == "endpoint"}))
            for head, _, offset in row_cells(row)[1]
        ]

        def measured(start: int) -> frozenset[str]:
            before = [named for offset, named in cells if offset <= start]
            return before[-1] - frozenset(STATISTICS) if before else frozenset()

        return measured

    def _inherit_arms(self, analysed: list[_Analysed]) -> list[_Analysed]:
        """Lists of values that do not name their arms take them from the list before."""
        by_sentence: dict[tuple[str, int], list[int]] = {}
        for i, (s, _, _, _) in enumerate(analysed):
            by_sentence.setdefault((s.article.id, s.start), []).append(i)
        by_article: dict[str, list[tuple[int, list[int]]]] = {}
        for (article, start), idx in sorted(by_sentence.items()):
            by_article.setdefault(article, []).append((start, idx))
        out = list(analysed)
        for entries in by_article.values():
            first = analysed[entries[0][1][0]][0]
            drugs = [str(d) for d in first.article.meta.get("drugs", [])]
            sentences = [
                (start, analysed[idx[0]][0].text, [analysed[i][2] for i in idx])
                for start, idx in entries
            ]
            for (_, idx), figs in zip(
                entries, inherit_arms(sentences, drugs, self.vocab), strict=True
            ):
                for i, fig in zip(idx, figs, strict=True):
                    if fig is not analysed[i][2]:
                        s_, terms, _, _ = analysed[i]
                        out[i] = (s_, terms, fig, self._local_terms(fig))
        return out

    def _inherit_endpoints(
        self, analysed: list[_Analysed], sentences: list[Sentence]
    ) -> list[_Analysed]:
        """A figure with no endpoint named before it, in a sentence that goes on from the one
        before ("In the crizotinib arm, it was 9.1 months", "The corresponding rate with
        crizotinib was 8%"), reports that sentence's endpoint, and its landmark when it names
        none. Sentences without figures count: "Median PFS was not reached with X." names it."""
        last: dict[str, tuple[int, str, str]] = {}  # article -> (end, endpoint, landmark words)
        figures: dict[tuple[str, int], list[int]] = {}
        for i, (s, _, _, _) in enumerate(analysed):
            figures.setdefault((s.article.id, s.start), []).append(i)
        out = list(analysed)
        for s in sorted(
            {(x.article.id, x.start): x for x in sentences}.values(),
            key=lambda x: (x.article.id, x.start),
        ):
            named = [t for t in self.vocab.terms(s.text) if t.kind == "endpoint"]
            prev = last.get(s.article.id)
            goes_on = prev is not None and 0 <= s.start - prev[0] <= 2
            for i in figures.get((s.article.id, s.start), []):
                _, terms, fig, local = analysed[i]
                if (
                    goes_on
                    and prev is not None
                    and fig.endpoint is None
                    and not any(t.end <= fig.start for t in named)
                    and not any(  # "the febrile neutropenia rate dropped to 11%": an event's
                        t.end <= fig.start and t.kind == "group" and self.vocab.is_event(t.key)
                        for t in terms
                    )
                    and (
                        _GOES_ON.search(s.text[: fig.start])  # (not "... and the median X")
                        # "grade 3 or higher events were reported in 71%" after an AE sentence
                        or (prev[1] in self.vocab.context_endpoints and _EVENTS.search(fig.label))
                    )
                ):
                    fig = replace(fig, endpoint=prev[1], label=f"{prev[2]} {fig.label}".strip())
                    out[i] = (s, terms, fig, local)
            own = [out[i][2] for i in figures.get((s.article.id, s.start), [])]
            reported = [f.endpoint for f in own if f.endpoint]
            if named or reported:
                # what it reported last ("the hazard ratio for death was 0.64": an HR), else
                # the last endpoint it names; one named after its figures is what it goes on
                # about ("At a median follow-up of 28 months, median PFS was not reached")
                mark = LANDMARK.search(s.text)
                after = named and own and named[-1].start > own[-1].end
                key = reported[-1] if reported and not after else named[-1].key
                last[s.article.id] = (s.end, key, mark.group(0) if mark else "")
            elif goes_on and prev is not None:
                last[s.article.id] = (s.end, prev[1], prev[2])
        return out

    def _measures(self, fig: Figure, target: str) -> bool:
        if fig.endpoint == target:
            return True
        if fig.endpoint in self.vocab.frame_endpoints:
            return False  # "median follow-up for PFS" is no PFS
        if target in self.vocab.frame_endpoints and self._framed_by_aside(fig, target):
            # "Median PFS, final analysis (median follow-up 63 months) | ... 20.3 months": the
            # PFS its label frames, no follow-up
            return False
        if fig.endpoint in _HOW_GIVEN:
            return False  # "... improves overall survival, and monitoring every 2 months": no OS
        if fig.endpoint in STATISTICS and target != fig.endpoint:
            # "Median PFS ... P value: <0.001" is no PFS, "HR ...: 0.30 (0.11-0.81); P = .002"
            # no HR, and the HR no P value; a margin is a bound of an HR
            return fig.endpoint == NI_MARGIN and target == "HR"
        named = self.vocab.terms(f"{fig.label} | {fig.head}")
        return any(t.key == target for t in named if t.kind == "endpoint")

    def _framed_by_aside(self, fig: Figure, frame: str) -> bool:
        """The figure's label names its own endpoint first and the framing one (a follow-up)
        after it or in brackets: the figure is its own endpoint's ("Median PFS (median
        follow-up 63 months)"), not the frame's ("Median follow-up in patients alive")."""
        if not fig.endpoint or fig.endpoint == frame:
            return False
        terms = self.vocab.terms(fig.label)
        own = next((t.start for t in terms if t.key == fig.endpoint), None)
        framing = next((t.start for t in terms if t.key == frame), None)
        if own is None or framing is None:
            return False
        bracketed = fig.label.rfind("(", 0, framing) > fig.label.rfind(")", 0, framing)
        return own < framing or bracketed

    def _local_terms(self, fig: Figure) -> list[Term]:
        words = f"{fig.label} | {fig.scope} | {fig.head}"
        return [t for t in self.vocab.terms(words) if t.qualifier]

    def _lead_terms(self, sentence: str, fig: Figure) -> list[Term]:
        """Qualifiers of an opening clause that frames the figure ("Among 2L patients, ...")."""
        lead = LEAD_CLAUSE.match(sentence)
        if not lead or lead.end() > fig.start:
            return []
        return [t for t in self.vocab.terms(lead.group("clause")) if t.qualifier]

    def _score(
        self,
        q: Question,
        s: Sentence,
        terms: list[Term],
        fig: Figure,
        local: list[Term],
        context: _ArticleContext,
    ) -> float | None:
        """A figure's points as the answer to ``q``, or None when a rule refuses it. The steps
        run in order, each adding its points or refusing the figure."""
        score = 0.0
        for step in (
            self._measured,
            self._refused,
            self._population_fit,
            self._values_fit,
            self._week_fit,
            self._courses_fit,
            self._marking_word_fit,
            self._qualifiers_fit,
            self._preferred,
        ):
            points = step(q, s, terms, fig, local, context, score)
            if points is None:
                return None
            score = points
        return score + 0.6 / (1 + s.rank)

    def _measured(
        self,
        q: Question,
        s: Sentence,
        terms: list[Term],
        fig: Figure,
        local: list[Term],
        context: _ArticleContext,
        score: float,
    ) -> float | None:
        """What the figure measures: the endpoint (and statistic, landmark, unit) asked, or,
        with no endpoint asked, what the question counts."""
        if (_CEILING.match(s.text, fig.end) or _defining_change(s.text, fig)) and not (
            _CUT_ASKED.search(q.text)
        ):
            # "(10% or less viable tumor)", "a reduction of 50% or more", "≥35% reduction in
            # spleen volume" define a response; they are no rate of it
            return None
        if q.target:
            expected = self.vocab.units.get(q.target)
            earlier = self._restated(s, fig, context)  # "the rates were": the sentence before
            if "count" in q.units and fig.unit == "time":
                return None  # "how many pts were in each arm for the PFS analysis": no median
            if q.units and "percent" not in q.units and fig.unit == "percent":
                # "how many IBTR events": a count of them; "how long were pts followed": a
                # time; neither is a rate
                return None
            if _GAIN_BEFORE.search(s.text[max(0, fig.start - 60) : fig.start]) and not (
                _GAIN_ASKED.search(q.text)
            ):
                return None  # "the median OS improvement would exceed 1 year": no arm's median
            if not self._time_and_unit_fit(q, s, fig, expected, earlier):
                return None
            if self._consequence_unasked(q, fig):
                return None  # "any-grade AE rate?": not "AEs led to discontinuation in 9.8%"
            if expected == "count" and q.units and not q.units & {"count", fig.unit}:
                return None  # "within how long after CRT were pts randomized": no head count
            at_month = self._at_month_fit(q, s, fig)
            if at_month is None:
                return None
            score += at_month
            if fig.endpoint == q.target:
                score += 4
            elif self._measures(fig, q.target):
                score += 3
            elif (
                fig.endpoint
                and self.vocab.related_endpoints(fig.endpoint, q.target)
                and not self.vocab.complementary(fig.endpoint, q.target)
            ):
                score += 2
            elif q.target == NI_MARGIN and fig.endpoint == "HR" and _is_design_value(s.text, fig):
                score += 3  # "non-inferiority ... using an upper confidence limit for the HR of
                # 1.15": the margin, by the words of the design
            elif fig.endpoint is None and any(
                t.key == q.target for text in earlier for t in self.vocab.terms(text)
            ):
                score += 2  # "5-year EFS was 76% vs 65%. Among those aged 18 and older, the
                # rates were 47% and 56%": the rates of the sentence before
            else:
                return None
            # what the statistic is of (a trial's margin is its primary endpoint's, seldom said
            # beside it)
            if q.target in STATISTICS and q.target != NI_MARGIN and q.about:
                about = self._statistic_about_fit(q, s, terms, fig, context)
                if about is None:
                    return None  # the HR of another endpoint
                score += about
            elif q.about:
                present = {t.key for t in terms if t.kind == "endpoint"}
                score += sum(1 if e in present else -1 for e in q.about)
            score += 0.8 / (1 + self._gap(q.target, fig))
        else:
            if not self._counts_what_is_asked(q, s, fig, context):
                return None
            score += 2

        return score

    def _time_and_unit_fit(
        self, q: Question, s: Sentence, fig: Figure, expected: str | None, earlier: list[str]
    ) -> bool:
        """The figure is in the unit the endpoint asked is reported in, or a rate at the
        landmark asked ("3-year OS": a percentage said at 3 years, in any of its spellings, or by
        the sentence before, of "the rates" it names again; "12-wk PFS rate": a rate at a week,
        which week ``_week_fit`` checks)."""
        if q.target in self.vocab.landmark_endpoints:
            if q.landmark is not None:
                mark = _landmark_before(s.text, fig)
                if mark is None and earlier:
                    mark = _first_landmark(earlier)
                return fig.unit == "percent" and mark == q.landmark
            if q.week is not None and fig.unit == "percent":
                return True
        if (
            fig.unit == "count"
            and q.units
            and "percent" not in q.units
            and "count" in q.units
            and (fig.endpoint == q.target or self._events_counted(q, s, fig))
        ):
            return True  # "how many local recurrences (n)": their count, not their rate
        return not expected or fig.unit == expected

    def _events_counted(self, q: Question, s: Sentence, fig: Figure) -> bool:
        """A head count right after the asked endpoint's events ("DFS events occurred in 15
        patients"): the events counted, not the patients enrolled."""
        before = s.text[: fig.start]
        said = _EVENTS_IN.search(before)
        return bool(
            fig.endpoint == "enrollment"
            and said
            and any(t.key == q.target for t in self.vocab.terms(before[: said.start() + 1]))
        )

    def _statistic_about_fit(
        self, q: Question, s: Sentence, terms: list[Term], fig: Figure, context: _ArticleContext
    ) -> float | None:
        """Points for a statistic of the endpoint asked ("HR for OS"): 2 for that endpoint, 1.5
        for a related one ("HR for death"), none when it says no endpoint, None for another's."""
        about = self._about(terms, fig, s.text)
        if about is None and (
            _TIME_TO_BEFORE.search(s.text[max(0, fig.start - 100) : fig.start])
            or _TIME_TO_OPENING.match(s.text)
        ):
            # "delayed time to castration resistance (HR 0.40)", "Time to next treatment was
            # also prolonged, ... (HR, 0.75)": another endpoint's
            return None
        about = about or self._about_before(context.before.get((s.article.id, s.start), []), s.text)
        if about == "risk reduction":
            about = self._risk_of(s.text, q.about)
        if about in q.about:
            return 2.0
        if about and any(self.vocab.related_endpoints(about, a) for a in q.about):
            return 1.5  # "HR for death" is the HR of OS
        return None if about is not None else 0.0

    def _counts_what_is_asked(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """A question that names no endpoint: the figure's own words say what it counts (a
        vocabulary group, "febrile neutropenia", else the asked words that are no drug names,
        which say whose figure it is, not what it measures)."""
        if q.units and fig.unit not in q.units:
            return False  # "what proportion made it to surgery": not a dose, not a month
        if (
            not q.units
            and fig.unit == "time"
            and any(self.vocab.is_event(g) for g in q.groups)
            and not _TIME_ASKED.search(q.text)
        ):
            return False  # "major bleeding w/ savaysa?": its rate, not "over 12 months"
        if fig.unit == "dose" and not _DOSE_ASKED.search(_NAMED_DOSE.sub(" ", q.text)):
            # "DrTF at 3 yrs with standard CRT?": no "1.8 Gy to 50.4 Gy"; "bowel toxicity, 57
            # Gy arm": a dose that names the arm asks no dose
            return False
        if self._unasked_endpoint(q, fig):
            return False  # "how many prior lines were allowed": not the cohort's ORR
        if self._consequence_unasked(q, fig):
            return False  # "any-grade AE rate?": not "AEs led to discontinuation in 9.8%"
        # (a target the question names says whose cells, not what is counted: "JAK2 V617F
        # allele burden" is not answered by "95% carry the JAK2 V617F mutation")
        topic = (set(q.groups) - {"target"}) or self._topic_words(q, s)
        # (a listed value with no words of its own has its list's: "4% of A vs 12% on B")
        bare = bool(fig.label.strip()) and not tokenize(
            fig.label, self.vocab.stopwords | _JOINING_WORDS
        )
        own = f"{fig.head if bare else ''} {fig.label} {_own_scope(fig, s.text)}"
        label_words = set(tokenize(own, self.vocab.stopwords))
        label_groups = {t.key for t in self.vocab.terms(own)}
        # "Major bleeding occurred in 36 (6.9%) ... and 21 patients (4.0%)": the last thing the
        # sentence names before a value is what the value counts
        named_before = [t for t in self.vocab.terms(s.text[: fig.start]) if t.qualifier != "arm"]
        if (
            named_before
            and not is_table_row(s.text)
            and self._only_arms_between(s, named_before[-1].end, fig.start)
        ):
            label_groups.add(named_before[-1].key)
        said = topic & (label_words | label_groups) | _inflected(topic, label_words)
        if not said:
            return False
        # "pharyngocutaneous fistula rate after salvage laryngectomy": the row "Laryngectomy-free
        # survival | ..." says one of the four things asked, not half of them
        things = {w for w in topic if len(w) >= 4 and not _NOT_A_THING.match(w)}
        things -= self.vocab.asking_words
        if len(things & said) * 2 < len(things):
            return False
        if self._row_of_other_measure(q, s):
            return False  # "median operative time, simple vs radical": not a row of the arms
        return self._says_things_counted(q, f"{own} {fig.value}")  # "how many cycles"

    def _only_arms_between(self, s: Sentence, start: int, end: int) -> bool:
        """Between a term and a value, only other values and the arms' words ("occurred in 36
        patients (6.9%) in the edoxaban group and 21 patients"), not another thing counted
        ("hypothyroidism (14.3%) and hyperthyroidism")."""
        drugs = _article_drugs(s.article)
        between = s.text[start:end]
        # (an arm's own word, "receiving the combination", names whose value it is)
        arms = [(t.start, t.end) for t in self.vocab.terms(between) if t.qualifier == "arm"]
        for m in re.finditer(r"[A-Za-z][\w-]*", between):
            if any(a <= m.start() < b for a, b in arms):
                continue
            f = m.group(0).casefold()
            if f in _LIST_GLUE or f in self.vocab.stopwords or f in self.vocab.drug_classes:
                continue
            if self.vocab.is_drug_name(f) or names_drug(drugs, f):
                continue
            return False
        return True

    def _at_month_fit(self, q: Question, s: Sentence, fig: Figure) -> float | None:
        """A response rate asked at a time point ("MMR @12m"): a rate said at another one does
        not answer (None), one said then leads (0.5)."""
        if q.at_month is None or fig.unit != "percent":
            return 0.0
        said = _landmark_before(s.text, fig)
        if said is not None and said != q.at_month:
            return None
        return 0.5 if said == q.at_month else 0.0

    def _says_things_counted(self, q: Question, text: str) -> bool:
        """A question counting things ("how many cycles of ...") is answered only by words
        that say them; any other question by any."""
        if not q.things_counted:
            return True
        said = {stem(w) for w in tokenize(text, self.vocab.stopwords)}
        return bool({stem(w) for w in q.things_counted} & said)

    def _risk_of(self, text: str, asked: list[str]) -> str | None:
        """The endpoint whose events a risk reduction counts: "the risk of death" is OS's; "the
        risk of progression (or recurrence) or death" that of the time-to-event endpoint asked
        other than OS (PFS, EFS, DFS ...); else none it can say."""
        events = _RISK_EVENTS.search(text)
        if events is None:
            return None
        if events.group("other"):
            return next((a for a in asked if a != "OS" and a in self.vocab.landmark_endpoints), "")
        return "OS"

    def _consequence_unasked(self, q: Question, fig: Figure) -> bool:
        """Adverse events asked ("any-grade AE rate?"), not what they led to: a figure of
        stopping, a lower dose or death because of them does not count them."""
        consequences = self.vocab.consequence_endpoints
        asked = {*q.endpoints, q.target} - {None}
        return (
            fig.endpoint in consequences
            and bool(asked & self.vocab.context_endpoints)
            and not asked & consequences
        )

    def _unasked_endpoint(self, q: Question, fig: Figure) -> bool:
        """A question that names no endpoint nor vocabulary group ("the maximum number of prior
        lines allowed") is not answered by a figure of an endpoint ("an ORR of 41%")."""
        return (
            q.target is None
            and not q.groups
            and fig.endpoint in self.vocab.endpoints
            and fig.endpoint not in self.vocab.frame_endpoints | self.vocab.context_endpoints
        )

    def _topic_words(self, q: Question, s: Sentence) -> set[str]:
        """The words of a question that say what it counts: not the drug names, which say
        whose figure it is ("cilta-cel", "pembro", a brand), nor their parts."""
        drugs = _article_drugs(s.article)
        named = {
            w
            for w in q.content
            if any(self.vocab.is_drug_name(p) for p in w.split("-"))
            or _drugs_named(w, drugs, self.vocab, _brands(s.article))
            or names_drug([w.split("-")[0]], " ".join(drugs))  # "cilta-cel"
        }
        # the codes the article names its arms by ("GDP", "DHAP") say whose figure it is too
        named |= set(q.content) & _code_words(s.article)
        parts = {p for w in named for p in w.split("-")}
        return {w for w in q.content if w not in named and w not in parts}

    def _refused(
        self,
        q: Question,
        s: Sentence,
        terms: list[Term],
        fig: Figure,
        local: list[Term],
        context: _ArticleContext,
        score: float,
    ) -> float | None:
        """The rules that refuse another trial's, arm's, comparison's, grade's, drug's or
        population's figure (no points of their own), in the order of ``REFUSALS``."""
        for rule in self.REFUSALS:
            if getattr(self, rule)(q, s, fig, context):
                return None
        return score

    # Each refuses a figure that is not the one asked; named so a test or `--explain` can say
    # which. All take (question, sentence, figure, article context).
    REFUSALS = (
        "_code_unsaid",  # "PFS HR in the L858R subgroup": this figure is not about L858R
        "_other_trial",  # another trial's figure: a teaser's, a round-up's other trial
        "_other_trials_column",  # a side-by-side table's column of the other trial
        "_other_arms_figure",  # the figure of an arm with other drugs than the question names
        "_negated_arm",  # "DFS with nelarabine": "82.1% without it" is the arm without the drug
        "_other_regimens_figure",  # "TCH" asked: "0.64 with AC-TH" is another regimen's
        "_other_comparators_ratio",  # the hazard ratio against another comparator
        "_ratio_of_dose_arms",  # "cetux OS HR": not the ratio of 74 Gy against 60 Gy
        "_compared_otherwise",  # "vs chemo" asked: a figure of the comparison with another arm
        "_one_event",  # "TRAEs included nausea (43.1%)": nausea's, not every TRAE's
        "_other_event",  # "neutropenia (51%), leukopenia (9%)": 9% is leukopenia's
        "_arms_unsaid",  # "40% and 37% in the two acalabrutinib arms": whose is which?
        "_other_grade",  # "including grade 3 or 4 in 1.1%" does not answer "CRS rate"
        "_other_code_after",  # "0.61 in stage IIIA and 0.92 in stage IB-II": 0.92 is IB-II's
        "_other_causality",  # "treatment-related grade 3+ AEs" for "G3+ AEs (any cause)"
        "_subgroup_row_unasked",  # "Female | ... | HR: 0.81" in a subgroup table
        "_endpoint_of_a_part",  # "median CNS-PFS of 11.2 months" does not answer "mPFS"
        "_yardstick",  # "higher than the dose used in another cancer": a value compared with
        "_other_drugs_dose",  # "crizotinib 250 mg" does not answer for lorlatinib
        "_other_kind_of_dose",  # "the average daily dose received was 35.8 mg" is no dose given
        "_other_phases_dose",  # "neoadjuvant nivolumab 360 mg" is not the adjuvant dose
        "_other_step_of_schedule",  # "200 IU/kg for a month, then 150 IU/kg": which step asked
        "_other_kind_of_treatments_dose",  # "RT dose": a drug's mg is no radiation dose
        "_population_unsaid",  # the question names a part of the population not said here
        "_rates_time_unsaid",  # "2y locoregional control": a rate said at no time, or another
        "_other_ci_level",  # "the 90% CI" asked: a figure given with its 95% CI
        "_cut_unreported",  # "PD-L1-negative" asked: an article that names no such cut-off
        "_other_part_in_brackets",  # "refractory (HR 0.52) and high-risk (HR 0.47)"
        "_other_part_after",  # "0.14 in exon 19 deletions and 0.20 in L858R"
        "_other_listed_part",  # "0.76 for intrahepatic ..., 0.94 for gallbladder cancer"
        "_other_age_before",  # "those aged 65 or younger had 20.2 months, while those older ..."
        "_other_part_in_clause",  # "0.79 in p16-positive ..., while in the p16-negative group 1.11"
        "_subgroup_line_unasked",  # "- Histology: consistent in non-squamous (OS HR 0.97) ..."
        "_overall_for_a_part",  # everyone's figure does not answer a question about a part
        "_arm_size_unasked",  # "742 to BrECADD" does not answer "how many pts were randomized"
        "_total_for_arms",  # "n per arm?": not the 1,500 of "1,500 ...: 742 to A and 758 to B"
        "_ratio_of_other_drugs",  # a round-up's "RT + bicalutamide ... HR 0.77" for enzalutamide
        "_other_lettered_arm",  # "arm A" asked: "(arm B) gave a median PFS of 9.9 months"
        "_design_value",  # "the non-inferiority margin was an HR of 1.13" is no trial result
        "_ratio_of_another_endpoint",  # "An HR of 0.32 is a big effect": the DFS HR said before
        "_risk_of_other_events",  # "risk of recurrence by 30% and the risk of death by 41%"
        "_eligibility_cut",  # "Eligible patients had ... less than 50% stromal invasion"
        "_not_the_most_common",  # "most common G3+ AE and its rate": not every G3+ AE's 48%
        "_not_the_gain_asked",  # "by how much did it lengthen survival": no arm's median
        "_sex_unsaid",  # "how many men were enrolled": not "we randomised 2766 patients"
        "_other_end_of_ages",  # "upper age limit": not "aged 55 years or older"
        "_drug_part_unsaid",  # "OS in the paclitaxel subgroup": not the whole chemo arm's OS
        "_event_at_another_site",  # "intracranial progression": not "distant intracranial ..."
        "_other_tumour_type",  # "ORR ... in the kidney cancer phase 3": not a melanoma trial's
    )

    def _other_tumour_type(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """The question names a tumour type ("bempeg + nivo in the kidney cancer phase 3") and
        the article, by its title and retrieved text, names others and never it: another
        trial's figure."""
        asked = self.vocab.tumour_types_named(q.text)
        if not asked:
            return False
        article = s.article.id
        if article not in context.tumours:
            text = f"{s.article.title}\n{context.text.get(article, '')}"
            context.tumours[article] = self.vocab.tumour_types_named(text)
        said = context.tumours[article]
        return bool(said) and not asked & said

    def _event_at_another_site(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """The question asks about an event ("HR for intracranial progression") and the words
        before the figure name it at a site the question does not ("Time to distant
        intracranial progression ... hazard ratio of 0.71"): that site's figure. A site within
        an endpoint's own name ("distant metastasis-free survival") is that endpoint's."""
        if not self.vocab.names_an_event(q.text):
            return False
        asked = self.vocab.event_sites_named(q.text)
        before = s.text[: fig.start]
        names = [(t.start, t.end) for t in self.vocab.terms(before) if t.kind == "endpoint"]
        return any(
            site not in asked and not any(a <= at < b for a, b in names)
            for site, at in self.vocab.sites_of_events(before)
        )

    def _ratio_of_another_endpoint(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """A ratio whose sentence names no endpoint ("A hazard ratio of 0.32 is a big effect")
        is the one the article gives elsewhere with its endpoint ("DFS hazard ratio ... 0.32"):
        it does not answer for another endpoint asked ("OS HR?")."""
        asked = {e for e in q.endpoints if e not in STATISTICS}
        if fig.endpoint not in STATISTICS or not asked:
            return False
        if any(t.kind == "endpoint" and t.key not in STATISTICS for t in self.vocab.terms(s.text)):
            return False
        # (the value as an estimate, not a bound of another's interval: "0.64 (0.48-0.86)")
        value = re.compile(rf"(?<![\d.\-–])(?<!to ){re.escape(_number(fig.value))}(?![\d\-–])")
        elsewhere = set()
        for line in context.text.get(s.article.id, "").split("\n"):
            if line != s.text and value.search(line):
                elsewhere |= {
                    t.key
                    for t in self.vocab.terms(line)
                    if t.kind == "endpoint" and t.key not in STATISTICS
                }
        return bool(elsewhere) and not any(
            e == a or self.vocab.related_endpoints(e, a) for e in elsewhere for a in asked
        )

    def _sex_unsaid(self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext) -> bool:
        """A count of men or of women asked ("how many men were enrolled in SENOMAC?") of a
        trial whose article names both: a count the sentence says of patients, not of them,
        is everyone's (in a trial of men only, "how many men" is everyone)."""
        asked = _SEX_COUNTED.search(q.text)
        if asked is None:
            return False
        women = asked.group(1).casefold() in ("women", "females")
        said, other = (_WOMEN_SAID, _MEN_SAID) if women else (_MEN_SAID, _WOMEN_SAID)
        both = other.search(context.text.get(s.article.id, "")) is not None
        return both and not said.search(s.text)

    def _not_the_gain_asked(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """The difference between arms is asked ("by how much did adding nivolumab lengthen
        median survival?"): a time said as neither a gain nor a difference ("21.7 months with
        the combination") is one arm's, no answer."""
        if not _DIFFERENCE_ASKED.search(q.text) or fig.unit != "time":
            return False
        if re.search(r"\bmedians\b", q.text, re.I):
            return False  # "how much longer ... — the medians?": each arm's asked too
        before = s.text[max(0, fig.start - 60) : fig.start]
        return not (_GAIN_BEFORE.search(before) or _GAIN_AFTER.match(s.text, fig.end))

    def _not_the_most_common(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """The rate of the most common event is asked ("most common G3+ AE and its rate?"): a
        figure whose sentence, list or section never says which event is the most common (the
        rate of every grade 3 or worse event) does not answer it."""
        if not _MOST_COMMON.search(q.text):
            return False
        return not _MOST_COMMON.search(f"{s.text} {s.lead_in} {s.section}")

    def _eligibility_cut(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """A bound in a sentence of who could enrol ("Eligible patients had ... less than 50%
        stromal invasion", "a CIRS score of 6 or lower was required") is a criterion, no
        result, unless the question asks about who could enrol."""
        if not _ELIGIBILITY.search(s.text) or _ELIGIBILITY_ASKED.search(q.text):
            return False
        before = s.text[max(0, fig.start - 25) : fig.start]
        return bool(_BOUND_BEFORE.search(before) or _BOUND_AFTER.match(s.text, fig.end))

    def _risk_of_other_events(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """A risk reduction asked for one kind of event ("by how much did it lower the chance of
        dying?") is not the reduction of another said just before the value ("cut the risk of
        recurrence by 30% and the risk of death by 41%": 30% is recurrence's)."""
        if fig.endpoint != "risk reduction":
            return False
        before = [f.end for f in extract_figures(s.text, self.vocab) if f.end <= fig.start]
        asked = _events_risked(q.text)
        said = _events_risked(s.text[max(before, default=0) : fig.start])
        return bool(asked and said and asked != said)

    def _other_part_in_clause(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """A part of the population asked: the figure's own clause, after a break ("...,
        while in the smaller p16-negative group it was 1.11"), names a part that is not it."""
        if not q.population:
            return False
        clause = _CLAUSE_BREAK.split(s.text[: fig.start])[-1]
        if len(clause) == fig.start or not _PART_IN_CLAUSE.search(clause):
            return False
        return not says_population(q.population, clause)

    def _subgroup_line_unasked(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """A line that opens with the name of a way to split the trial ("- Histology: ...",
        "**By chemotherapy partner:** ...") gives the parts' figures: no answer to a question
        that names no part."""
        if q.population or q.codes or q.parts - self.vocab.treatment_phases:
            return False  # (a treatment phase asked, "adjuvant", is no part of the trial)
        return bool(_SUBGROUP_LINE.match(s.text))

    def _drug_part_unsaid(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """The question asks the part of the patients who had one drug ("the paclitaxel
        subgroup", "carboplatin subset", "the cetuximab-only subset"): a figure whose sentence
        and section never name that drug is not that part's."""
        where = f"{s.section} {s.text}"
        if any(
            not re.search(rf"\b{re.escape(m.group(1))}", where, re.I)
            for m in _ONLY_PART.finditer(q.text)
        ):
            return True  # "the interferon-only subgroup within BAT": the whole arm's CR is not
        drugs, brands = _article_drugs(s.article), _brands(s.article)
        said = _drugs_named(where, drugs, self.vocab, brands)
        return any(
            (named := _drugs_named(m.group(1), drugs, self.vocab, brands) - self.vocab.class_names)
            and not named & said
            for m in _DRUG_PART.finditer(q.text)
        )

    def _other_end_of_ages(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """The question asks one end of the ages a trial took in ("upper age limit", "min
        age"): an age limit that bounds them from the other end only ("aged 55 years or older"
        for the upper one)."""
        if fig.endpoint != AGE_LIMIT:
            return False
        if _UPPER_AGE_ASKED.search(q.text):
            return bool(_FROM_BELOW.search(fig.value)) and not _FROM_ABOVE.search(fig.value)
        if _LOWER_AGE_ASKED.search(q.text):
            return bool(_FROM_ABOVE.search(fig.value)) and not _FROM_BELOW.search(fig.value)
        return False

    def _design_value(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """A value the trial was designed around, not one it found: a non-inferiority margin,
        the effect it was powered to detect, an assumed rate ("the margin was an HR of 1.13",
        "non-inferior if the upper bound ... was below 1.50"), unless the question asks for the
        design."""
        return _is_design_value(s.text, fig) and not _DESIGN_ASKED.search(q.text)

    def _other_lettered_arm(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """The question names arms by letter ("mPFS in arm A", "PFS HR arm C vs arm A"): a
        value the article gives to another lettered arm ("(arm B) gave a median PFS of 9.9
        months", the "Arm B: ..." cell of a table), or a comparison between lettered arms that
        are not the ones asked ("arm B vs arm A: HR 0.67" for arm C vs A)."""
        asked = arm_letters(q.text)
        if not asked:
            return False
        own = _own_letters(s, fig)
        if _compares_in_prose(s, fig):
            # ("Compared with arm A, the HR was 0.67" is arm B's ratio when C vs A is asked)
            return bool(own) and not asked <= own and (len(asked) >= 2 or len(own) >= 2)
        if fig.endpoint not in STATISTICS and not own and not arm_letters(s.text):
            # the article names its arms by letter, this sentence by none: "92.9% with 20 Gy"
            # pools two of its four arms and is no answer for "arm B (4 ABVD + 20 Gy)"
            if s.article.id not in context.letters:
                context.letters[s.article.id] = arm_letters(context.text.get(s.article.id, ""))
            return bool(context.letters[s.article.id])
        return bool(own) and not own & asked

    def _lettered_arm_said(self, q: Question, s: Sentence, fig: Figure) -> bool:
        """The figure is the lettered arm's the question names: its own letter ("8.7 months
        with placebo (arm A)"), or for a comparison, a sentence naming every arm asked."""
        asked = arm_letters(q.text)
        if not asked:
            return False
        own = _own_letters(s, fig)
        return asked <= own if _compares_in_prose(s, fig) else bool(own & asked)

    def _ratio_of_other_drugs(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """In an article on several trials, a hazard ratio or P value whose sentence names the
        arms by their drugs, none of them a drug the question asks about: the other trial's."""
        if fig.endpoint not in STATISTICS or len(s.article.meta.get("trials", [])) < 2:
            return False
        drugs, brands = _article_drugs(s.article), _brands(s.article)
        asked = _drugs_named(q.text, drugs, self.vocab, brands) - self.vocab.class_names
        said = _drugs_named(s.text, drugs, self.vocab, brands) - self.vocab.class_names
        return bool(asked and said and not asked & said)

    def _arm_size_unasked(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """One arm's size answers a question that names an arm or asks per arm ("n per arm",
        "bev vs placebo"), not one asking how many the trial took."""
        if fig.endpoint != "enrollment" or not is_arm_size(s.text, fig):
            return False
        return not self._asks_a_part(q, s)

    def _total_for_arms(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """A question per arm ("n randomized per arm?") is not answered by the trial's total
        when its sentence gives the arms' sizes ("1,500 patients ...: 742 to BrECADD and 758 to
        eBEACOPP")."""
        if fig.endpoint != "enrollment" or is_arm_size(s.text, fig) or not _PER_ARM.search(q.text):
            return False
        if _asks_total_and_arms(q):
            return False  # "how many in all, and how many per arm?": the total is asked too
        figures = extract_figures(s.text, self.vocab)
        return any(f.endpoint == "enrollment" and is_arm_size(s.text, f) for f in figures)

    def _asks_a_part(self, q: Question, s: Sentence) -> bool:
        """The question names an arm (by its drugs or its dose), a part of the population, or
        asks per arm."""
        return bool(
            any(kind == "arm" for _, kind in q.qualifiers)
            or q.population  # "how many pts in cohort 2": a part's size
            or q.values  # "how many to 8 mg/kg": the arm of that dose
            or _VERSUS.search(q.text)
            or _PER_ARM.search(q.text)
            or _drugs_named(q.text, _article_drugs(s.article), self.vocab, _brands(s.article))
        )

    def _code_unsaid(self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext) -> bool:
        versus = _VERSUS.search(q.text)
        # "In that group ...", "Their ...": the sentence before says whom
        before = context.before.get((s.article.id, s.start), [])
        back = before[0] if before and _BACK_REFERENCE.match(s.text) else ""
        for code in q.codes:
            if _says_code(code, s) or self._says_defined_form(code, s):
                continue
            if back and _says_code(code, replace(s, text=back)):
                continue
            if versus and q.text.find(code, versus.end()) >= 0 and fig.endpoint in STATISTICS:
                continue  # "PFS HR lutathera vs octreotide LAR": the comparator's name
            # an acronym that names how a population is split ("IMDC poor-risk"): said by the
            # article, the figure of a named part of the population may answer
            named_split = (
                code.isalpha()
                and code_shape(code) != "stage"  # (a stage is said, or not: "II-IIIA" is not)
                and _has_word(context.text.get(s.article.id, ""), code)
                and population_phrase(s.text, fig) is not None
            )
            if not named_split:
                return True
        return False

    def _defined_part(self, q: Question, s: Sentence, restricted: set[str]) -> set[str]:
        """The words of the part the question names by an abbreviation the article defines,
        when the figure's part says them all ("ERMS": "embryonal"; not "TE", transplant-eligible,
        for "transplant-ineligible", nor "CLND" for "sentinel-node metastasis")."""
        found: set[str] = set()
        for code in (*q.codes, *q.entities):
            words = self._defined_words(code, s)
            if words and all(any(_same_word(w, r) for r in restricted) for w in words):
                found |= words
        return found

    def _said_by_abbreviation(
        self, population: list[str], s: Sentence, text: str | None = None
    ) -> bool:
        """Every word of the population asked is a word of the long form of one abbreviation
        the sentence says ("soft tissue" of "soft-tissue sarcoma (STS)": "In the STS cohort");
        never a part asked without another ("esophageal (not GEJ)": not "GEJ primary" by
        "gastro-oesophageal junction")."""
        if any(p.startswith("not ") for p in population):
            return False
        asked = [w for p in population for w in re.split(r"[-/\s]", us_spelling(p)) if w]
        for code, long in s.article.meta.get("aliases", {}).items():
            if self.vocab.terms(code) or not re.search(
                rf"(?<![\w-]){re.escape(code)}(?![\w-])", s.text if text is None else text
            ):
                continue
            words = set(re.findall(r"[a-z0-9]+", us_spelling(str(long).casefold())))
            own = {us_spelling(w) for w in self._defined_parts(code, s)}
            if (
                asked
                and all(any(_same_word(a, w) for w in words) for a in asked)
                and all(any(_same_word(a, w) for a in asked) for w in own if w)
            ):
                return True
        return False

    def _abbreviated_part(
        self, q: Question, asked: set[str], s: Sentence, restricted: set[str]
    ) -> set[str]:
        """The figure's part said by an abbreviation the article defines ("In the STS cohort")
        when the question names it so ("the STS ORR") or says every word of the long form the
        headline does not ("soft tissue" of "soft-tissue sarcoma"; not "TE",
        transplant-eligible, for "transplant-ineligible")."""
        aliases = s.article.meta.get("aliases", {})
        # (not one the question gives patients: "nodes removed w/ ALND" asks for an arm)
        # (nor a score with its cut-off, "CPS>=10": the cut-off says which part)
        named = {
            n.casefold()
            for n in (*q.entities, *q.codes)
            if not re.search(rf"(?:{_GIVEN_BEFORE}|{_NOT_BEFORE}){re.escape(n)}\b", q.text, re.I)
            and not any(p.startswith(n.casefold()) for p in q.population)
        }
        found: set[str] = set()
        for code in aliases:
            if code.casefold() not in restricted or self.vocab.terms(code):
                continue
            words = self._defined_parts(code, s)
            # ("high grade serous pts": the population's words are all the long form's)
            population = {p for w in q.population for p in re.split(r"[-/\s]", w) if p}
            if (
                code.casefold() in named
                or (words and all(any(_same_word(w, a) for a in asked) for w in words))
                or (population and all(any(_same_word(p, w) for w in words) for p in population))
            ):
                found.add(code.casefold())
        return found

    def _defined_parts(self, code: str, s: Sentence) -> set[str]:
        """``_defined_words`` split at hyphens and slashes ("soft-tissue": soft, tissue)."""
        return {p for w in self._defined_words(code, s) for p in re.split(r"[-/]", w) if p}

    def _defined_words(self, code: str, s: Sentence) -> set[str]:
        """The words of what the article defines ``code`` as that its headline does not say."""
        long = s.article.meta.get("aliases", {}).get(code)
        if not long:
            return set()
        words = set(self.vocab.content_words(str(long)))
        return words - set(self.vocab.content_words(s.article.title))

    def _says_defined_form(self, code: str, s: Sentence) -> bool:
        """The sentence says what the article defines ``code`` as, by a word its headline does
        not share: "embryonal" of "embryonal rhabdomyosarcoma (ERMS)" in a rhabdomyosarcoma
        trial's row "4-year EFS, embryonal"."""
        words = self._defined_words(code, s)
        if not words and code in self.vocab.spelt_out:
            # "SLNB" asked of an article that never abbreviates it: "a sentinel biopsy"
            words = set(self.vocab.content_words(self.vocab.spelt_out[code]))
        return bool(words) and words <= set(tokenize(s.text, self.vocab.stopwords))

    def _other_trial(self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext) -> bool:
        trials = s.article.meta.get("trials", [])
        regimens = s.article.meta.get("regimens", [])
        return not about_trials(q.trials, s.text, trials, s.section, s.outline, regimens)

    def _negated_arm(self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext) -> bool:
        """The arm given a drug asked, and the figure's own words say the arm without it ("82.1%
        without it", a row "No nelarabine"); or the arm without it asked ("no-nelarabine pts")
        and the figure's words say the drug given, not withheld."""
        if fig.endpoint in STATISTICS:
            return False
        drugs, brands = _article_drugs(s.article), _brands(s.article)
        asked = _drugs_named(q.text, drugs, self.vocab, brands)
        if not asked or _VERSUS.search(q.text):
            return False
        own = _scope_to_end(fig).strip()  # ("82.1% without it": no arm phrase _arm_said reads)
        arm = own if _NEGATION.match(own) else self._arm_said(s, fig, drugs)
        if is_table_row(s.text):  # a row's arm column: "... | Arm: No nelarabine (n = 336) | ..."
            arm = next((v for h, v, _ in row_cells(s.text)[1] if _ARM_COLUMN.fullmatch(h)), arm)
        if not arm:
            return False
        withheld = _withheld(arm, asked, drugs, self.vocab, brands, pronoun=True)
        if _withheld(q.text, asked, drugs, self.vocab, brands):
            return not withheld and bool(asked & _drugs_named(arm, drugs, self.vocab, brands))
        return withheld

    def _other_trials_column(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        trials = s.article.meta.get("trials", [])
        return bool(
            q.trials
            and is_table_row(s.text)
            and {name_key(t) for t in q.trials} & {name_key(str(t)) for t in trials}
            and not about_trials(q.trials, "", trials, f"{fig.label} {fig.scope}")
        )

    def _other_arms_figure(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        backbone, together = self._backbone(s, context), self._together(s, context)
        return self._other_arm(q, s, fig, backbone, together, context)

    def _other_regimens_figure(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """The question names an arm by its regimen's code ("DFS HR for TCH vs AC-T"): a
        figure whose own words name another of the article's codes ("0.64 with AC-TH") is
        that arm's, whether or not the code's drugs are known."""
        codes = _regimen_codes(s.article)
        if not codes:
            return False
        versus = _VERSUS.search(q.text)
        asked_text = q.text[: versus.start()] if versus else q.text
        asked = _regimens_asked(asked_text, codes)
        if not asked:
            return False
        arm = self._arm_said(s, fig, _article_drugs(s.article))
        own = {c for c in codes if _names_regimen(arm, c)}
        if own and not own & asked:
            return True
        if not own and _column_of_another_code(s.text, fig, asked):
            return True
        if own & asked and _ALONE.search(asked_text) and _ADDED_TO.search(arm):
            return True  # "FOLFOX4 alone" asked: "FOLFOX4 + Bev" adds a drug to it
        if versus is None or fig.endpoint not in STATISTICS:
            return False
        # "TCH vs AC-TH" asked: "Compared with AC-T, the HR ... was 0.75 with TCH" is against
        # another comparator
        against = {c for c in codes if _names_regimen(q.text[versus.end() :], c)}
        said = {c for c in codes if compared_with(s.text, c)}
        return bool(against and said and not said & against)

    def _ratio_of_dose_arms(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """A drug asked ("the cetux OS comparison"), no dose: a ratio between arms named by
        their doses ("60 Gy (standard dose): ... | 74 Gy (high dose): ... | HR: 1.38") that
        never names the drug is the comparison of the doses."""
        if fig.endpoint not in STATISTICS or any(is_dose(v) for v in q.values):
            return False
        drugs = _article_drugs(s.article)
        # ("cetuximab-RT": the drug, joined to what it is given with)
        asked_text = q.text.replace("-", " ")
        asked = _drugs_named(asked_text, drugs, self.vocab, _brands(s.article)) - set(
            self.vocab.class_names
        )
        doses = {v for v in named_values(s.text) if is_dose(v)}
        return (
            bool(asked)
            and len(doses) >= 2
            and not _drugs_named(s.text, drugs, self.vocab, _brands(s.article)) & asked
        )

    def _other_comparators_ratio(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        return fig.endpoint in STATISTICS and self._other_comparison(q, s)

    def _other_grade(self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext) -> bool:
        return self._grade_unasked(q, fig, s.text)

    def _yardstick(self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext) -> bool:
        return bool(_REFERENCE_BEFORE.search(s.text[max(0, fig.start - 40) : fig.start]))

    def _other_kind_of_dose(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """A dose received on average or summed over a day ("the median average daily dose was
        35.8 mg", "a total daily dose of 1,200 mg"), or the most a patient may get ("escalated
        to 100 mg/m2"), answers only a question asking for one, and the dose given answers only
        one that does not; a heading's strength ("About KEYTRUDA
        injection, 100 mg") names a product, not a dose given."""
        if fig.unit != "dose":
            return False
        if s.text.lstrip().startswith("#"):
            return True
        if _FLAT_DOSE_ASKED.search(q.text) and _PER_BODY_SIZE.search(fig.value):
            return True  # "the flat dose of avelumab": not "10 mg/kg", a dose by weight
        clause = re.split(r"[,;(]", s.text[: fig.start])[-1]
        if bool(_DOSE_KIND.search(clause)) != bool(_DOSE_KIND_ASKED.search(q.text)):
            return True
        # "escalated to 100 mg/m2", "up to a maximum of 1.75 mg/kg": the most a patient may get
        # answers "max dose?", "escalated to what dose?"; the dose started at, any other
        return bool(_DOSE_CEILING.search(s.text[: fig.start])) != bool(
            _DOSE_CEILING_ASKED.search(q.text)
        )

    def _other_kind_of_treatments_dose(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """A radiation dose (in Gy) answers a question about radiotherapy, a drug's (in mg)
        one about a drug."""
        if fig.unit != "dose":
            return False
        in_gray = bool(re.search(r"c?Gy\b", fig.value))
        # ("cisplatin dose during CRT": a drug named, its dose is asked)
        drug = _drugs_named(q.text, _article_drugs(s.article), self.vocab, _brands(s.article))
        return in_gray != bool(_RADIATION_ASKED.search(q.text) and not drug)

    def _other_phases_dose(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        return fig.unit == "dose" and self._phase_fit(q, fig, s.text) is False

    def _other_ci_level(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """The question names the confidence level of an interval ("upper limit of the 90% CI")
        and the figure's own interval is of another level ("0.76 (95% CI, 0.58-1.00)"), said
        with it or in its table's column."""
        asked = {m.group(1) for m in _CI_LEVEL.finditer(q.text)}
        if not asked:
            return False
        own = f"{fig.detail} {_statistic_bracket(s.text, fig)} {ci_after(s.text, fig.end)}"
        if is_table_row(s.text):
            own += f" {fig.label}"
        said = {m.group(1) for m in _CI_LEVEL.finditer(own)}
        return bool(said) and not said & asked

    def _rates_time_unsaid(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """A rate asked at a time point of an endpoint that is no landmark of the vocabulary
        ("2y locoregional control"): a rate whose sentence, heading, lead-in and sentences
        before it say no time point, or others, is not the one asked."""
        if q.landmark is not None or fig.unit != "percent":
            return False
        before = context.before.get((s.article.id, s.start), [])
        where = [s.section, s.lead_in, s.text, *before[:1]]
        if is_table_row(s.text):
            # a table's time is said by its caption ("Table 1. Ten-year outcomes by arm"),
            # wherever the page put it
            where += context.captions.get(s.article.id, [])
        return _time_point_unsaid(q.text, where)

    def _other_step_of_schedule(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """A dose given first and then another ("200 IU per kilogram for the first month,
        followed by 150 IU per kilogram"): the dose "after the first month" is the one after
        "followed by", and the one "for the first week" or the loading dose the one before."""
        if fig.unit != "dose":
            return False
        then_after = _THEN_AHEAD.search(s.text, fig.end)
        later_dose = then_after is not None and DOSE.search(s.text, then_after.end()) is not None
        if _LATER_STEP.search(q.text):
            return later_dose
        if _FIRST_STEP.search(q.text):
            return _THEN.search(s.text[: fig.start]) is not None
        return False

    def _population_unsaid(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        if not q.population or says_population(q.population, s.text, s.section):
            return False
        disease = self._disease_of_the_article(q.population, s)
        if disease and (
            len(disease) == len(q.population)
            or says_population([w for w in q.population if w not in disease], s.text, s.section)
        ):
            return False  # "ORR in MSS endometrial pts" of an endometrial cancer trial
        lettered = [p for p in q.population if p.startswith("cohort:") or _NUMBERED_PART.match(p)]
        if lettered == q.population and says_population(q.population, s.article.title):
            return False  # "CheckMate 914 Part A journal summary": all of it is about part A
        if self._said_by_abbreviation(q.population, s):
            return False  # "the soft tissue cohort" asked: "In the STS cohort"
        # "In that group, the HR was 0.69": the group is the one the sentence before names
        before = context.before.get((s.article.id, s.start), [])
        back = _BACK_REFERENCE.match(s.text)
        return not (back and before and says_population(q.population, before[0], s.section))

    def _disease_of_the_article(self, population: list[str], s: Sentence) -> list[str]:
        """The words of an asked population that name the tumour type the article's headline
        names and the figure's sentence contradicts with no other: the whole trial's disease,
        no part of it ("endometrial pts" of an endometrial cancer trial)."""
        title = s.article.title
        titled = self.vocab.tumour_types_named(title)
        said = self.vocab.tumour_types_named(s.text)
        return [
            w
            for w in population
            if (named := self.vocab.tumour_types_named(w))
            and named <= titled
            and said <= named
            # the headline's own word for it, or its initials ("RCC": "Renal Cell Carcinoma"),
            # not a kind of it ("liposarcoma" of a soft-tissue sarcoma trial, "ccRCC")
            and (_has_word(title, w) or _initials_in(w, title))
        ]

    def _other_part_after(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        own_part = population_after(fig) if q.population else None
        if not own_part or says_population(q.population, own_part):
            return False
        if self._said_by_abbreviation(q.population, s, own_part):
            return False  # "soft tissue" asked: "55% ... in STS"
        # "By IMDC category, the HR was 0.64 in favorable-risk, ... and 0.43 in poor-risk":
        # a word the sentence says outside every part ("IMDC") frames all of them
        figures = extract_figures(s.text, self.vocab)
        parts = [
            p for f in figures for p in (population_after(f), population_phrase(s.text, f)) if p
        ]
        return not all(
            says_population([w], own_part)
            or (says_population([w], s.text) and not any(says_population([w], p) for p in parts))
            for w in q.population
        )

    def _other_listed_part(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """Values listed each with a part of their own ("0.76 for intrahepatic
        cholangiocarcinoma, ... and 0.94 for gallbladder cancer"): a question naming one of
        the parts by its words is not answered by another's value."""
        own = self._listed_part(s, fig)
        if not own:
            return False
        # (parts listed for another endpoint are no rivals: "PFS ... 11.9 months in the IHC 3+
        # subgroup, while median OS was 13.4 months overall and 21.1 months in IHC 3+ disease")
        listed = {
            self._listed_part(s, f)
            for f in extract_figures(s.text, self.vocab)
            if f.endpoint == fig.endpoint
        } - {""}
        words = {p: set(self.vocab.content_words(p)) for p in listed | {own}}
        shared = set.intersection(*words.values())  # "risk" of "favorable-" and "poor-risk"
        asked = set(q.content) | set(q.population)
        if (words[own] - shared) & asked:
            return False
        return any((words[p] - shared) & asked for p in listed if p != own)

    def _listed_part(self, s: Sentence, fig: Figure) -> str:
        """The part of the population a value's own words name right after it ("for
        gallbladder cancer", "in Asia"); "" for none, or for an arm ("for osimertinib")."""
        part = _part_in_scope(fig.scope)
        if not part or _drugs_named(
            part, _article_drugs(s.article), self.vocab, _brands(s.article)
        ):
            return ""
        if re.search(r"\barms?\b", part, re.I):
            return ""  # "in the open arm": an arm, whatever its treatment is called
        return part

    def _other_age_before(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """An age cut-off asked: the figure's own clause says another age before it."""
        asked = {p for p in q.population if p.startswith("age")}
        if not asked:
            return False
        clause = _CLAUSE_BREAK.split(s.text[: fig.start])[-1]
        said = age_cuts(clause)
        return bool(said) and not asked & said

    def _overall_for_a_part(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        if OVERALL in q.groups:
            return False  # "the all-comers cohort" asked: everyone
        if not (self._part_asked(q, s, context) and self._says_overall(s, fig)):
            return False
        # "All ESCC (n=548)", "All Asian patients": everyone of the part asked, not the trial
        own = fig.scope if is_table_row(s.text) else population_phrase(s.text, fig) or ""
        if not own:
            return True
        said = {t.key for t in self.vocab.terms(own)}
        if q.population:
            return not says_population(q.population, own) or bool(q.parts - said)
        return not q.parts or bool(q.parts - said)

    @staticmethod
    def _that_group_asked(q: Question, s: Sentence, context: _ArticleContext) -> bool:
        """ "In that group, 2-year PFS reached 83.9%": the question names the group the
        sentence before names."""
        before = context.before.get((s.article.id, s.start), [])
        return bool(
            q.population
            and before
            and says_population(q.population, f"{before[0]} {s.article.title}")
        )

    def _whole_trial_before(self, s: Sentence, context: _ArticleContext) -> bool:
        """ "Their ..." opens a sentence about whom the one before names: a part ("The stage
        III patients are the interesting ones."), or the whole trial ("1,056 patients were
        randomised. Their median age was 61")."""
        before = context.before.get((s.article.id, s.start), [])
        if not re.match(r"\s*Their\b", s.text) or not before:
            return False
        prev = before[0]
        return not (
            _STAGE_SAID.search(prev)
            or _SUBGROUP_WORD.search(prev)
            or any(t.qualifier == "subgroup" for t in self.vocab.terms(prev))
            or age_cuts(prev)
            or SCORE_CUT.search(prev)
            or marker_cuts(prev)
        )

    def _population_fit(
        self,
        q: Question,
        s: Sentence,
        terms: list[Term],
        fig: Figure,
        local: list[Term],
        context: _ArticleContext,
        score: float,
    ) -> float | None:
        """A figure of a part of the population answers only a question that names that part,
        said the same way round ("without brain metastases" is not "with")."""
        if OVERALL in q.groups and _SUBGROUP_WORD.search(f"{fig.label} {_own_scope(fig)}"):
            return None  # "the overall population" asked: "in the HRp subgroup, ... 8.1 months"
        restricted = self._population_words(s, fig) or self._section_part(s, fig, context)
        if restricted == {_THAT_GROUP} and not self._whole_trial_before(s, context):
            return score + 1.0 if self._that_group_asked(q, s, context) else None
        restricted -= {_THAT_GROUP}
        row_parts = [] if restricted else self._row_parts(s, context)
        label_part = (
            set()
            if restricted or row_parts
            else self._label_part(s) or self._prefixed_part(s, context)
        )
        restricted = restricted or set().union(*row_parts) or label_part
        if _other_stage(q.codes, restricted):
            return None  # "stage IIC" asked: "In stage IIB disease the HR was 0.64"
        if restricted and not q.population and (fig.unit == "dose" or fig.endpoint == "follow-up"):
            # a regimen's dose is every patient's in its arm, whoever they are; "median
            # follow-up among patients without events" is the trial's
            return score
        phrase = population_phrase(s.text, fig) if restricted else None
        if phrase and _NEGATED.search(phrase) and not _NEGATED.search(q.text):
            return None  # "among those without brain metastases" for "pts w/ brain mets"
        # (and what the words before it name: "the intracranial ORR was 82%")
        near = " ".join(
            [phrase or "", *(fig.label[t.start : t.end] for t in self.vocab.terms(fig.label))]
        )
        if phrase and _negation_said_of(q.text, near) and not _NEGATED.search(phrase):
            return None  # "pts w/o brain mets": the figure of those with them does not answer
        if row_parts:  # ("esophageal (not GEJ)" asked: the row's label says which part)
            phrase = row_cells(s.text)[0]
        if restricted:
            phases = self._phase_of_drug_asked(q, s)  # "adjuvant tecentriq": no part asked
            asked = self._part_words_asked(q, s, restricted, bool(row_parts or label_part))
            asked -= phases
            # the figure's own clause may say its age ("..., while those older than 65 had")
            own_clause = _own_clause(s.text, fig)
            cuts = (
                age_cuts(phrase or "")
                | age_cuts(own_clause)
                | {score_cut_key(m) for m in SCORE_CUT.finditer(phrase or "")}
                | marker_cuts(phrase or "")
                | marker_cuts(own_clause)
                | lettered_cohorts(phrase or "")
                | lettered_cohorts(own_clause)
                | performance_statuses(phrase or "")
                | performance_statuses(own_clause)
                | ihc_scores(phrase or "")
                | ihc_scores(own_clause)
            )
            if _other_score(q.population, cuts):
                return None  # "IHC 2+" asked: "among IHC 3+ tumours the ORR was 51.6%"
            # "in PR" asked: "those in partial response" says it by the vocabulary's form
            said_as_term = any(t.key in q.parts - phases for t in self.vocab.terms(phrase or ""))
            if (
                not (cuts & set(q.population))
                and not said_as_term
                and not any(_same_word(a, w) for a in asked for w in restricted)
            ):
                return None  # a subgroup's figure, and the question names no subgroup of it
            if self._opposite(asked, restricted):
                return None  # "low-risk" asked, "high-risk disease" said: they share "risk"
            if not cuts and not all(
                any(_same_word(a, w) for a in asked for w in p) for p in row_parts
            ):
                return None  # "HRd" asked: the row "HRd, BRCA-mutated" is a part of that part
            score += 1.0
        return score

    def _part_words_asked(
        self, q: Question, s: Sentence, restricted: set[str], labelled: bool
    ) -> set[str]:
        """The words by which a question may name the part a figure is of: its content words,
        population, qualifiers and codes, and the long forms its abbreviations stand for."""
        asked = (
            # (not "upper" of "the upper CI": a bound asked says no part, "upper third";
            # nor "primary" of "the primary analysis": no "ulcerated primary")
            (set(q.content) - _BOUND_WORDS - set(q.analyses))
            | {p.removeprefix("not ") for p in q.population}
            | {k for k, _ in q.qualifiers}
            | {c.casefold() for c in q.codes}
        )
        if labelled:  # "HRRm" asked, a word the vocabulary does not know
            asked |= {e.casefold() for e in q.entities}
        # "ERMS" asked: what the article defines it as ("embryonal rhabdomyosarcoma
        # (ERMS)"), when the figure's part says all of it its headline does not ("embryonal")
        asked |= self._defined_part(q, s, restricted)
        asked |= self._abbreviated_part(q, asked, s, restricted)
        # "HRR-deficient" asked: a label's words are split at hyphens ("HRR deficient")
        return asked | {p for w in asked for p in re.split(r"[-/]", w) if len(p) > 2}

    def _phase_of_drug_asked(self, q: Question, s: Sentence) -> set[str]:
        """The treatment phases the question says of a drug it asks ("adjuvant tecentriq",
        "maintenance olaparib"): when the drug is given, not a part of the population (not the
        part "treated with surgery followed by adjuvant radiotherapy")."""
        drugs, brands = _article_drugs(s.article), _brands(s.article)
        return {
            m.group(1).casefold()
            for m in re.finditer(r"\b([a-z]+)(?=\s+([\w-]+))", q.text, re.I)  # every pair
            if m.group(1).casefold() in self.vocab.treatment_phases
            and _drugs_named(m.group(2), drugs, self.vocab, brands) - self.vocab.class_names
        }

    def _values_fit(
        self,
        q: Question,
        s: Sentence,
        terms: list[Term],
        fig: Figure,
        local: list[Term],
        context: _ArticleContext,
        score: float,
    ) -> float | None:
        """Figures the question names ("ORR at 8 mg/kg") and a CI when one is asked."""
        unit = _asked_dose_unit(q.text)
        if unit and fig.unit == "dose" and _dose_unit_of(fig.value) != unit:
            return None  # "BV dose, mg/kg?": not a cumulative "16.8 g/m2" of another drug
        sentence_values = named_values(s.text)
        own_values = named_values(_arm_words(s, fig))
        choice = _VALUES_TO_CHOOSE.search(q.text)
        for v in q.values:
            if any(_same_unit(v, o) and o in own_values for o in q.values):
                continue  # "mPFS 60 Gy vs 74 Gy": the figure of one of the values compared
            if choice and _number(fig.value) in {_number(c) for c in choice.groups()}:
                continue  # "5.4 or 6.4 mg/kg?": the one said answers
            if any(_same_unit(v, o) and o != v for o in own_values) and v not in own_values:
                return None  # "the 240 mg arm" asked: "0.70 for the 960 mg arm"
            if (
                is_table_row(s.text)
                and v in sentence_values
                and not any(_same_unit(v, o) or o == v for o in own_values)
                # (a row of one group, "Group 3 | dose: 350 mg q3w | ORR: 46.4%", is all that
                # group's)
                and not _NUMBERED_PART.match(row_cells(s.text)[0])
            ):
                return None  # "the 240 mg arm" asked: the column of an arm with no dose said
            if v in sentence_values:
                score += 0.5
            elif any(
                _same_unit(v, o) for o in sentence_values | context.values.get(s.article.id, set())
            ):
                return None  # "ORR at 8 mg/kg" is not answered by a 12 mg/kg figure
            else:
                score -= 0.5
        for level in q.dose_levels:
            # "the 45 arm": the figure whose arm is given 45 of a dose unit, not 90 of it
            doses = {v.split()[0] for v in own_values if is_dose(v)}
            if doses and level not in doses:
                return None
            score += 0.5 if level in doses else 0.0
        said = fig.detail + _statistic_bracket(s.text, fig) + ci_after(s.text, fig.end)
        if is_table_row(s.text):
            said += fig.label  # "HR (95% CI): 0.73 (0.57-0.95)": the column says it
        if "CI" in q.groups and not re.search(r"\bCI\b|confidence interval", said):
            return None  # a CI was asked for and this figure has none

        return score

    def _week_fit(
        self,
        q: Question,
        s: Sentence,
        terms: list[Term],
        fig: Figure,
        local: list[Term],
        context: _ArticleContext,
        score: float,
    ) -> float | None:
        """A time point asked in weeks ("MMR at week 96"): the week the figure is said at (the
        nearest before it, else the first after it, else its section's) must be that one."""
        if q.week is None or fig.unit == "dose":
            return score
        if q.week not in context.weeks.get(s.article.id, set()):
            return None  # the article reports nothing at that week
        said = week_points(s.text)
        before = [w for at, w in said if at < fig.start]
        after = [w for at, w in said if at >= fig.end]
        if after and _AT_AFTER.match(s.text, fig.end):
            before = []  # "from 52% at 11 weeks to 71% at 18 weeks": the week said right after
        weeks = before or after[:1] or [w for _, w in week_points(s.section)][-1:]
        if not weeks:
            return score
        week = weeks[-1]
        return score + 0.5 if week == q.week else None

    def _courses_fit(
        self,
        q: Question,
        s: Sentence,
        terms: list[Term],
        fig: Figure,
        local: list[Term],
        context: _ArticleContext,
        score: float,
    ) -> float | None:
        """An arm asked by how many courses of its treatment it gives ("the 6 cycle arm", "4x
        R-CHOP", "5 fractions"): the figure whose own arm says that many (in digits or words)
        leads, one whose arm says another number of them is another arm's."""
        asked = _courses(q.text, asked=True)
        own = _own_courses(fig) if asked else set()
        if not own:
            return score
        if own & asked:
            return score + 1.0
        return None if {n for _, n in own} & {n for _, n in asked} else score

    def _marking_word_fit(
        self,
        q: Question,
        s: Sentence,
        terms: list[Term],
        fig: Figure,
        local: list[Term],
        context: _ArticleContext,
        score: float,
    ) -> float | None:
        """An arm asked by the word that tells it from the others its figure is listed with
        ("short dex" of "89.6% with short dexamethasone vs 90.1% with standard dexamethasone"):
        the figure whose own arm words hold it leads; one whose arm words do not, when another
        listed figure's do, is that other arm's. So for a part of the population a statistic
        is listed for by the words before it ("by race (Asian patients: HR 0.36)")."""
        marked = self._marked_arm(q, s, fig)
        if marked is not None:
            return score + 1.0 if marked else None
        points = self._marked_part(q, s, fig)
        return None if points is None else score + points

    def _marked_part(self, q: Question, s: Sentence, fig: Figure) -> float | None:
        """Points for the word that tells ``fig``'s part of the population from the other parts
        a sentence lists the same statistic for, said before each value ("Node-positive patients
        had an HR of 0.81 and node-negative patients 0.88"): 1 when all of it is asked; when another
        part's is, None if ``fig``'s says its opposite ("positive" for "node-negative"), else -1
        (that part may be one of this one's: "stage IB patients with tumours of 4 cm or larger
        ... those with smaller tumours"); 0 when none is."""
        said_asked = [*q.content, *q.population, *(k for k, _ in q.qualifiers)]
        asked = {p for w in said_asked for p in re.split(r"[-/\s]", w.casefold()) if len(p) > 2}
        asked |= {"positive" for w in said_asked if w.endswith("+")}  # "node+", "HER2+"
        if fig.endpoint not in STATISTICS or not asked or re.search(r"\brespectively\b", s.text):
            return 0.0
        listed = [f for f in extract_figures(s.text, self.vocab) if f.endpoint == fig.endpoint]
        if len(listed) < 2 or all(f.start != fig.start for f in listed):
            return 0.0
        if any(_SCOPE_AFTER.match(s.text, f.end) for f in listed):
            return 0.0  # "0.62 in men and 0.85 in women": each part said after its value
        drugs, brands = _article_drugs(s.article), _brands(s.article)
        leads = [
            _lead_words(s.text, listed[i - 1].end if i else 0, f.start)
            for i, f in enumerate(listed)
        ]
        if not all(lead & _PART_NOUNS for lead in leads):
            return 0.0  # "EFS was 26% in both arms (HR 0.99) ... with DHAP (HR 1.03)": no parts
        words = [
            {
                w
                for w in lead
                if w not in self.vocab.stopwords
                and not _drugs_named(w, drugs, self.vocab, brands)
                and not any(t.kind == "endpoint" for t in self.vocab.terms(w))
            }
            for lead in leads
        ]
        common = set.intersection(*words)
        marks = [w - common - _PART_NOUNS - _PART_GLUE for w in words]

        def said(mark: set[str]) -> bool:
            return any(_same_word(a, w) for a in asked for w in mark)

        own = marks[[f.start for f in listed].index(fig.start)]
        if own and all(said({w}) for w in own):
            return 1.0  # (every word of its part asked: no part of the part asked about)
        if said(own) or not any(said(m) for m in marks):
            return 0.0
        opposites = {frozenset(pair) for pair in self.vocab.opposites}
        return None if any(frozenset((a, w)) in opposites for a in asked for w in own) else -1.0

    def _marked_arm(self, q: Question, s: Sentence, fig: Figure) -> bool | None:
        """Whether the word that tells ``fig``'s arm from the others listed with it is asked
        (True), another listed arm's is (False), or none is (None)."""
        if fig.endpoint in STATISTICS or _VERSUS.search(q.text):
            return None
        if re.search(r"\brespectively\b", s.text, re.I):
            return None  # "63%, 51% and 40% in the A, B and C arms, respectively": by order
        run = self._run_of(s.text, fig)
        listed = run or [
            f
            for f in extract_figures(s.text, self.vocab)
            if f.endpoint == fig.endpoint and f.unit == fig.unit
        ]  # ("47.1% weekly vs 53.0% 3-weekly": a schedule between the values)
        scheduled = _schedule_marked(q.text, s, fig, listed)
        if scheduled is not None or not q.content:
            return scheduled
        at = [(f.start, f.end) for f in run]
        if len(run) < 2 or (fig.start, fig.end) not in at:
            return None
        cell = is_table_row(s.text)
        # (drugs, however shortened, tell arms apart by the rules of _other_arm)
        drugs, brands = _article_drugs(s.article), _brands(s.article)
        words = [
            {
                w
                for w in _own_arm_words(f, self.vocab, cell)
                if not _drugs_named(w, drugs, self.vocab, brands)
            }
            for f in run
        ]
        if not all(words):
            return None  # "21.0 vs 5.5 months in the germline cohort": a part, not two arms
        common = set.intersection(*words)

        def asked(marks: set[str]) -> bool:
            return any(_same_word(a, w) for a in q.content for w in marks)

        marks = [w - common for w in words]
        if asked(marks[at.index((fig.start, fig.end))]):
            return True
        return False if any(asked(m) for m in marks) else None

    def _part_goes_on(
        self, key: str, s: Sentence, fig: Figure, terms: list[Term], context: _ArticleContext
    ) -> bool:
        """A sentence that goes on from the one before ("The hazard ratio was 0.67, ...") and
        names no part of its own is about the part that one names ("Median time to intracranial
        progression was 21.9 months ...")."""
        if not _GOES_ON.search(s.text[: fig.start]) or any(t.qualifier for t in terms):
            return False
        before = context.before.get((s.article.id, s.start), [])[:1]
        return any(t.key == key for text in before for t in self.vocab.terms(text))

    def _qualifiers_fit(
        self,
        q: Question,
        s: Sentence,
        terms: list[Term],
        fig: Figure,
        local: list[Term],
        context: _ArticleContext,
        score: float,
    ) -> float | None:
        """The arm, subgroup, setting and method the question asks for, said by the figure's
        own words, its sentence, the paragraph or the article."""
        # a listed value's label holds the previous value's arm ("A compared with 40.0% of B")
        label_keys = {
            t.key
            for t in self.vocab.terms(_label_after_previous_arm(s.text, fig))
            if t.qualifier and not (fig.head and t.qualifier == "arm")
        }
        scope_keys = self._scope_keys(s, fig)
        sentence_keys = {t.key for t in terms if t.qualifier}
        section_keys = self._section_keys(s, terms)
        asked = {key for key, _ in q.qualifiers}
        own_label = _label_after_previous_arm(s.text, fig)
        one_grade = tuple(c for c in q.codes if c.casefold().startswith("grade"))  # "grade 3"
        if (SEVERE in asked or one_grade) and _graded_later(s.text, fig, terms, one_grade):
            return None  # "58.6% vs 8.6% (grade 3-4 in 5.6% vs 0%)": of any grade
        said = scope_keys | label_keys | sentence_keys | section_keys
        for key, kind in q.qualifiers:
            if key not in said and self._dose_of_any_arm(s, fig, key, kind):
                continue
            if key in scope_keys:
                score += 1.5
            elif key in label_keys:
                score += 1.0
            elif kind == "arm":
                if any(self.vocab.conflicting(key, o) for o in scope_keys | label_keys):
                    return None  # the figure of the other arm
                if names_drug(q.entities, f"{own_label} {fig.scope}"):
                    score += 1.0  # "51% in the trastuzumab arm" for "trastu plus chemo"
                elif key in sentence_keys:
                    score += 0.4
            elif key in sentence_keys:
                score += 0.8
            elif key in section_keys:
                score += 0.6  # the section is about it ("## dMMR/MSI-H population")
            elif any(self.vocab.conflicting(key, other) for other in sentence_keys | section_keys):
                return None  # the sentence (or its section) reports it for another setting
            elif (
                kind == "setting"
                and (_GOES_ON.search(s.text) or _OPENS_WITH_MEDIAN.match(s.text))
                and self._said_before(key, context.before.get((s.article.id, s.start), []))
            ):
                score += 0.6  # "... dMMR/MSI-H patients ... The hazard ratio was 0.28"
            elif (
                kind == "subgroup"
                and key in self.vocab.endpoints
                and any(t.key == key for t in terms if t.end <= fig.start)
            ):
                score += 0.8  # "pts in PR" asked: "Among those in partial response, ..."
            elif kind == "subgroup" and self._part_goes_on(key, s, fig, terms, context):
                score += 0.6  # "... time to intracranial progression ... The HR was 0.67"
            elif kind == "subgroup" or (
                kind == "setting"
                and (_SUBGROUP_WORD.search(q.text) or self._asked_as_part(q, key, s))
            ):
                # a subgroup figure must be reported as such; "the MSI-H subgroup" is a part of
                # the trial, not the setting of the whole of it
                return None
            elif not self._whole_trials_setting(key, kind, s, context):
                return None
            for other in scope_keys | label_keys:
                if self.vocab.conflicting(key, other):
                    score -= 2 if other in scope_keys else 1
            for other in sentence_keys - scope_keys - label_keys:
                if self.vocab.conflicting(key, other):
                    score -= 0.3
        return score - self._unasked_qualifiers(asked, s, fig, local)

    def _scope_keys(self, s: Sentence, fig: Figure) -> set[str]:
        """The vocabulary's qualifiers the words right after a figure say (its arm, its part)."""
        scope = fig.scope
        if _VERSUS.match(
            f"{scope.strip()} "
        ):  # "21.0 vs 5.5 months in the X cohort": the pair's part
            scope = f"{scope} {population_phrase(s.text, fig) or ''}"
        keys = {t.key for t in self.vocab.terms(scope) if t.qualifier}
        if (
            is_table_row(s.text)
            and _PLUS_JOINED.search(scope)
            and CONTROL_ARM not in keys
            and not _NOT_ADDED.search(scope)
        ):
            keys.add(_COMBINATION)  # "nCRT + surgery (n = 224): 100.1": two treatments joined
        return keys

    def _dose_of_any_arm(self, s: Sentence, fig: Figure, key: str, kind: str) -> bool:
        """A dose is its drug's whatever arm it is given in, and its phase is said as the
        drug's next dose ("loading dose of 800 mg/m², then 600 mg/m²"): the refusals of other
        drugs', other phases' and other kinds of doses (a heading's strength among them) judge
        it, not the arm or phase its sentence leaves unsaid."""
        return fig.unit == "dose" and (kind == "arm" or key in self.vocab.treatment_phases)

    def _unasked_qualifiers(
        self, asked: set[str], s: Sentence, fig: Figure, local: list[Term]
    ) -> float:
        """Points off for the figure's own subgroup or setting words the question did not ask."""
        off = 0.0
        for t in [*local, *self._lead_terms(s.text, fig)]:
            if t.key not in asked and t.qualifier == "subgroup":
                off += 0.6
            elif t.key not in asked and any(self.vocab.conflicting(t.key, o) for o in asked | {""}):
                off += 0.3
            elif t.key not in asked and t.qualifier == "setting" and not asked:
                off += 0.4
        return off

    def _whole_trials_setting(
        self, key: str, kind: str, s: Sentence, context: _ArticleContext
    ) -> bool:
        """A setting the figure's own words do not name may describe the whole trial: the
        article must say it, must not report this endpoint for a conflicting setting, and must
        not report it for the setting by name elsewhere (then a figure that does not name it is
        the whole trial's, or another part's)."""
        if key not in self._named(s.article.id, context):
            return False
        seen = context.settings.get(s.article.id, set())
        if any(self.vocab.conflicting(key, other) for other in seen):
            return False
        if self._titles_setting(key, s, seen):
            return True  # "... in Second-Line HER2+ Gastric Cancer": every figure's setting
        return not (key in seen and kind == "setting" and key not in self.vocab.treatment_phases)

    def _section_keys(self, s: Sentence, terms: list[Term]) -> set[str]:
        """The qualifiers a sentence's section speaks for it: its heading's, when the sentence
        names no setting or subgroup of its own; and a grade its list's lead-in names ("The
        most common grade 3/4 adverse events were:"), when it names none."""
        keys = (
            set()
            if any(t.qualifier in ("setting", "subgroup") for t in terms)
            else {t.key for t in self.vocab.terms(s.section) if t.qualifier}
        )
        if not any(t.key in _GRADES for t in terms):
            keys |= {t.key for t in self.vocab.terms(s.lead_in) if t.key in _GRADES}
        return keys

    def _named_points(self, q: Question, s: Sentence, fig: Figure) -> float:
        """Points for a figure the question names by how the trial was set up: the design
        value asked ("NI margin?"), the lettered arm asked ("arm C")."""
        points = 0.0
        if _DESIGN_ASKED.search(q.text) and _is_design_value(s.text, fig):
            points += 1.0  # "the non-inferiority margin was an HR of 1.13"
        if self._lettered_arm_said(q, s, fig):
            points += 1.0  # "(arm C) lengthened median PFS to 11.0 months"
        return points

    def _preferred(
        self,
        q: Question,
        s: Sentence,
        terms: list[Term],
        fig: Figure,
        local: list[Term],
        context: _ArticleContext,
        score: float,
    ) -> float | None:
        """Soft preferences among the figures no rule refused: the question's words and groups
        in the figure's own words, the drug asked, a CI, not an arm's size."""
        if q.analyses:
            # "updated mOS": the figure whose sentence names that analysis
            said = self._analysis_said(s, context)
            if said & q.analyses:
                score += 1.0  # ("the updated interim analysis" is the updated one asked)
            elif any(self.vocab.conflicting(a, b) for a in q.analyses for b in said):
                return None  # "in the primary analysis, ..." for the updated analysis asked
            elif not self._mainly_about(q.analyses, s.article.id, context):
                return None  # the article reports two analyses, and which this is is not said
        elif self.vocab.superseded(
            self.vocab.analyses_named(s.text), set(self._analyses(s.article.id, context))
        ):
            score -= 0.5  # "OS HR" unqualified: not the first interim's when the second's is out
        if q.groups:
            own_groups = {t.key for t in self.vocab.terms(f"{fig.label} {fig.scope}")}
            score += 0.3 * len(own_groups & set(q.groups))  # "the chemo arm"
            if OVERALL in q.groups and any(t.key == OVERALL for t in terms):
                score += 1.0  # "all randomized pts": the sentence that says it is about them
        if not any(kind == "arm" for _, kind in q.qualifiers) and q.entities:
            # the arm said right after the value is its own ("31.8% with A and 17.6% with B":
            # B's is 17.6%, whatever the words before it say)
            own_words = arm_phrase(fig) or f"{fig.label} {fig.scope}"
            if names_drug(q.entities, own_words):
                score += 0.5  # "trastuzumab arm": the figure of the drug asked about
            elif any(t.qualifier == "arm" for t in self.vocab.terms(own_words)):
                score -= 0.3  # the figure of an arm the question does not name
        if not any(kind == "arm" for _, kind in q.qualifiers):
            own_keys = {t.key for t in self.vocab.terms(f"{fig.label} {fig.scope}")}
            if CONTROL_ARM in own_keys and len(own_keys & self._arm_keys) == 1:
                score -= 0.2  # unasked, the experimental arm's figure leads

        score += self._named_points(q, s, fig)
        words = set(tokenize(s.text, self.vocab.stopwords))
        if q.content:
            score += sum(1 for w in q.content if w in words) / len(q.content)
            # words of the question in the figure's own label or scope ("chemo arm")
            own = set(tokenize(f"{fig.label} {fig.scope}", self.vocab.stopwords))
            score += 0.3 * sum(1 for w in q.content if any(_same_word(w, o) for o in own))
        own_label = re.split(r"[,;(]", fig.label)[-1]  # its clause, not the value's before it
        clause = set(tokenize(f"{own_label} {_own_scope(fig, s.text)}", self.vocab.stopwords))
        # an acronym the question names ("ABVD", "XELOX") in the figure's own words: its arm
        # (the arm said after it when there is one: "13.3 years with RT plus PCV and 7.8 years
        # with RT alone", where the second value's label is the first's arm)
        said_arm = arm_phrase(fig)
        arm_said = set(tokenize(said_arm, self.vocab.stopwords)) if said_arm else clause
        score += 0.6 * sum(1 for c in q.codes if c.casefold() in arm_said)
        if (
            fig.unit == "count"
            and is_arm_size(s.text, fig)
            and not names_drug(q.entities, f"{fig.label} {fig.scope}")
        ):
            score -= 1.0  # "(n = 254)", "742 to BrECADD": one arm's size, not the trial's
        if q.entities and any(e.casefold() in s.text.casefold() for e in q.entities):
            score += 0.3
        if fig.detail:
            score += 0.3
        if q.target == "enrollment":
            score += _enrolment_points(q, s.text, fig)
        if fig.unit == "dose" and self._phase_fit(q, fig, s.text):
            score += 1.0  # "maintenance: pembrolizumab 400 mg" for the maintenance dose
        if fig.unit == "dose":
            # "360 mg every 3 weeks with XELOX (...), or 240 mg ... with FOLFOX": what a dose
            # goes with is said after it, up to the next alternative
            after = set(tokenize(_dose_clause(s.text, fig.end), self.vocab.stopwords))
            asked = {*q.content, *(w.casefold() for w in [*q.codes, *q.entities])}
            score += sum(1.0 for w in asked if len(w) >= 4 and w in after)
        return score

    def _phase_fit(self, q: Question, fig: Figure, sentence: str) -> bool | None:
        """Whether a dose is given in the phase of treatment the question names ("adjuvant",
        "maintenance"), by the words before it, else its own words after it ("75 mg/m2 daily
        during radiotherapy"): True, False for another phase ("perioperative" fits both sides
        of surgery), None when either names none."""
        phases = self.vocab.treatment_phases
        asked = {key for key, _ in q.qualifiers if key in phases}
        own = _THEN_AHEAD.split(_dose_clause(sentence, fig.end))[0]  # up to "followed by"
        said = {t.key for t in self.vocab.terms(fig.label) if t.key in phases} or {
            t.key for t in self.vocab.terms(own) if t.key in phases
        }
        if not asked or not said:
            return None
        return bool(asked & said) or "perioperative" in said

    def _together(self, s: Sentence, context: _ArticleContext) -> list[set[str]]:
        """The sets of two or more drugs (or a drug and a class) an article names as one arm
        ("nivolumab plus chemotherapy", "Nivo + ipi (n=352)"), never across "versus"."""
        article = s.article.id
        if article not in context.together:
            drugs = _article_drugs(s.article)
            text = re.sub(r"\([^()]*\)", " ", context.text.get(article, ""))
            pieces = _ARM_PIECES.split(text)
            named = (_drugs_named(p, drugs, self.vocab, _brands(s.article)) for p in pieces)
            context.together[article] = [d for d in named if len(d) > 1]
        return context.together[article]

    def _backbone(self, s: Sentence, context: _ArticleContext) -> set[str]:
        """The drugs an article gives in its control arm too ("azacitidine alone", "placebo
        plus azacitidine"): every arm has them, so an arm named without them ("the venetoclax
        group") is still the arm with them."""
        article = s.article.id
        if article not in context.backbones:
            drugs = _article_drugs(s.article)
            text = context.text.get(article, "")
            brands = _brands(s.article)
            # "crossover to retifanlimab monotherapy": a drug alone is no control arm's when
            # the article only ever compares it with others (its experimental drug)
            before, after = self._compared(s, context)
            experimental = before - after
            found: set[str] = set()
            for m in _CONTROL_ARM_DRUG.finditer(text):
                named = _drugs_named(m.group(0), drugs, self.vocab, brands)
                if "placebo" in named:  # (but "toripalimab/placebo": either, blinded)
                    found |= named - experimental
                elif not named & experimental:
                    found |= named
            if "placebo" in found and self.vocab.drug_classes.get("chemo") in found:
                # "placebo plus chemotherapy": the article's cytotoxic drugs are every arm's
                found |= {d for d in drugs if self.vocab.is_chemotherapy(d)}
            context.backbones[article] = found
        return context.backbones[article] - self.vocab.class_names

    def _sides(self, s: Sentence, context: _ArticleContext) -> tuple[set[str], set[str]]:
        """The drugs an article names before "versus" (the arms compared) and those it names
        only after it (the arms they are compared with: "atezolizumab plus bevacizumab versus
        sorafenib", never "sorafenib versus ...", its control arm's)."""
        before, after = self._compared(s, context)
        classes = self.vocab.class_names
        return before - classes, after - before - classes

    def _compared(self, s: Sentence, context: _ArticleContext) -> tuple[set[str], set[str]]:
        """The drugs an article names right before and right after "versus", each said."""
        article = s.article.id
        if article not in context.sides:
            drugs = _article_drugs(s.article)
            text = context.text.get(article, "")
            after: set[str] = set()
            before: set[str] = set()
            for m in _COMPARED_WITH.finditer(text):
                next_words = _CLAUSE_END.split(text[m.end() : m.end() + 60])[0]
                # ("vs SoC and for durvalumab plus tremelimumab vs SoC": the next comparison's)
                next_words = _NEXT_COMPARISON.split(next_words)[0]
                # the arm compared is named after the last value ("84% with selpercatinib vs")
                words_before = _CLAUSE_END.split(text[max(0, m.start() - 60) : m.start()])[-1]
                words_before = re.split(r"\d", words_before)[-1]
                after |= _drugs_named(next_words, drugs, self.vocab, _brands(s.article))
                before |= _drugs_named(words_before, drugs, self.vocab, _brands(s.article))
            context.sides[article] = (before, after)
        return context.sides[article]

    def _other_arm(
        self,
        q: Question,
        s: Sentence,
        fig: Figure,
        backbone: frozenset[str] | set[str] = frozenset(),
        together: list[set[str]] | None = None,
        context: _ArticleContext | None = None,
    ) -> bool:
        """Another arm's figure: the figure's own arm names drugs and shares none with the
        question, or each names a drug the other does not ("nivo + chemo" against "nivolumab
        plus ipilimumab"), or the question asks for a drug alone and the arm adds another. An
        arm named by its experimental drug only ("the pembrolizumab arm") answers for its
        combination."""
        drugs = _article_drugs(s.article)
        arm = self._lettered_arm_given(self._arm_said(s, fig, drugs), s, context)
        asked_text = _arm_asked_text(q.text)
        asked = _drugs_named(asked_text, drugs, self.vocab, _brands(s.article))
        own = _drugs_named(arm, drugs, self.vocab, _brands(s.article)) if arm else set()
        if q.target:  # ("what share got paclitaxel as their chemo" counts the drug given)
            asked, own = self._chemotherapy_alike(asked, own, s.article.meta.get("aliases"))
        asks_control = _asks_control(q, asked_text, self.vocab)
        # "the sorafenib arm": the drug the article's arms are compared with is its control
        compared, compared_with = self._sides(s, context) if context else (set(), set())
        drugs_asked = asked - self.vocab.class_names
        if (
            decided := self._control_asked(s, asked_text, drugs_asked, own, backbone, context, arm)
        ) is not None:
            return decided
        alone_own = self._experimental_alone(s, context, asked_text, drugs_asked, compared)
        control = (asks_control and not alone_own) or bool(
            drugs_asked and drugs_asked <= compared_with
        )
        side_known = control or bool(drugs_asked and drugs_asked <= compared)
        if (
            not own
            and asked
            and self._pair_of_other_arm(s, fig, asked - backbone, control, side_known)
        ):
            return True  # "13% versus 7%": the experimental arm's value first, the control's next
        # a figure that names no arm (nor the comparator: "48.6% in the standard-therapy arm")
        # is its section's ("## X alone"), unless the section names a comparison
        if not own and s.section and not _VERSUS.search(s.section):
            arm = arm if arm and self.vocab.names_comparator(arm) else s.section
            own = _drugs_named(arm, drugs, self.vocab, _brands(s.article))
        elif not own and s.section and asked:
            # "## Versus nivolumab monotherapy": its figures are of the arms it compares, not of
            # an arm it does not name ("the chemo arm")
            compared = _drugs_named(s.section, drugs, self.vocab, _brands(s.article))
            if compared and not asked & compared:
                return True
        if (
            not own
            and arm
            and not control
            and self._comparators_word(s, arm, asked, backbone, context)
        ):
            return True  # "cilta-cel" asked: "48.6% in the standard-therapy arm"
        if not asked or not own:
            return False
        own_control = any(t.key == CONTROL_ARM for t in self.vocab.terms(arm))
        if asked == backbone and own_control and own == {self.vocab.drug_classes["chemo"]}:
            return False  # "GC alone" asked: "with chemotherapy alone" is the control arm too
        if together is not None and self._never_together(asked_text, s, together):
            return True  # "nivo plus chemo" asked of a trial that never gives them together
        if not asked & own or (asked - own and own - asked):
            return True
        if own and (asked - own) - self.vocab.class_names - backbone:
            return True  # "relatlimab + nivolumab" asked, "patients receiving nivolumab" said
        if len(asked) > 1 and own_control and not asks_control:
            return True  # a combination asked, "atezolizumab alone" reported
        if asked == {"placebo"} and "placebo" in own:
            return False  # "the placebo arm": placebo with whatever both arms were given
        alone = asks_control and len(asked) == 1
        if alone and own - asked - backbone:
            return True
        # "the doublet (ADT+docetaxel)": a whole regimen asked; an arm that adds a drug to it
        # ("darolutamide + ADT + docetaxel") is another arm
        regimen = len(asked) > 1 and _REGIMEN.search(asked_text)
        return bool(regimen and own - asked - self.vocab.class_names - backbone)

    def _respective_arm(self, text: str, fig: Figure) -> str:
        """The arm a value of a "respectively" list takes by its place: "12.9, 11.8 and 11.3
        months with cediranib-olaparib, cediranib alone and chemotherapy, respectively" gives
        11.8 "cediranib alone"; empty when the list's items do not match its values."""
        end = re.search(r",?\s*respectively\b", text[fig.end :])
        if end is None:
            return ""
        run = self._run_of(text, fig)
        if len(run) < 2 or all(f.start != fig.start for f in run):
            return ""
        # the list's values, back from its last one ("12.9, 11.8 and 11.3 months")
        starts, at = [run[-1].start], run[-1].start
        while before := _LISTED_VALUE.search(text[:at]):
            starts.insert(0, before.start(1))
            at = before.start(1)
        tail = text[run[-1].end : fig.end + end.start()]
        tail = _RESPECTIVE_LEAD.sub("", tail)
        items = [i.strip() for i in _LIST_SPLIT.split(tail.strip(" ,")) if i.strip()]
        if fig.start not in starts or len(items) != len(starts):
            return ""
        if any(len(i.split()) > 5 or re.search(r"\d\s*%", i) for i in items):
            return ""  # (not "the 24-month rates 24%": values, no arms)
        return items[starts.index(fig.start)]

    def _lettered_arm_given(self, arm: str, s: Sentence, context: _ArticleContext | None) -> str:
        """An arm said by its letter alone ("in Arm B") with what the article says that arm was
        given ("Arm B (n = 119) received tislelizumab plus nab-paclitaxel and carboplatin"),
        so that the drugs asked can be matched with it."""
        letters = arm_letters(arm)
        if context is None or len(letters) != 1:
            return arm
        if _drugs_named(arm, _article_drugs(s.article), self.vocab):
            return arm
        article = s.article.id
        if article not in context.lettered:
            text = context.text.get(article, "")
            given = {m.group("l").upper(): m.group("g") for m in _ARM_GIVEN.finditer(text)}
            given |= {m.group("l").upper(): m.group("g") for m in _GIVEN_ARM.finditer(text)}
            context.lettered[article] = given
        (letter,) = letters
        given_to = context.lettered[article].get(letter.upper())
        return f"{arm} ({given_to})" if given_to else arm

    def _arm_said(self, s: Sentence, fig: Figure, drugs: list[str]) -> str:
        """The words that say whose a figure is: a "respectively" list's item at its place,
        else its own (a row's label, the phrase after it), else a "With X," opening, else the
        order of a comparison the sentence opens with."""
        respective = "" if is_table_row(s.text) else self._respective_arm(s.text, fig)
        if respective:
            return respective
        arm = _arm_words(s, fig) or _arm_after_count(s.text, fig)
        arm = arm or self._drug_right_after(s, fig, drugs)
        arm = arm or ("" if is_table_row(s.text) else _label_arm(fig))
        if is_table_row(s.text) and not _drugs_named(arm, drugs, self.vocab, _brands(s.article)):
            arm = f"{fig.scope} {fig.label}"  # the table names its arms in the other header
        lead = LEAD_CLAUSE.match(s.text)
        if (
            not arm
            and lead
            and lead.end() <= fig.start
            and fig.endpoint not in STATISTICS
            and (
                re.match(r"(?:With|On)\s", lead.group("clause"))
                or _IN_THE_ARM.fullmatch(lead.group("clause"))
            )
        ):
            # "With lenvatinib plus everolimus, median PFS was 14.7 months"; "In the 60 Gy
            # plus nivolumab arm, 2-year PFS was 90.5%"
            arm = lead.group("clause")
        if not arm and fig.endpoint in STATISTICS and not is_table_row(s.text):
            # "Lazertinib versus osimertinib gave an HR of 0.98": the side compared first
            opening = _OPENING_COMPARISON.match(s.text)
            arm = opening.group("first") if opening and opening.end() <= fig.start else ""
        if arm and fig.endpoint in STATISTICS:
            # "the hazard ratio for death versus sorafenib": the comparator is no arm of its own
            arm = _VERSUS.split(arm)[0]
            if self._compares_arms_before(s, fig, arm, drugs):
                arm = ""
        if not arm and fig.endpoint not in STATISTICS and not is_table_row(s.text):
            arm = self._compared_in_order(s, fig)
        return arm

    def _compares_arms_before(self, s: Sentence, fig: Figure, arm: str, drugs: list[str]) -> bool:
        """A ratio in the bracket after the arms' values ("59.5 months in the atezolizumab arm
        and 52.7 months in the placebo arm (HR, 0.94)") compares them: it is not the last arm's,
        whose words end right before the bracket."""
        before = s.text[: fig.start]
        opened = before.rfind("(")
        if opened < 0 or before.count("(") <= before.count(")"):
            return False
        brands = _brands(s.article)
        own = _drugs_named(arm, drugs, self.vocab, brands)
        named = _drugs_named(s.text[:opened], drugs, self.vocab, brands)
        return bool(own) and bool(named - own - self.vocab.class_names)

    def _drug_right_after(self, s: Sentence, fig: Figure, drugs: list[str]) -> str:
        """A drug's name right after a value, with no word between, is its arm: "11.2%
        capecitabine vs 11.8% fluorouracil" (not "12.1% no oxaliplatin"), unless the value is a
        dose ("85 mg/m2 oxaliplatin" is the drug's dose, not an arm's)."""
        if is_table_row(s.text) or fig.unit == "dose":
            return ""
        phrase = _scope_to_end(fig).strip()
        first = phrase.split()[0] if phrase else ""
        if len(phrase.split()) > 4 or not first:
            return ""
        named = _drugs_named(first, drugs, self.vocab, _brands(s.article))
        return phrase if named - self.vocab.class_names else ""

    def _experimental(self, s: Sentence, context: _ArticleContext | None) -> set[str]:
        """The drugs an article names only before "versus": its experimental arm's."""
        if context is None:
            return set()
        before, after = self._compared(s, context)
        return before - after - self.vocab.class_names

    def _experimental_alone(
        self,
        s: Sentence,
        context: _ArticleContext | None,
        asked_text: str,
        drugs_asked: set[str],
        compared: set[str],
    ) -> bool:
        """ "X alone" (or "X mono") asked of an article that compares X with something, never
        anything with X (no X after "versus"): X's own arm, not the control arm ("durvalumab
        alone" in a trial of durvalumab, or durvalumab plus tremelimumab, versus standard of
        care; not "nivolumab alone" of "nivolumab plus relatlimab versus nivolumab")."""
        text = context.text.get(s.article.id, "") if context else ""
        return bool(
            drugs_asked
            and drugs_asked <= compared
            and not any(_alone_after_versus(d).search(text) for d in drugs_asked)
            and _ALONE_OR_MONO.search(asked_text)
            and not _CONTROL_WORD.search(asked_text)
        )

    def _control_asked(
        self,
        s: Sentence,
        asked_text: str,
        drugs_asked: set[str],
        own: set[str],
        backbone: frozenset[str] | set[str],
        context: _ArticleContext | None,
        arm: str,
    ) -> bool | None:
        """Whether a figure whose arm names drugs is another arm's when the question asks for
        the control arm by its word ("ctrl arm", "control arm"), or None to leave it to the other
        rules: asked of a trial named by its experimental drug ("tori-GP trial: mDOR in ctrl
        arm"), the experimental arm's figure is another's; so is an arm adding a drug to the
        control's asked ("D-Rd" for "the Rd control arm"); asked by its word alone ("the control
        arm of REACH3"), an arm of the drug the article compares is another's."""
        if not own or not self.vocab.names_comparator(asked_text):
            return None
        experimental = self._experimental(s, context)
        if not drugs_asked:
            # (not a cell of both arms, "pembro vs SOC (mo): 51.8 vs 30.4", nor one that names
            # the comparator too)
            both = _VERSUS.search(arm) or self.vocab.names_comparator(arm)
            return True if own & experimental and not both else None
        if drugs_asked <= experimental:
            return bool(own & experimental)
        if own - drugs_asked - set(backbone) - self.vocab.class_names:
            return True
        return None

    def _comparators_word(
        self,
        s: Sentence,
        arm: str,
        asked: set[str],
        backbone: frozenset[str] | set[str],
        context: _ArticleContext | None,
    ) -> bool:
        """The figure's arm is named by a word for the comparator ("the standard-therapy arm")
        and a drug asked is no drug the article compares with ("control group" said, octreotide
        asked of a trial giving it in both arms: either)."""
        drugs_asked = asked - self.vocab.class_names
        if not drugs_asked or not self.vocab.names_comparator(arm):
            return False
        after = self._compared(s, context)[1] if context else set()
        return not self._compared_with_side(drugs_asked - backbone or drugs_asked, after)

    def _compared_with_side(self, drugs: set[str], after: set[str]) -> bool:
        """The drugs asked are (among) those an article compares with ("versus 31.5 months with
        ibrutinib alone"; cytotoxic drugs, when it compares with "chemotherapy"): the control
        arm may be theirs."""
        if drugs & after:
            return True
        chemo = self.vocab.drug_classes.get("chemo", "chemotherapy")
        return bool(drugs) and chemo in after and all(self.vocab.is_chemotherapy(d) for d in drugs)

    def _chemotherapy_alike(
        self, asked: set[str], own: set[str], aliases: dict[str, str] | None = None
    ) -> tuple[set[str], set[str]]:
        """Cytotoxic drugs on one side ("pembro + carbo/pac") and "chemotherapy" on the other
        ("Pembrolizumab + chemo"): the same arm, both said as the class. A drug the article
        abbreviates is cytotoxic when its long form names one ("PLD": pegylated liposomal
        doxorubicin)."""
        chemo = self.vocab.drug_classes.get("chemo", "chemotherapy")
        spelt = {str(k).casefold(): str(v) for k, v in (aliases or {}).items()}

        def cytotoxic(drug: str) -> bool:
            long = re.findall(r"[a-z]+", spelt.get(drug, "").casefold())
            return self.vocab.is_chemotherapy(drug) or any(
                self.vocab.is_chemotherapy(w) for w in long
            )

        def as_class(drugs: set[str], other: set[str]) -> set[str]:
            agents = {d for d in drugs if cytotoxic(d)}
            if agents and chemo in other and not agents & other:
                return (drugs - agents) | {chemo}
            return drugs

        return as_class(asked, own), as_class(own, asked)

    def _never_together(self, asked_text: str, s: Sentence, together: list[set[str]]) -> bool:
        """The question names drugs together as one arm ("nivo plus chemo") that the article
        never gives together."""
        drugs = _article_drugs(s.article)
        aliases = s.article.meta.get("aliases")
        chemo = self.vocab.drug_classes.get("chemo", "chemotherapy")
        for piece in _ASKED_PIECES.split(asked_text):
            joined = _drugs_named(piece, drugs, self.vocab, _brands(s.article))
            if self._chemotherapy_alike(joined, {chemo}, aliases)[0] == {chemo}:
                continue  # "chemo (pacli/PLD/topo)": the cytotoxic drugs a chemo arm chose from
            if len(joined) > 1 and not any(
                joined <= t or self._chemotherapy_alike(joined, t)[0] <= t for t in together
            ):
                return True
        return False

    def _pair_of_other_arm(
        self,
        s: Sentence,
        fig: Figure,
        asked: set[str],
        asks_control: bool,
        side_known: bool = False,
    ) -> bool:
        """One of two values a sentence compares without naming any arm ("Discontinuation ...
        occurred in 13% versus 7% of patients", "59% and 44%, respectively"): as trials are
        reported, the first is the experimental arm's and the second the control arm's, so the
        other one is another arm's than the one asked."""
        run = _own_pair(s.text, self._run_of(s.text, fig), fig)
        if len(run) != 2 or fig.endpoint in STATISTICS or is_table_row(s.text):
            return False
        between = s.text[run[0].end : run[1].start]
        # other pairs of values of the endpoint ("76% versus 64% at 12 months, and at 24 months
        # 60% versus 44%") compare the same two arms at other time points; they name no arm. So
        # do other endpoints' ("6.8 vs 4.3 months, and the 6-month rate was 54.5% vs 37.2%") when
        # the article says which side of its comparisons the asked arm is on
        text = s.text
        figures = extract_figures(text, self.vocab)
        for m in _PAIR_OF_VALUES.finditer(text):
            inside = [f for f in figures if m.start() <= f.start < m.end()]
            apart = m.end() <= run[0].start or m.start() >= run[1].end
            same = all(f.endpoint == fig.endpoint and f.unit == fig.unit for f in inside)
            if apart and len(inside) == 2 and (same or side_known):
                text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
        rest = text[: run[0].start] + " " + text[run[1].end :]
        compared = bool(_VERSUS.search(between)) and not _VERSUS.search(rest)
        listed = (
            re.fullmatch(r"[\s%]*(?:percent\s+)?and\s+", between) is not None
            and "respectively" in rest
            and not re.search(r"\band\b", rest)
        )
        drugs = _article_drugs(s.article)
        # (an aside in brackets names no arm of these values: "(median follow-up 60 months in
        # the combination arm and 58 months in the placebo arm), the 5-year RFS rate was ...")
        said = re.sub(r"\([^()]*\)", " ", s.text)
        if not (compared or listed) or _drugs_named(said, drugs, self.vocab, _brands(s.article)):
            return False  # another comparison, or the sentence names its arms
        if any(t.qualifier == "arm" for t in self.vocab.terms(said)):
            return False
        experimental = bool(asked - self.vocab.class_names) and not asks_control
        first = run[0].start == fig.start
        return (first and asks_control) or (not first and experimental)

    def _compared_in_order(self, s: Sentence, fig: Figure) -> str:
        """The arm of one of two values listed without their arms, after a sentence opening that
        compares two arms ("Drug A ... benefit over drug B, with a median PFS of 10.1 months
        versus 4.6 months"): the first value is the first arm's, the second the other's."""
        run = self._run_of(s.text, fig)
        if len(run) != 2:
            return ""
        opening = s.text[: run[0].start]
        moved = _FROM_TO.match(s.text, run[0].start)
        if moved and moved.end() == run[1].start and re.search(r"\bfrom\s+$", opening):
            # "A plus B improved median OS from 8.1 months to 11.7 months compared with A
            # alone": the first value is the comparator's, the second the subject's
            against = _AGAINST_AFTER.match(s.text, run[1].end)
            if against:
                return against.group("arm") if run[0].start == fig.start else opening
        split = _VERSUS.search(opening)
        if split is None:
            return ""
        first, second = opening[: split.start()], opening[split.end() :]
        drugs = _article_drugs(s.article)
        named = [_drugs_named(p, drugs, self.vocab, _brands(s.article)) for p in (first, second)]
        if not all(named) or named[0] == named[1]:
            return ""
        return first if run[0].start == fig.start else second

    def _section_part(self, s: Sentence, fig: Figure, context: _ArticleContext) -> set[str]:
        """The part of the population a figure's section is about ("## dMMR/MSI-H population"),
        when its sentence names none and the article also reports on everyone or on another
        part; else empty."""
        if not s.section or population_phrase(s.text, fig) is not None or says_overall(s.text, fig):
            return set()
        if any(names_trial(s.section, str(t)) for t in s.article.meta.get("trials", [])):
            return set()  # "## NATALEE: ... for a broad HR+ population": the trial's patients
        if _same_heading(s.section, s.article.title):
            return set()  # the headline ("... in first-line advanced oesophageal cancer") says
            # whom the whole trial enrolled
        part = {
            t.key
            for t in self.vocab.terms(s.section)
            if t.qualifier in ("setting", "subgroup") and t.key not in self.vocab.treatment_phases
        }
        part |= {score_cut_key(m) for m in SCORE_CUT.finditer(s.section)}
        if not part:
            return set()
        said = self._named(s.article.id, context)
        others = OVERALL in said or any(self.vocab.conflicting(k, o) for k in part for o in said)
        return part if others else set()

    def _label_part(self, s: Sentence) -> set[str]:
        """The words of the part of the population a table row's label names after its
        endpoint ("Median OS, sorafenib as only prior therapy"); none for everyone's row
        ("Median OS, overall") or for a unit, a method or an analysis ("Median PFS, months",
        "PFS, BICR")."""
        if not is_table_row(s.text):
            return set()
        pieces = row_cells(s.text)[0].split(",")
        part = pieces[-1].strip() if len(pieces) > 1 else ""
        terms = self.vocab.terms(pieces[-2]) if len(pieces) > 1 else []
        if not part or not any(t.kind == "endpoint" for t in terms) or is_overall(part):
            return set()
        said = self.vocab.terms(part)
        # (nor for a grade: "Drug-related ILD, any grade")
        if any(t.kind == "endpoint" or t.qualifier == "method" or t.key in _GRADES for t in said):
            return set()
        if self.vocab.analyses_named(part) or _UNIT_LABEL.search(part):
            return set()
        return self._part_words(re.sub(r"\((?:%|months?|mo|n)\)", " ", part))  # "... (mo)"

    def _prefixed_part(self, s: Sentence, context: _ArticleContext) -> set[str]:
        """The words of the part of the population a table row's label names before its
        endpoint ("t(11;14): median PFS") when the article also has a row of that endpoint
        with nothing before it ("Median PFS (IRC) | ..."), everyone's; else empty."""
        if not is_table_row(s.text):
            return set()
        prefix, sep, rest = row_cells(s.text)[0].rpartition(": ")
        asked = {t.key for t in self.vocab.terms(rest) if t.kind == "endpoint"}
        if not sep or not asked or is_overall(prefix):
            return set()
        if any(t.kind == "endpoint" for t in self.vocab.terms(prefix)):
            return set()
        for line in context.text.get(s.article.id, "").split("\n"):
            label = row_cells(line)[0] if is_table_row(line) else ": "
            if ": " not in label and asked & {t.key for t in self.vocab.terms(label)}:
                return self._part_words(prefix)
        return set()

    def _row_parts(self, s: Sentence, context: _ArticleContext) -> list[set[str]]:
        """The words of each part of a table row's label ("HRd, BRCA-mutated": two) when it
        names a part of the population ("HRR mutated | rPFS HR (95% CI): 0.50") in a table
        that also has a row of everyone ("All patients (n=796) | rPFS HR (95% CI): 0.66", the
        same cells); else empty."""
        if not is_table_row(s.text):
            return []
        # (a caption before the label says what the table measures: "Median PFS by subgroup:
        # TP53 mutant" is a row of a part)
        captioned, cells = row_cells(s.text)
        label = own_label(captioned)
        if is_overall(label) or any(t.kind == "endpoint" for t in self.vocab.terms(label)):
            return []
        drugs = _article_drugs(s.article)
        if _drugs_named(label, drugs, self.vocab, _brands(s.article)):
            return []  # a row of an arm
        if tuple(h for h, _, _ in cells) not in self._overall_rows(s.article.id, context):
            return []
        # "HRd, BRCA-mutated": two parts; "HRR mutated (HRRm)", "HRD (primary, first tested)":
        # one, the bracket another name or a note of it
        bracketed = self._part_words(" ".join(re.findall(r"\(([^)]*)\)", label)))
        pieces = re.sub(r"\([^)]*\)", " ", label).split(",")
        return [self._part_words(p) | bracketed for p in pieces if self._part_words(p)]

    def _overall_rows(self, article: str, context: _ArticleContext) -> set[tuple[str, ...]]:
        """The cell headers of the article's table rows of everyone ("All patients | ..."),
        found once per question."""
        if article not in context.overall_rows:
            rows = (row_cells(line) for line in context.text.get(article, "").split("\n"))
            context.overall_rows[article] = {
                tuple(h for h, _, _ in cells)
                for label, cells in rows
                if is_overall(own_label(label))
            }
        return context.overall_rows[article]

    def _part_words(self, text: str) -> set[str]:
        """The words of a part of the population a label names, and their vocabulary keys
        ("Oesophageal primary" is asked "esophageal"; "HRR-deficient": hrr, deficient)."""
        text = us_spelling(text)
        words = set(self.vocab.content_words(re.sub(r"[-‐‑–/()]", " ", text)))
        words |= {t.key for t in self.vocab.terms(text) if t.qualifier not in ("arm", "")}
        words |= {m.group(0).casefold() for m in KARYOTYPE.finditer(text)}  # "t(11;14)" whole
        return {w for w in words if not w.isdigit() and w not in _GENERIC_POPULATION}

    def _named(self, article: str, context: _ArticleContext) -> set[str]:
        """The vocabulary terms an article's retrieved text names, once per question."""
        if article not in context.named:
            # the title's and each sentence's terms: sentences repeat across questions, so
            # their terms are remembered, where the whole text's would be found anew
            lines = context.text.get(article, "").split("\n")
            context.named[article] = {t.key for line in lines for t in self.vocab.terms(line)}
        return context.named[article]

    def _analysis_said(self, s: Sentence, context: _ArticleContext) -> set[str]:
        """The analysis a sentence reports: named by it, else by its section's heading, the
        sentences just before it or its article's headline ("Final KEYNOTE-826 Analysis")."""
        before = context.before.get((s.article.id, s.start), [])
        for text in (s.text, s.section, *before, s.article.title):
            said = self.vocab.analyses_named(text)
            if said:
                return said
        return set()

    def _mainly_about(self, asked: frozenset[str], article: str, context: _ArticleContext) -> bool:
        """Whether the sentences of an article that name no analysis may be of the one asked:
        the article names no other, or names the one asked most often (its own analysis; an
        earlier or later one is mentioned beside it, or as often)."""
        mentions = self._analyses(article, context)
        others = {
            b: n for b, n in mentions.items() if any(self.vocab.conflicting(a, b) for a in asked)
        }
        if not others:
            return True
        return max(mentions.get(a, 0) for a in asked) >= max(others.values())

    def _analyses(self, article: str, context: _ArticleContext) -> dict[str, int]:
        """How often an article's retrieved text names each analysis, once per question that
        needs them."""
        if article not in context.analyses:
            text = context.text.get(article, "")
            context.analyses[article] = self.vocab.analysis_mentions(text)
        return context.analyses[article]

    def _part_asked(self, q: Question, s: Sentence, context: _ArticleContext) -> bool:
        """The question asks about a part of the trial's population: one it names by its words
        ("HBV pts", "CPS >=5"), a subgroup ("brain mets"), or a setting the article reports this
        endpoint for apart ("dMMR")."""
        if q.population:
            return True
        said = context.settings.get(s.article.id, set())
        named = self._named(s.article.id, context)
        return any(
            (kind == "subgroup" and key not in (SEVERE, "any grade"))
            or (kind == "setting" and key in said and not self._titles_setting(key, s, said))
            # a setting the article names apart ("the second-line cohort"): its figure is not
            # the one said of everyone
            or (
                kind == "setting"
                and key in named
                and key not in self.vocab.treatment_phases
                and not self._titles_setting(key, s, said)
            )
            for key, kind in q.qualifiers
        )

    def _titles_setting(self, key: str, s: Sentence, said: set[str]) -> bool:
        """A setting the article's headline names ("T-DXd Beats Ramucirumab-Paclitaxel in
        Second-Line HER2+ Gastric Cancer") is the whole trial's, when the article reports no
        conflicting setting ("third line") apart."""
        if key not in self.vocab.lines_of_therapy:
            return False  # ("dMMR" in a headline may be the part it is about)
        title = s.article.title
        lines = [t for t in self.vocab.terms(title) if t.key in self.vocab.lines_of_therapy]
        histories = [
            m.start()
            for w in self.vocab.history_words
            for m in re.finditer(rf"\b{re.escape(w)}\b", title, re.I)
            if not any(t.start <= m.start() < t.end for t in lines)
        ]
        if [t.key for t in lines] != [key] or histories:
            return False  # "in Treatment-Naive and Platinum-Pretreated ...": two cohorts
        return not any(self.vocab.conflicting(key, o) for o in said)

    def _says_overall(self, s: Sentence, fig: Figure) -> bool:
        """The figure is said of the whole trial: by its own words or table row, or, when its
        sentence names no part of the population, by its section ("Intention-to-treat
        population")."""
        if says_overall(s.text, fig):
            return True
        if s.section and population_phrase(s.text, fig) is None:
            return any(t.key == OVERALL for t in self.vocab.terms(s.section))
        return False

    def _said_before(self, key: str, before: list[str]) -> bool:
        """The nearest sentence before that names a setting names ``key`` (and no conflicting
        one): the paragraph is about that population."""
        for text in before:
            said = {t.key for t in self.vocab.terms(text) if t.qualifier == "setting"}
            if said:
                return key in said and not any(self.vocab.conflicting(key, o) for o in said)
        return False

    def _one_event(self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext) -> bool:
        """Every adverse event counted (TRAEs, AEs), no event named: a figure that the words
        right before it name by one event ("included nausea (43.1%)", a row "Neutropenia") is
        that event's rate."""
        if q.target not in self.vocab.context_endpoints or any(
            self.vocab.is_event(g) for g in q.groups
        ):
            return False
        # the list item ("included nausea (43.1%)") or the clause's subject ("but grade 3 or
        # higher ocular events were only 3.2%")
        for clause in (_ITEM_CUT.split(fig.label)[-1], _CLAUSE_CUT.split(fig.label)[-1]):
            if any(self.vocab.is_event(t.key) for t in self.vocab.terms(clause)):
                return True
        # a grade's rate in brackets after another value is that value's event's: "Hypertension
        # ... in 67.8% of patients (grade 3 or higher in 41.8%)"
        opened = s.text.rfind("(", 0, fig.start)
        inside = s.text[opened : fig.start] if opened >= 0 else ""
        if inside and ")" not in inside and re.search(GRADE_LEAD, inside, re.I):
            named = [t for t in self.vocab.terms(s.text[:opened]) if t.kind == "group"]
            return bool(named) and self.vocab.is_event(named[-1].key)
        return False

    def _asked_as_part(self, q: Question, key: str, s: Sentence) -> bool:
        """A setting named as the patients asked about ("mOS in MSI-H pts", "HR in ESR1-mutant
        patients"): a part of the trial, which the figure must say, unless the article's
        headline says the whole trial is about it ("... in HR+/HER2- Breast Cancer")."""
        return key in q.patient_settings and not any(
            t.key == key for t in self.vocab.terms(s.article.title)
        )

    def _other_part_in_brackets(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """A value in brackets right after a group ("patients refractory to lenalidomide (HR
        0.52)") is that group's: when the group does not say the part asked and another
        bracket of the sentence does, the value is not the part's."""
        opened = s.text.rfind("(", 0, fig.start)
        if not q.population or opened < 0 or ")" in s.text[opened : fig.start]:
            return False
        groups = [
            (m.start(), m.end(), m.group(0))
            for m in _BRACKETED_GROUP.finditer(s.text)
            # words, then a value in brackets: not "7.1 months (HR 0.5)", not "(H-score <10)"
            if not re.search(r"\d", m.group("words"))
            # (one word after "and"/"or" of a list: "prior tamoxifen only (HR 0.99) or both
            # (HR 1.06)")
            and len(m.group("words").split())
            >= (1 if _JOINED_BEFORE.search(s.text[: m.start()]) else 2)
            and re.search(r"\d", m.group("value"))
        ]
        mine = next((g for a, b, g in groups if a <= opened < b), "")
        if len(groups) < 2 or not mine or says_population(q.population, mine):
            return False
        return any(says_population(q.population, g) for _, _, g in groups if g != mine)

    def _other_code_after(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """A stage or mutation asked ("stage IIIA", "L858R"), and the words right after the
        figure give it another of the same kind ("... and 0.92 in stage IB-II")."""
        after = re.split(r"[;,]|\band\b|\bvs\.?\b|\bversus\b", fig.scope)[0]
        words = re.findall(r"[\w*]+(?:-[\w*]+)*", after)
        for code in q.codes:
            shape = code_shape(code)
            if shape is None or _has_word(after, code):
                continue
            if any(code_shape(w) == shape for w in words):
                return True
        return False

    def _other_causality(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """Adverse events of any cause asked, and the figure counts those related to treatment
        ("Treatment-related grade 3 or higher adverse events occurred in 61%"), or the other
        way round."""
        clause = re.split(r"[;.]\s", s.text[: fig.start])[-1]
        own = {t.key for t in self.vocab.terms(f"{fig.head} {fig.label} {clause}")}
        related = "treatment-related" in own or fig.endpoint == "TRAE"
        any_cause = "any cause" in own
        if "any cause" in q.groups and "TRAE" not in q.endpoints:
            return related and not any_cause
        if "TRAE" in q.endpoints:
            return any_cause and not related
        return False

    def _subgroup_row_unasked(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """A row of a table of subgroups (its section says so) is that subgroup's: it answers
        only a question that names the row's own words, those the headline does not give the
        whole trial ("FLT3-ITD VAF 3%-25%" in a FLT3-ITD trial is asked by "VAF"). So is a
        row whose own label names a part and its endpoint ("High-risk subset, 5-year DFS")."""
        if not is_table_row(s.text):
            return False
        label, _ = row_cells(s.text)
        if not _SUBGROUP_WORD.search(s.section):
            label = own_label(label)  # (after a caption: "SOFT: results by arm: ...")
            if not _PART_IN_LABEL.search(label) or is_overall(label):
                return False
            label = self._part_of_label(label)

        def parts(text: str) -> set[str]:  # "FLT3-ITD–positive": flt3, itd, positive
            words = self.vocab.content_words(re.sub(r"[-‐‑–/]", " ", text))
            return set(words) | set(re.findall(r"\d\d+", text))  # "Age <60" (not "4L+"'s 4)

        own = parts(label) - parts(s.article.title)
        if not own:
            return False
        # "(primary analysis)" asked names which analysis, not the "Primary refractory" row
        asked = parts(self.vocab.without_analyses(q.text))
        if own & asked or any(w.startswith(a) for w in own for a in asked if len(a) >= 4):
            return False  # ("adeno pts" asks the adenocarcinoma row)
        # ... or by the vocabulary's name for it: "1L" for "First line", "HCV" for "Hepatitis C"
        named = {key for key, _ in q.qualifiers} | set(q.groups)
        return not any(t.key in named for t in self.vocab.terms(label))

    def _part_of_label(self, label: str) -> str:
        """A row label's words of its part, without its endpoint, time point and the word that
        says it is a part ("High-risk subset, 5-year DFS": "High-risk")."""
        spans = [(t.start, t.end) for t in self.vocab.terms(label) if t.kind == "endpoint"]
        spans += [m.span() for m in _TIME_POINT.finditer(label)]
        spans += [m.span() for m in _PART_IN_LABEL.finditer(label)]
        return blank_spans(label, spans)

    def _endpoint_of_a_part(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """The figure's endpoint is named with a part of the body or the population joined to
        it ("CNS-PFS", "intracranial ORR"): another endpoint than the one asked without it."""
        words = fig.head or fig.label
        terms = self.vocab.terms(words)
        own = [t for t in terms if t.kind == "endpoint" and t.key == fig.endpoint]
        if not own:
            return False
        asked = {key for key, _ in q.qualifiers} | set(q.groups)
        before = re.search(r"([A-Za-z][\w/]*)[-\s]$", words[: own[-1].start])
        if before is None or re.search(rf"(?<!\w){re.escape(before.group(1))}(?!\w)", q.text, re.I):
            return False  # ("median CNS-PFS?" asks it)
        return any(
            t.qualifier == "subgroup" and t.key not in asked
            for t in self.vocab.terms(before.group(1))
        )

    def _other_event(self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext) -> bool:
        """An adverse event asked ("grade >=3 neutropenia"): a figure whose own list item names
        only other events ("..., leukopenia (9%)", "and fatigue (34%)") is theirs, and one whose
        sentence names no event asked counts every event ("TEAEs of any grade in 98.8%")."""
        asked = {g for g in q.groups if self.vocab.is_event(g)}
        if not asked:
            return False
        if not asked & {t.key for t in self.vocab.terms(f"{s.section}. {s.text}")}:
            return True
        clause = _ITEM_CUT.split(fig.label)[-1]
        named = {t.key for t in self.vocab.terms(clause) if self.vocab.is_event(t.key)}
        return bool(named) and not named & asked

    def _arms_unsaid(self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext) -> bool:
        """One arm asked, and the figure is one of values listed for arms named together ("40%
        and 37% of patients in the two acalabrutinib arms"): which value is whose is not said.
        (One value "in both arms" is each arm's.)"""
        if not any(kind == "arm" for _, kind in q.qualifiers):
            return False
        if not is_table_row(s.text) and any(
            m.start() <= fig.start < m.end() for m in _SLASH_LIST.finditer(s.text)
        ):
            return True  # "Postoperative complications (three-arm): 50% / 38% / 39%": whose?
        clause = re.split(r"[;.]\s|\bversus\b|\bvs\.?\s|\bcompared with\b", s.text[fig.end :])[0]
        return bool(_ARMS_TOGETHER.search(clause)) and len(self._run_of(s.text, fig)) > 1

    def _grade_unasked(self, q: Question, fig: Figure, sentence: str = "") -> bool:
        """The figure's own words name a severe grade ("grade 3 or 4", "G3+") and the question
        asks for none (or for any grade). A listed value's words are its list's ("grade 3 or
        higher in 11% vs 2%")."""
        if fig.unit == "count":
            return False  # (a head count is no event rate: "733 patients with high-grade ...")
        scope = _own_scope(fig, sentence)
        if sentence and _GRADE_RATE_AFTER.match(sentence, fig.end):
            scope = ""  # "27% (grade 3 or higher, 7.9%)": the brackets give that grade's rate
        clause = re.split(r"[,;(]", sentence[: fig.start])[-1] if sentence else ""
        severe = any(key == SEVERE for key, _ in q.qualifiers)
        if (severe or ANY_GRADE in q.groups) and _low_grade_last(clause):
            return True  # "grade 1 in 43.9% and grade 2 in 13.8%": neither any grade nor G3+
        if severe:
            # "grade >=3 TRAEs": "any-grade TRAEs in 89.8%" is every grade's rate (the words
            # after it may already be the next value's: "... and grade 3 or higher in 36.5%")
            before = {t.key for t in self.vocab.terms(f"{fig.label} | {clause}")}
            return ANY_GRADE in before and SEVERE not in before
        words = f"{fig.label} | {scope} | {clause}"
        own = {t.key for t in self.vocab.terms(words)}
        # "(grade 3 in 3%)": one grade's rate, when the question names no grade (not "10% of
        # patients (grade 3 in 3%)": the bracket after a value is another value's)
        # (or the row's label: "Grade 5 drug-related ILD | ...: 1.0%")
        one = _ONE_GRADE.search(clause) or (
            _ONE_GRADE.search(fig.label) if is_table_row(sentence) else None
        )
        if ANY_GRADE in q.groups and sentence:
            # "any-grade diarrhea": not a list that the sentence says is of grade 3 or 4 ("The
            # most common grade 3 or 4 AEs were ... diarrhoea (8% vs 1%)")
            said = {t.key for t in self.vocab.terms(sentence[: fig.start])}
            own |= {SEVERE} if SEVERE in said and ANY_GRADE not in said else set()
        if one and q.target == "deaths" and _FATAL_GRADE.match(one.group(0)):
            one = None  # "treatment-related deaths": grade 5 events are deaths
        return SEVERE in own or bool(one and not _GRADE_WORDS.search(q.text))  # a grade asked

    @staticmethod
    def _drug_code_unsaid(q: Question, before: str) -> bool:
        """The question names a drug by its code ("CPX-351", "DS-8201"), not a trial's, and
        the words before a dose do not."""
        trials = {t.casefold() for t in q.trials}
        return any(
            _DRUG_CODE.fullmatch(e) and e.casefold() not in trials and e not in before
            for e in q.entities
        )

    def _other_drugs_dose(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """A dose is the dose of the drug named just before it; asked for another drug's, it
        does not answer."""
        if fig.unit != "dose":
            return False
        drugs = _article_drugs(s.article)
        brands = _brands(s.article)
        asked = _drugs_named(q.text, drugs, self.vocab, brands) - self.vocab.class_names
        # "treme dose in the STRIDE regimen": the drug named, not every drug of the regimen
        asked = (
            _drugs_named(_without_regimens(q.text, brands, self.vocab), drugs, self.vocab)
            - self.vocab.class_names
        ) or asked
        # "prednisone schedule given with abiraterone": the drug named before "with" is asked
        parts = _GIVEN_WITH.split(q.text, maxsplit=1)
        if len(parts) > 1:
            lead = _drugs_named(parts[0], drugs, self.vocab, brands) - self.vocab.class_names
            asked = lead or asked
        before = " ".join(s.text[: fig.start].split()[-4:])
        # the drug nearest the dose: "drug A plus drug B 30 mg" is drug B's dose
        own: set[str] = set()
        of_drug = _DOSE_OF.match(s.text, fig.end)
        if of_drug:  # "the full 960 mg dose of sotorasib"
            own = _drugs_named(of_drug.group(1), drugs, self.vocab, brands) - self.vocab.class_names
        for part in [] if own else reversed(_JOINED.split(before)):
            own = _drugs_named(part, drugs, self.vocab, brands) - self.vocab.class_names
            if own:
                break
        regimens = [str(r) for r in s.article.meta.get("regimens", [])]
        if len(own) > 1 and any(_has_word(before, r) for r in regimens) and not of_drug:
            # "CAPTEM was capecitabine 1,500 mg/m²": the regimen's drug named right before the
            # dose, not every drug of the regimen
            own = self._last_drug(before, drugs, brands) or own
        if not asked and own and self._drug_code_unsaid(q, before):
            return True  # "CPX-351 induction dose": daunorubicin's 60 mg/m2 is not its dose
        if asked and not own:
            # "... and dacarbazine 375 mg/m2": the name right before a dose is whose it is, a
            # drug the article names only there included
            # (or a drug's code: "S-1 40 mg/m2 ... plus oxaliplatin 130 mg/m2")
            word = re.search(r"([A-Za-z][a-z-]{4,}|[A-Z]{1,5}-\d{1,4})\s*$", s.text[: fig.start])
            if (
                word
                and word.group(1).casefold() not in self.vocab.stopwords
                and not word.group(1).casefold().endswith("ly")  # "and finally 400 mg"
                and not _DOSE_WORDS.match(word.group(1))
                and not names_drug(sorted(asked), word.group(1))
                and not _drugs_named(word.group(1), drugs, self.vocab, brands) & asked
            ):
                return True
        if asked and not own:
            # "encorafenib was given orally at 300 mg": the last drug named since the dose
            # before it is whose this dose is
            since = re.split(r"[;:]", DOSE.split(s.text[: fig.start])[-1])[-1]
            own = self._last_drug(since, drugs, brands)
            # (not a dose in brackets: "360 mg with XELOX (... oxaliplatin 130 mg/m²), or 240 mg")
            outer = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), s.text[: fig.start])
            doses = list(DOSE.finditer(outer))
            if not own and doses and _OR_DOSE.search(outer[doses[-1].end() :]):
                # "lenvatinib 12 mg once daily for >=60 kg or 8 mg": the other dose's drug
                own = self._last_drug(outer[: doses[-1].start()], drugs, brands)
        if asked and not own and _THEN.search(s.text[: fig.start]):
            # "nivolumab 240 mg every 2 weeks, followed by 480 mg": the same drug's next dose
            own = self._last_drug(s.text[: fig.start], drugs, brands)
        if asked and not own and not self._last_drug(s.text, drugs, brands):
            # "The dose was reduced to 30 mg once daily for ...": a sentence naming no drug
            # goes on about the drugs the sentence just before it names
            earlier = context.before.get((s.article.id, s.start), []) if context else []
            if earlier:
                own = _drugs_named(earlier[0], drugs, self.vocab, brands) - self.vocab.class_names
        return bool(asked and own and not asked & own)

    def _last_drug(self, text: str, drugs: list[str], brands: dict[str, list[str]]) -> set[str]:
        """The drug (or the drugs of a brand) named last in ``text``; empty for none."""
        for word in reversed(re.findall(r"[A-Za-z][\w-]{3,}", text)):
            own = _drugs_named(word, drugs, self.vocab, brands) - self.vocab.class_names
            if own:
                return own
        return set()

    def _other_comparison(self, q: Question, s: Sentence) -> bool:
        """A statistic asked "vs X": the sentence compares with something else (it names drugs,
        and none of those the question names after "vs")."""
        comparator = self._comparator(q, s)
        if not comparator:
            return False
        drugs = _article_drugs(s.article)
        said = _drugs_named(s.text, drugs, self.vocab, _brands(s.article))
        versus = _VERSUS.search(q.text)
        experimental = re.sub(r"[-/]", " ", q.text[: versus.start()]) if versus else ""
        added = (
            _drugs_named(experimental, drugs, self.vocab, _brands(s.article)) - comparator
            if versus
            else set()
        )
        if said and said <= added and self._adds(s, added):
            return False  # "dara-Rd vs Rd": "the addition of daratumumab" is that comparison
        theirs_at = _THAN.search(s.text)
        if added and theirs_at:
            # "len-eve vs sunitinib" asked: "longer with lenvatinib plus pembrolizumab than with
            # sunitinib" compares another arm with the same comparator
            theirs = _drugs_named(
                s.text[: theirs_at.start()], drugs, self.vocab, _brands(s.article)
            )
            theirs -= comparator
            if theirs and added - theirs and theirs - added:
                return True
        return bool(said and not comparator & said)

    def _comparator(self, q: Question, s: Sentence) -> set[str]:
        """The drugs of the arm a question compares with ("vs chemo", "the chemo comparison"),
        as the figure's article names them."""
        wording = _comparator_words(q.text)
        if not wording:
            return set()
        first = self.vocab.terms(wording)
        opens = first and wording[: first[0].start].strip().casefold() in ("", "the")
        if opens and first[0].kind == "endpoint":
            return set()  # "discontinuation vs dose reduction on zanu": two endpoints compared
        drugs = _article_drugs(s.article)
        return _drugs_named(wording, drugs, self.vocab, _brands(s.article))

    def _adds(self, s: Sentence, drugs: set[str]) -> bool:
        """The sentence says one of ``drugs`` was added to the other arm's treatment ("the
        addition of daratumumab", "adding palbociclib", "atezolizumab added to")."""
        names = _article_drugs(s.article)
        for m in _ADDITION.finditer(s.text):
            said = s.text[m.end() : m.end() + 40] if m.group(1) else s.text[: m.start()][-40:]
            if _drugs_named(said, names, self.vocab, _brands(s.article)) & drugs:
                return True
        return False

    def _same_pair_reversed(
        self,
        q: Question,
        said: str,
        versus: re.Match[str],
        comparator: set[str],
        names: tuple[list[str], dict[str, list[str]]],
    ) -> bool:
        """The question's comparison said the other way round: "ifosfamide vs TC" asked,
        "TC vs high-dose ifosfamide" said."""
        asked_versus = _VERSUS.search(q.text)
        if not asked_versus:
            return False
        drugs, brands = names
        own = _drugs_named(q.text[: asked_versus.start()], drugs, self.vocab, brands)
        before = _drugs_named(said[: versus.start()], drugs, self.vocab, brands)
        their = _drugs_named(said[versus.end() :], drugs, self.vocab, brands)
        return bool(own and own <= their and comparator and comparator <= before)

    def _compared_otherwise(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """A question about one comparison of a trial with several ("nivo+ipi vs chemo", "in
        the chemo comparison"): the figure's sentence, or its section, compares arms it names,
        and none is the comparator."""
        comparator = self._comparator(q, s)
        if not comparator:
            return False
        drugs = _article_drugs(s.article)
        brands = _brands(s.article)
        for said_where in (s.text, s.section):  # "... versus chemotherapy": whom it compares with
            versus = _VERSUS.search(said_where)
            their = (
                _drugs_named(said_where[versus.end() :], drugs, self.vocab, brands)
                if versus
                else set()
            )
            if versus and their:
                # "vs chemo" asked, "compared with the placebo arm" said: in a trial of drug
                # plus chemotherapy against placebo plus chemotherapy, the same control arm
                classes = self.vocab.class_names
                if self._same_pair_reversed(q, said_where, versus, comparator, (drugs, brands)):
                    return False  # "ifos vs TC" asked: "TC vs high-dose ifosfamide" said
                asked_vs = _VERSUS.search(q.text)
                right_after = re.split(r"[|;(]", said_where[versus.end() :])[0]
                named = _drugs_named(right_after, drugs, self.vocab, brands)
                if (
                    asked_vs
                    and _ALONE.search(q.text, asked_vs.end())
                    and named - comparator - classes
                ):
                    return True  # "vs Clb alone" asked: "versus rituximab-chlorambucil" said
                return not comparator & their and not (comparator | their) <= classes
        if is_table_row(s.text):  # one of the row's other arms is the comparator
            arms = [
                _drugs_named(head, drugs, self.vocab, brands) for head, _, _ in row_cells(s.text)[1]
            ]
            if sum(1 for a in arms if a) > 1:
                # "vs chemo alone": the arm of placebo plus chemotherapy
                placebo = self.vocab.drug_classes.get("placebo", "placebo")
                # ("vs pbo": the arm of placebo plus chemotherapy too)
                return not any(
                    a - {placebo} == comparator - {placebo} or comparator == {placebo} <= a
                    for a in arms
                    if a
                )
        where = f"{s.text} | {s.section}"
        compares = bool(_VERSUS.search(where))
        said = _drugs_named(where, drugs, self.vocab, brands)
        versus = _VERSUS.search(q.text)
        own = _drugs_named(q.text[: versus.start()], drugs, self.vocab, brands) if versus else set()
        # "36.9 months on osimertinib compared with 6.5 months": only the asked arm is named,
        # the other is the comparator left unsaid; drugs both arms were given name no other
        others = said - own - self._backbone(s, context)
        return compares and bool(others) and not comparator & said

    def _population_words(self, s: Sentence, fig: Figure) -> set[str]:
        """The words of the part of the population a figure is restricted to (empty when it is
        the whole trial's, or when the phrase only names an arm: "among patients given drug X").
        A back reference ("in that group") gives a word no question has."""
        phrase = population_phrase(s.text, fig)
        if phrase is None:
            return set()
        drugs = [str(d) for d in s.article.meta.get("drugs", [])]
        # "aged 65 or older (51 in the axi-cel arm and 58 in the standard-care arm)": the
        # part's size by arm says no part of its own
        phrase = _ARM_COUNTS.sub(" ", phrase)
        # "in patients assigned to high-dose methotrexate": the arm, who they are said before it
        phrase = _ASSIGNED_TO.split(phrase)[0]
        words = set()
        for w in self.vocab.content_words(phrase):
            if w in _GENERIC_POPULATION or w.replace(".", "").isdigit():
                continue
            if w in _ARM_ONLY or w in self.vocab.treatment_words:
                continue  # "those who received chemotherapy alone": an arm, no part
            if (
                self.vocab.is_drug_name(w)
                or names_drug(drugs, w)
                or names_drug([w], " ".join(drugs))
            ):
                continue
            words.add(w)
        # "In Cohort 1": a numbered part is said whole
        words |= {" ".join(m.group(0).casefold().split()) for m in _NUMBERED_PART.finditer(phrase)}
        # "In patients with t(4;14)": a chromosomal change is said whole
        words |= {m.group(0).casefold() for m in KARYOTYPE.finditer(phrase)}
        words |= {t.key for t in self.vocab.terms(phrase) if t.qualifier not in ("arm", "")}
        words -= {t.key for t in self.vocab.terms(phrase) if t.qualifier == "arm"}
        if not words and re.search(r"\b(?:that|this|these|same|their)\b", phrase, re.I):
            return {_THAT_GROUP}
        return words

    def _gap(self, target: str, fig: Figure) -> int:
        """Content words between the endpoint's name and the value (0 = right next to it)."""
        # a value listed after the one that names it ("53% in A compared with 37%") shares its label
        label = fig.label if any(t.key == target for t in self.vocab.terms(fig.label)) else fig.head
        named = [t for t in self.vocab.terms(label) if t.key == target]
        if not named:
            return 3
        between = label[named[-1].end :]
        return len(tokenize(between, self.vocab.stopwords))

    def _about(self, terms: list[Term], fig: Figure, text: str = "") -> str | None:
        """The endpoint a statistic belongs to: the one its name is for ("the hazard ratio for
        an EFS event -- defined as ..., or death -- was 0.33"), else the nearest before it."""
        before = [
            t
            for t in terms
            if t.kind == "endpoint"
            and t.end <= fig.start
            and t.key not in STATISTICS
            and t.key not in self.vocab.frame_endpoints  # "PFS (IA1, median f/u 17.9 mo) HR"
            and t.key not in ("dose", "schedule")  # "RD (high-dose dex) | ... | P value: 0.026"
        ]
        stats = [t for t in terms if t.key in STATISTICS and t.end <= fig.start]
        if stats and text:
            after = [
                t
                for t in terms
                if t.kind == "endpoint"
                and t.key not in STATISTICS
                and t.start >= stats[-1].end
                and re.fullmatch(
                    r"\s*(?:for|of)\s+(?:an?\s+|the\s+)?", text[stats[-1].end : t.start]
                )
            ]
            if after and after[0].end <= fig.start:
                # "... for RFS was 0.92 (...), and for OS it was 1.04": an endpoint said after
                # the first one's value is the next value's
                later = before[-1] if before else after[0]
                if later.start > after[0].end and re.search(
                    r"\d\.\d|\d\s?%", text[after[0].end : later.start]
                ):
                    return later.key
                return after[0].key
        return before[-1].key if before else None

    def _cut_unreported(
        self, q: Question, s: Sentence, fig: Figure, context: _ArticleContext
    ) -> bool:
        """The question names a score cut-off ("PD-L1 <1%", "CPS >=10") that the article's text
        never names, or that the figure's own words do not: none of its figures, or not this
        one, is that group's."""
        asked = {
            w
            for w in q.population
            if re.fullmatch(r"[a-z]+(?:<|>=|=)[\d-]+", w) and not w.startswith("age")
        }
        if not asked:
            return False
        said = context.cuts.get(s.article.id, set()) | {
            score_cut_key(m) for m in SCORE_CUT.finditer(s.section)
        }
        if not asked <= said:
            return True
        # a group below a cut-off ("PD-L1-negative", "CPS <1") is never a trial's whole
        # population, as one above it may be (CPS >=5 in a trial that enrolled only them): a
        # figure whose sentence and heading name no cut-off is everyone's, not theirs
        below = any("<" in w for w in asked)
        return below and not SCORE_CUT.search(f"{s.text} {s.section}")

    def _opposite(self, asked: set[str], said: set[str]) -> bool:
        """The question names one side of a split and the figure's part the other ("low" and
        "high", "poor" and "favorable"), from the vocabulary's pairs of opposite words."""
        words = {w for a in asked for w in re.split(r"[-/]", a)}
        own = {w for a in said for w in re.split(r"[-/]", a)}
        return any(
            (a in words and b in own and a not in own) or (b in words and a in own and b not in own)
            for a, b in self.vocab.opposites
        )

    def _restated(self, s: Sentence, fig: Figure, context: _ArticleContext) -> list[str]:
        """The sentence before, when the figure names its measure only as the same again ("the
        rates were 47% and 56%"); else nothing."""
        if not _ANAPHORIC_VALUE.search(fig.label):
            return []
        return context.before.get((s.article.id, s.start), [])[:1]

    def _about_before(self, before: list[str], own: str = "") -> str | None:
        """The endpoint the sentence just before reports, for a statistic whose own sentence
        names none ("Median OS was 16.6 months. The hazard ratio versus sorafenib was 0.86").
        Items of a list, each labelled by what it reports ("- Distant metastases: HR 0.25",
        "- PSA failure: HR 0.52"), are each about their own label: an item's endpoint is not
        the item's before it (a lead-in's is: "PFS by subgroup:" over "- Men: HR 0.61")."""
        item = _LABELLED_ITEM.match(own)
        for text in before:  # nearest first: a list's lead-in may be a few lines up
            if _HEADING.match(text):
                return None  # a new section (an interviewer's question): what came before is
                # another topic's
            sibling = _LABELLED_ITEM.match(text) if item else None
            if sibling and self._endpoints_named(sibling.group("label")):
                return None
            named = self._endpoints_named(text)
            if named:
                return named[-1]
        return None

    def _endpoints_named(self, text: str) -> list[str]:
        """The endpoints ``text`` names, statistics aside, in order."""
        return [
            t.key
            for t in self.vocab.terms(text)
            if t.kind == "endpoint" and t.key not in STATISTICS
        ]

    # -- sentences ---------------------------------------------------------------------------

    def _groups_said(self, q: Question, sentence: str, keys: set[str]) -> set[str]:
        """The vocabulary groups a sentence says, as a sentence answer needs them: a target by
        naming one ("targets KRAS G12C"), the registry by giving its number ("LACC
        (NCT00614211)", not "US cancer registry data")."""
        if "target" in q.groups:
            keys = (keys - {"target"}) | self._targets_named(sentence)
        if "registry" in q.groups:
            keys = (keys - {"registry"}) | (
                {"registry"} if _REGISTRY_ID.search(sentence) else set()
            )
        return keys

    def _best_sentence(self, q: Question, sentences: list[Sentence]) -> _Candidate | None:
        # the words of a trial the question names ("9ER" of CheckMate 9ER) are not asked of
        # its article's sentences: the article is about that trial
        wanted = _asked_words(q)
        groups = set(q.groups) | {key for key, _ in q.qualifiers}
        if not wanted and not groups:
            return None
        by_article: dict[str, tuple[float, float, Sentence]] = {}
        previous = _sentences_before(sentences)
        asks_where = bool(_WHERE.search(q.text))
        asks_quantity = self._asks_quantity(q)
        naming = _articles_naming_part(q, sentences)
        for s in sentences:
            if s.text.lstrip().startswith("#"):
                continue  # a heading names a topic; the sentences under it say what it is
            if naming is not None and s.article.id not in naming:
                continue  # "primary endpoint for part B?", no trial named: not another trial's
            if asks_quantity and self._not_the_quantity(q, s, previous):
                continue
            if _other_time_point(q.text, s.text):
                continue  # "mortality at 20 years": a sentence that says 18 years
            if _other_value_named(q, s.text):
                continue  # "the 6.1 Gy fractions": not the line of the 78.0 Gy schedule
            words = set(tokenize(s.text, self.vocab.stopwords))
            if asks_quantity and self._row_of_other_measure(q, s):
                continue  # "median operative time, simple vs radical": a row of the two arms
            keys = {t.key for t in self.vocab.terms(s.text)} | self._prefix_groups(groups, words)
            if q.names and q.target and not self._says_endpoint(q.target, keys):
                continue  # "the most common TRAEs": a sentence about adverse events
            required = {g for g in q.groups if not getattr(self.vocab.group(g), "optional", False)}
            keys = self._groups_said(q, s.text, keys)
            if not required <= keys:
                continue  # "NCT number", "target": the sentence must say one
            if (
                not asks_quantity
                and self.vocab.names_an_endpoint(required)
                and not any(t.kind == "endpoint" for t in self.vocab.terms(s.text))
            ):
                continue  # "the first primary endpoint was reported last year": which is it?
            trials, regimens = s.article.meta.get("trials", []), s.article.meta.get("regimens", [])
            if not about_trials(q.trials, s.text, trials, s.section, s.outline, regimens):
                continue
            if not q.scoped and any(not _says_code(code, s) for code in q.codes):
                # no trial or drug named: "nausea with PRRT" is not answered by an article
                # that never says PRRT
                continue
            if "target" in q.groups and not self._says_mechanism(s.text):
                continue  # "EGFR-mutant NSCLC" names a gene, not what the drug acts on
            if not self._names_subject(q, s, previous.get((s.article.id, s.start), [""])[:1]):
                continue  # "what does tremelimumab target?": a sentence about tremelimumab
            # the codes the article names its arms by say whose, not what ("amputation rate
            # FLOT vs ECF"), unless they are all that is asked ("what is FLOT?")
            asked = wanted - _code_words(s.article) or wanted
            hits = sum(1 for w in asked if self._says_name(w, words, s)) + len(groups & keys)
            total = len(asked) + len(groups)
            if hits == 0 or hits / total < 0.5:
                continue
            match = hits / total  # how well it says what was asked, apart from its rank
            if asks_where and any(m in s.text for m in self.vocab.meetings):
                match += 0.5
            if q.entities and any(e.casefold() in s.text.casefold() for e in q.entities):
                match += 0.3
            if not asks_quantity and self._states(required, s.text):
                match += 0.7  # "The primary endpoint was rPFS", not "met its primary endpoint"
            score = match + 0.6 / (1 + s.rank)
            if score > by_article.get(s.article.id, (-1.0, 0.0, s))[0]:
                by_article[s.article.id] = (score, match, s)
        # on equal scores, the sentence saying more of what was asked leads, not the higher rank
        ranked = sorted(by_article.values(), key=lambda c: (round(c[0], 6), c[1]), reverse=True)
        if not ranked or ranked[0][0] < self.min_sentence_score:
            return None  # says too little of what was asked, from too far down the search
        if (
            not q.scoped
            and not self._asks_what_a_drug_is(q)
            and any(other[1] >= ranked[0][1] for other in ranked[1:])
        ):
            return None  # no trial or drug named, and another article says it as well
        return _Candidate(ranked[0][0], ranked[0][2], None)

    def _not_the_quantity(
        self, q: Question, s: Sentence, previous: dict[tuple[str, int], list[str]]
    ) -> bool:
        """A sentence that cannot give the number asked: it has none of the kind asked ("grade
        3+ neutropenia in arm X"), is about everyone ("the rate in pts with sEPO >200"), every
        grade ("G3+ irAEs": "irAEs of any grade ... 4% vs 3%"), the other part ("those without
        brain metastases"), a part not asked ("Among patients with GI cancers, ..."), or no
        time point when one is asked ("10y larynx preservation")."""
        return (
            not self._has_figure_asked(q, s)
            or bool(q.population and not says_population(q.population, s.text))
            or self._severe_grade_unsaid(q, f"{s.section}. {s.lead_in}. {s.text}")
            or self._part_negated(q, s.text)
            or self._opening_part_unasked(q, s.text)
            or _time_point_unsaid(
                q.text, [s.section, s.lead_in, s.text, *previous.get((s.article.id, s.start), [])]
            )
        )

    def _opening_part_unasked(self, q: Question, text: str) -> bool:
        """A sentence that opens on a part of the population ("Among patients with a GI
        malignancy, ...") the question does not name, or names the other way round ("pts
        without GI cancer"): its figures are that part's."""
        m = _OPENING_PART.match(text)
        if not m:
            return False
        part = m.group("part")
        if bool(_NEGATED.search(part)) != bool(_NEGATION.search(q.text)):
            return True
        said = set(self.vocab.content_words(part)) - _GENERIC_POPULATION
        asked = set(self.vocab.content_words(q.text)) | {w for p in q.population for w in p.split()}
        return bool(said) and not any(
            w in asked or any(a.startswith(w[:4]) and len(a) >= 4 for a in asked) for w in said
        )

    def _part_negated(self, q: Question, text: str) -> bool:
        """``text`` says a part of the population the question names, with "without" or "no"
        before it where the question has none, or the other way round: the other part."""
        asked = {key for key, kind in q.qualifiers if kind == "subgroup"}

        def said(where: str) -> dict[str, bool]:  # each asked part said: negated or not
            return {
                t.key: bool(_NEGATED_BEFORE.search(where[: t.start]))
                for t in self.vocab.terms(where)
                if t.key in asked
            }

        in_text, in_question = said(text), said(q.text)
        return any(key in in_question and neg != in_question[key] for key, neg in in_text.items())

    def _targets_named(self, text: str) -> set[str]:
        """The targets a sentence names ("an EGFR-MET bispecific": each of the compound's);
        "at a target dose of ..." names none."""
        spaced = text.replace("-", " ")
        terms = self.vocab.terms(spaced)
        # (a target another group names first, "PD-L1", is still a target; a word that says a
        # target is named, "binding to Fc-gamma receptor I", is none)
        group = self.vocab.group("target")
        forms = _spaced_forms(tuple(group.forms)) if group else frozenset()
        named = (
            {"target"} if any(spaced[t.start : t.end].casefold() in forms for t in terms) else set()
        )
        return named | {
            t.key for t in terms if not re.fullmatch(_TARGET_CUE, spaced[t.start : t.end], re.I)
        }

    def _asks_what_a_drug_is(self, q: Question) -> bool:
        """What a drug is ("imfinzi's target", "the payload of SG") is the same in every
        trial of it: the question names a drug and asks for one of these."""
        return bool(_DRUG_PROPERTIES & set(q.groups)) and any(
            self.vocab.is_drug_name(w) or w.casefold() in self.vocab.brands
            for w in re.findall(r"[A-Za-z][\w-]+", q.text)
        )

    def _states(self, groups: set[str], text: str) -> bool:
        """The sentence says which endpoint an asked one is: its name then "was", "is" or a
        colon ("The primary endpoint was ...", "Primary end point: ..."), not that it was met."""
        for key in groups:
            group = self.vocab.group(key)
            if group is None or not group.names_endpoint:
                continue  # ("PD-L1 is high" names a target; it does not say what one is)
            for form in group.forms:
                if re.search(rf"\b{re.escape(form)}\s*(?::|\b(?:was|were|is|are)\b)", text, re.I):
                    return True
        return False

    def _says_endpoint(self, endpoint: str, keys: set[str]) -> bool:
        return endpoint in keys or any(self.vocab.related_endpoints(k, endpoint) for k in keys)

    def _asks_quantity(self, q: Question) -> bool:
        """Whether a question a sentence may answer asks for a number: its words say so, or it
        names a time point or a threshold ("extrapelvic recurrence at 3 yrs", ">4 weeks"), or
        an event of two arms or of one ("recurrent VTE edoxaban vs dalteparin?", "major bleeding
        w/ apixaban?": their rates)."""
        if q.numeric or q.landmark is not None or _QUANTITY.search(q.text):
            return True
        if q.target is None and _POINT_ASKED.search(q.text):
            return True
        if not any(self.vocab.is_event(g) for g in q.groups):
            return False
        # ... or an event of an arm ("major GI bleeding w/ apixaban?": its rate on that drug)
        return bool(_VERSUS.search(q.text) or _ON_ARM.search(q.text))

    def _severe_grade_unsaid(self, q: Question, sentence: str) -> bool:
        """The question asks for severe grades ("G3+ irAEs") and the sentence (or its section's
        heading) names none: its rates are every grade's, named ("irAEs of any grade were more
        common ... 4% vs 3%") or not ("the most common adverse events were diarrhoea (80.9%)
        ..."). (A sentence naming severe grades only may still say every grade's rate without
        naming it: "Neutropenia occurred in 45.8% (grade 3 or higher, 19.6%)".)"""
        if any(c.casefold().startswith("grade") for c in q.codes):
            # "grade 3 gynecomastia %": a sentence that names no grade gives every grade's rate
            return not _GRADE_SAID.search(sentence)
        if not any(key == SEVERE for key, _ in q.qualifiers):
            return False
        return SEVERE not in {t.key for t in self.vocab.terms(sentence)}

    def _has_figure_asked(self, q: Question, s: Sentence) -> bool:
        """A sentence that may answer a question asking for a number has one: of the kind the
        question asks for ("%": a percentage, not a head count), and, when it asks for an
        adverse event, one named by that event ("followed by diarrhea" is no rate of it)."""
        figures = extract_figures(s.text, self.vocab)
        if q.units:
            # (a table cell's bare number is a time when its row says one: "Time to subsequent
            # therapy | ... | Placebo + ADT (n = 602): 21.6")
            row = is_table_row(s.text)
            figures = [
                f
                for f in figures
                if f.unit in q.units
                or (row and "time" in q.units and f.unit == "number" and f.endpoint is None)
            ]
        events = {g for g in q.groups if self.vocab.is_event(g)}
        if events:
            # (an event's rate or count, not the time a composite of it is counted over)
            figures = [
                f
                for f in figures
                if events & {t.key for t in self.vocab.terms(f.label)}
                and (f.unit != "time" or "time" in q.units)
            ]
        return bool(figures)

    def _definition(self, short: str, sentences: list[Sentence]) -> Draft:
        """The sentence that spells out an abbreviation: "... blinded independent central review
        (BICR)", "BICR (blinded independent central review)" or "(BICR: blinded ...)", the best
        ranked first."""
        x = re.escape(short)
        forms = [
            # "... no evidence of disease (M1 NED)": the abbreviation may follow a qualifier
            re.compile(rf"(?P<long>[A-Za-z][\w\s,'-]{{3,}}?)\s*\(\s*(?:\w+\s+)?{x}\s*\)"),
            re.compile(rf"(?<!\w){x}\s*\(\s*(?P<long>[A-Za-z][A-Za-z\s,'-]{{3,}})\)"),
            re.compile(rf"\(\s*{x}\s*[:=]\s*(?P<long>[A-Za-z][^()]{{3,}})\)"),
            # a glossary: "NED, no evidence of disease; OS, overall survival"
            re.compile(rf"(?<![\w-]){x},\s+(?P<long>[a-z][a-z\s'-]{{3,}})(?=[;.]|$)"),
        ]
        found = sorted(
            (
                (s.rank, s.start, m.start(), m.end(), s)
                for s in sentences
                for f in forms
                for m in f.finditer(s.text)
                if spells_out(m.group("long"), short)
                or lists_only_drugs(m.group("long"), self.vocab)
            ),
            key=lambda hit: hit[:3],
        )
        if not found:
            found = self._drugs_after_colon(short, sentences)
        if not found:
            found = self._spelt_by_article(short, sentences)
        if not found:
            return Draft("not_found", "", [], reason=f"no indexed article spells out {short}")
        _, _, start, end, s = found[0]
        why = [f"spells out {short}: '{s.article.title}'"]
        lead = _shorten(s.text, self.max_chars)
        if len(s.text) > self.max_chars:  # a long passage: the words around the long form
            left = s.text.rfind(" ", 0, max(0, start - 120)) + 1
            right = s.text.find(" ", min(len(s.text), end + 120))
            lead = f"…{s.text[left : right if right > 0 else len(s.text)]}…"
        return Draft("answered", f"{lead} [1]", [_cite(s)], confidence=1.0, why=why)

    def _drugs_after_colon(
        self, short: str, sentences: list[Sentence]
    ) -> list[tuple[int, int, int, int, Sentence]]:
        """A regimen's code spelt out after a colon by the drugs it gives, before the words about
        how it is given ("FLOT: fluorouracil, leucovorin, oxaliplatin and docetaxel, four
        cycles before and four after surgery")."""
        hits = []
        for s in sentences:
            for m in re.finditer(rf"(?<![\w-]){re.escape(short)}:\s+([^.;]+)", s.text):
                items = re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group(1))
                drugs = list(
                    itertools.takewhile(
                        lambda i: bool(i.split()) and self.vocab.is_drug_name(i.split()[-1]), items
                    )
                )
                if len(drugs) >= 2:
                    hits.append((s.rank, s.start, m.start(), m.end(), s))
        return sorted(hits, key=lambda hit: hit[:3])

    def _spelt_by_article(
        self, short: str, sentences: list[Sentence]
    ) -> list[tuple[int, int, int, int, Sentence]]:
        """The sentences that say an abbreviation beside the long form their article reads it
        as, when its initials are not the long form's words' ("transoral surgery (TOS)")."""
        hits = []
        for s in sentences:
            long = str(s.article.meta.get("aliases", {}).get(short, ""))
            said = re.search(rf"(?<![\w-]){re.escape(short)}(?![\w-])", s.text)
            if not long or not said or re.search(r"\b[A-Z]{2,}", long):
                continue  # (not "HRR mutated" for HRRm: an abbreviation still)
            # (the long form nearest the abbreviation: not a headline's "Transoral Surgery")
            spelt = [m.start() for m in re.finditer(re.escape(long), s.text, re.I)]
            if spelt:
                at = min(spelt, key=lambda o: abs(o - said.start()))
                hits.append((s.rank, s.start, at, at + len(long), s))
        return sorted(hits, key=lambda hit: hit[:3])

    def _defining(self, asked: str, sentences: list[Sentence]) -> Draft:
        """The sentence that defines what is asked ("pCR, defined as ypT0/Tis ypN0"): the asked
        words, or a vocabulary term they name, just before "defined as", the best ranked first."""
        keys = {t.key for t in self.vocab.terms(asked)}
        words = [w for w in re.findall(r"[\w/+≥<>-]+", asked.casefold()) if w not in ("the", "a")]
        for s in sorted(sentences, key=lambda s: (s.rank, s.start)):
            for m in _DEFINED_AS.finditer(s.text):
                before = s.text[max(0, m.start() - 90) : m.start()]
                named = {t.key for t in self.vocab.terms(before)}
                if (keys and keys <= named) or (words and all(_has_word(before, w) for w in words)):
                    why = [f"defines {asked}: '{s.article.title}'"]
                    lead = _shorten(s.text, self.max_chars)
                    return Draft("answered", f"{lead} [1]", [_cite(s)], confidence=1.0, why=why)
        return Draft("not_found", "", [], reason=f"no indexed article defines {asked}")

    def _says_mechanism(self, text: str) -> bool:
        """The sentence says what a drug acts on: a mechanism word ("targets", "inhibitor",
        "bispecific antibody"), or a drug with its target in brackets ("Durvalumab (PD-L1)")."""
        if _cue_pattern(self.vocab.mechanism_cues).search(text):
            return True
        return any(
            t.key == "target" and text[max(0, t.start - 1) : t.start] == "("
            for t in self.vocab.terms(text)
        )

    def _names_subject(self, q: Question, s: Sentence, before: list[str] | None = None) -> bool:
        """The sentence names what the question is about: one of its names, or one of the
        article's drugs that the question names (clipped names included); a sentence opening
        with "It" names what the sentence ``before`` it names ("Lenalidomide is an oral
        immunomodulatory drug. It binds cereblon, ...")."""
        meta = s.article.meta
        trials = {str(t).casefold() for t in [*meta.get("trials", []), *q.trials]}
        # "CheckMate" of "CheckMate 9ER": a word of a trial's name names the trial
        words = {w for t in trials for w in t.split()}
        names = {e.casefold() for e in q.entities if e.casefold() not in trials | words}
        for short, long in meta.get("aliases", {}).items():  # "ABC-1" for "abcmab ..."
            if any(n in str(long).casefold() or n == str(short).casefold() for n in names):
                names |= {str(short).casefold(), str(long).casefold()}
        # a sentence under a heading that names it ("About ENHERTU": "It is composed of ...")
        said = f"{s.text} {s.section}" if _ABOUT_HEADING.match(s.section) else s.text
        if before and _PRONOUN_SUBJECT.match(s.text):
            said = f"{said} {before[0]}"
        if any(n in said.casefold() for n in names):
            return True
        drugs = [str(d).casefold() for d in meta.get("drugs", [])]
        asked = _drugs_named(q.text, drugs, self.vocab, _brands(s.article)) - self.vocab.class_names
        if not asked and not names:
            return True  # the question names nothing in particular, or only the trial
        return bool(asked & _drugs_named(said, drugs, self.vocab, _brands(s.article)))

    def _row_of_other_measure(self, q: Question, s: Sentence) -> bool:
        """A table row whose label (what it measures) says none of the asked words that are
        no drug names, when the question names no endpoint: "3-year pelvic recurrence |
        Simple hysterectomy: 2.52% | ..." says "simple" only in its arms' headers, and does not
        answer "median operative time, simple vs radical"."""
        if not is_table_row(s.text):
            return False
        label = row_cells(s.text)[0]
        words = set(tokenize(label, self.vocab.stopwords))
        keys = {t.key for t in self.vocab.terms(label)}
        drugs, brands = _article_drugs(s.article), _brands(s.article)
        topic = [w for w in _asked_words(q) if not _drugs_named(w, drugs, self.vocab, brands)]
        if not topic and not q.groups:
            return False
        return not (set(q.groups) & keys or any(self._says_name(w, words, s) for w in topic))

    def _says_name(self, word: str, words: set[str], s: Sentence) -> bool:
        """The sentence says an asked word; a brand by its generic name ("Imfinzi":
        durvalumab), and a drug's name by the heading it is under ("About ENHERTU": "It is
        composed of ...")."""
        if _word_in(word, words):
            return True
        generic = self.vocab.brands.get(word) or " ".join(_brands(s.article).get(word, []))
        names = [word, *generic.casefold().split()[:1]]
        if generic and _word_in(names[1], words):
            return True
        if not (generic or self.vocab.is_drug_name(word)):
            return False
        if not _ABOUT_HEADING.match(s.section):
            return False
        heading = set(tokenize(s.section, self.vocab.stopwords))
        return any(_word_in(n, heading) for n in names)

    def _prefix_groups(self, groups: set[str], words: set[str]) -> set[str]:
        """Groups whose one-word form starts a word of the sentence ("NCT" in "NCT05280470")."""
        found = set()
        for key in groups:
            group = self.vocab.group(key)
            forms = group.forms if group else ()
            if any(
                " " not in f
                and len(f) >= 3
                and any(
                    w.startswith(f.casefold()) and w[len(f) : len(f) + 1].isdigit() for w in words
                )
                for f in forms
            ):
                found.add(key)
        return found

    # -- wording -----------------------------------------------------------------------------

    def _lead(
        self, sentence: str, fig: Figure | None, q: Question, run: list[Figure] | None = None
    ) -> str:
        if fig is None and (self._asks_quantity(q) or _CUT_WORDS.search(q.text)):
            # (a name asked, "NCT number", is shown from the start: its passage names it)
            return _passage(sentence, _asked_words(q) | _time_points(q.text), self.max_chars)
        if fig is None:
            return _shorten(sentence, self.max_chars)
        name = self._name(sentence, fig)
        if q.target == NI_MARGIN and fig.endpoint == "HR":
            name = "Non-inferiority margin (hazard ratio)"  # a design's bound, no result
        if run and not is_table_row(sentence) and (sizes := _bracketed_sizes(sentence, run)):
            return _shorten(f"{name}: {sizes}", self.max_chars)
        if run and not is_table_row(sentence):
            # no arm asked: every arm's value, as the sentence lists them
            last = run[-1]
            end = last.end + (len(last.detail) + 1 if last.detail else 0)
            scope = arm_phrase(last)
            if last.endpoint == "enrollment" and re.match(r"\s*to\s", last.scope):
                scope = SCOPE_END.split(last.scope.strip())[0]  # "758 to eBEACOPP": its arm
            if scope and sentence.find(scope, end) >= 0:
                end = sentence.find(scope, end) + len(scope)
            if _SIGNIFICANCE_ASKED.search(q.text) and (p := _P_BRACKET.match(sentence, end)):
                end = p.end()  # "was it significantly better?": "9.2% vs 7.7% (P=0.63)"
            shown = sentence[run[0].start : end]
            if shown.count("(") > shown.count(")") and sentence.find(")", end) >= 0:
                end = sentence.find(")", end) + 1  # "... or to no further treatment (n=211)"
            return _shorten(f"{name}: {sentence[run[0].start : end].strip(' ,;')}", self.max_chars)
        if run and fig.endpoint is None and is_table_row(sentence):
            # a row of something the vocabulary does not name ("Laryngectomy-free survival |
            # Induction: 28.9% | ..."): its label once, then each column's value
            label = row_cells(sentence)[0].strip()
            cells = "; ".join(
                f"{f.label.removeprefix(label).strip() or label}: {f.text}" for f in run
            )
            return _shorten(f"{label}: {cells}", self.max_chars)
        if run:
            return _shorten(f"{name}{_cells_of_a_row(run)}", self.max_chars)
        qualifier = self._qualifier_phrase(sentence, fig)
        if not is_table_row(sentence):
            # "12.9, 11.8 and 11.3 months with A, B and C, respectively": 11.3 is C's
            qualifier = self._respective_arm(sentence, fig) or qualifier
        if qualifier and ungrounded_numbers(qualifier, [Citation(0, "", "", sentence)]):
            # an arm carried from the sentence before ("with radium-223 plus enzalutamide"): a
            # number the quote does not hold is not shown
            qualifier = ""
        if qualifier and qualifier.strip().casefold() in _BARE_WORDS:
            # "75.0% with 3 months": the arm's words are a figure of their own, shown after
            qualifier = SCOPE_END.split(sentence[fig.end : fig.end + 60])[0].strip()
        value = fig.text
        if fig.unit == "time" and (same := _SAME_TIME_IN_BRACKETS.match(sentence, fig.end)):
            value += same.group(0)  # "6.4 years (76.8 months)": the same time in other units
        if fig.endpoint in STATISTICS:
            # a statistic is clearest with its whole bracket: "HR = 0.73; 95% CI ...; P = .0174"
            value = (
                _statistic_bracket(sentence, fig)
                or f"{fig.text}{ci_after(sentence, fig.end).rstrip()}"
            )
        if fig.unit == "dose":
            value += schedule_after(sentence, fig.end)  # "100 mg orally twice daily"
            if qualifier and qualifier.strip() in value:
                qualifier = ""  # "on days 1 and 8": said with the dose, not cut before it
        if qualifier and qualifier.strip().casefold() in name.casefold():
            qualifier = ""  # "Among women who underwent ALND": said once, not twice
        lead = f"{name}{', ' + qualifier if qualifier else ''}: {value}"
        return _shorten(lead, self.max_chars)

    def _name(self, sentence: str, fig: Figure) -> str:
        terms = [t for t in self.vocab.terms(sentence) if t.kind == "endpoint"]
        if fig.endpoint in STATISTICS:
            about = self._about(terms, fig, sentence)
            about_term = next(
                (t for t in reversed(terms) if t.key == about and t.end <= fig.start), None
            )
            base = "Hazard ratio" if fig.endpoint == "HR" else fig.endpoint
            if about_term is not None:
                return f"{base} for {sentence[about_term.start : about_term.end]}"
            return base
        own = [t for t in terms if t.key == fig.endpoint]
        chosen = None
        for t in own:
            if t.end <= fig.start:
                chosen = t
        chosen = chosen or (own[0] if own else None)
        if chosen is None and fig.endpoint:
            return fig.endpoint  # carried from the sentence before
        if chosen is None:
            label = fig.label.strip()
            if fig.head and not tokenize(label, self.vocab.stopwords | _JOINING_WORDS):
                label = fig.head.strip()  # "vs": the list's words name it
            events = [t for t in self.vocab.terms(label) if self.vocab.is_event(t.key)]
            if events:
                # "Liver-related adverse events occurred in grade 3 or higher,": the event, and
                # the grade its brackets name
                grade = _GRADE_WORDS.search(label, events[-1].end)
                surface = label[events[-1].start : events[-1].end]
                return _capital(f"{surface}, {grade.group(0)}" if grade else surface)
            before = [
                t for t in self.vocab.terms(sentence[: fig.start]) if self.vocab.is_event(t.key)
            ]
            if before and not is_table_row(sentence):
                # "Major bleeding occurred in 36 (6.9%) ... and 21 patients (4.0%)": the event
                # the sentence names before the value
                return _capital(sentence[before[-1].start : before[-1].end])
            restated = list(_ANAPHORIC_VALUE.finditer(label))
            if restated:  # "Among those aged 18 and older, the rates were": "The rates were"
                return _capital(label[restated[-1].start() :])
            return _capital(" ".join(label.split()[-6:])) if label else "Reported figure"
        start = chosen.start
        joined = re.search(r"(?<![\w-])[A-Za-z]+-$", sentence[: chosen.start])
        if joined:
            start = joined.start()  # "CNS-PFS": the endpoint with what it is joined to
        for t in self.vocab.terms(sentence[: chosen.start]):
            if self.vocab.is_event(t.key) and chosen.start - t.end <= 1:
                start = t.start  # "liver-related adverse events": of which events
        surface = sentence[start : chosen.end]
        if fig.endpoint and not _NAMES_A_MEASURE.search(surface):
            # said by a verb or an adjective ("lived a median of", "remain event-free"): the
            # endpoint's own name says what the number is
            median = "median" in surface.casefold() or fig.unit == "time"
            surface = f"median {fig.endpoint}" if median else fig.endpoint
        elif re.search(r"\bmedian\s+$", sentence[max(0, chosen.start - 8) : chosen.start], re.I):
            surface = "median " + surface
        grade = _GRADE_WORDS.search(fig.label)
        if grade and grade.group(0).casefold() not in surface.casefold():
            said = grade.group(0)
            surface = f"{surface}, {said[0].lower()}{said[1:]}"  # "Adverse events, grade 3+"
        return _capital(surface)

    def _qualifier_phrase(self, sentence: str, fig: Figure) -> str:
        return qualifier_phrase(sentence, fig)

    def _why_not(self, q: Question) -> str:
        parts = []
        if q.target:
            parts.append(q.target)
        parts.extend(key for key, _ in q.qualifiers)
        if parts:
            return "no indexed article reports a figure for " + " / ".join(parts)
        return "no indexed article answers this"


_GRADE_WORDS = re.compile(rf"\b{GRADE_LEAD}", re.I)  # "grade 3 or higher", "G3+"
# Words of a population phrase that name no particular part of the population
_GENERIC_POPULATION = frozenset(
    [
        "patient",
        "comparison",
        "comparator",
        "experimental",
        "intervention",
        "pt",
        "participant",
        "group",
        "subgroup",
        "cohort",
        "population",
        "subset",
        "those",
        "people",
        "women",
        "men",
        "treated",
        "receiving",
        "received",
        "given",
        "underwent",
        "undergoing",
        "assigned",
        "randomized",
        "randomised",
        "enrolled",
        "who",
        "with",
        "had",
        "study",
        "trial",
        "arm",
        "tumor",
        "tumour",
        "disease",
        "evaluable",
        "analysis",
        "placebo",
        "chemotherapy",
        "chemo",
        "combination",
        "control",
        "standard",
    ]
)
# a dose that names an arm ("the 57 Gy arm"), not a dose given ("40 Gy in 20 fractions")
_NAMED_DOSE = re.compile(r"\d+(?:\.\d+)?\s*(?:mg|gy|iu)\b(?!\s*(?:per|/|in)\b)", re.I)
# a question asking for a dose: "dose", "dosing", "how much", "mg", "Gy", "fractions", "AUC"
_DOSE_ASKED = re.compile(
    r"\bdos(?:e|es|ed|ing)\b|\bhow\s+much\b|\d\s*(?:mg|gy|iu)\b|\b(?:mg|gy|auc|iu)\b|"
    r"\bfractions?\b|\bfractionation\b|\bregimen\b|\bschedule\b|\bgiven\b|\badministered\b",
    re.I,
)
# a question asking for a time: "how long", "time to", "when", "duration", "median"
_TIME_ASKED = re.compile(r"\bhow\s+(?:long|soon)\b|\btime\b|\bwhen\b|\bduration\b|\bmedian\b", re.I)
# an interval's confidence level: "90% CI", "95% confidence interval"
_CI_LEVEL = re.compile(r"\b(80|90|95|97\.5|99)\s?%\s*(?:CI|confidence\s+intervals?)\b", re.I)
# a table's caption: "Table 1. Ten-year outcomes by arm in RTOG 91-11"
# (a caption may be split after its number: "Table 1." then "Ten-year outcomes ...")
_CAPTION = re.compile(r"^Table\s+\d+[.:]", re.I)
# the words that ask for a bound of an interval ("upper CI"), which name no part of anyone
_BOUND_WORDS = frozenset({"lower", "upper", "bound", "bounds", "limit", "limits"})
# words of a question that say no thing counted: units of time, how many
_NOT_A_THING = re.compile(
    r"(?:months?|mos|weeks?|years?|yrs|days?|many|much|number|rate|rates|percent)$", re.I
)
# a question about those without something: "pts without GI cancer", "w/o brain mets"
_NEGATION = re.compile(r"\b(?:without|w/o|w/out|not|never)\b", re.I)
# an event asked of an arm: "w/ apixaban", "on fragmin", "in the placebo arm"
_ON_ARM = re.compile(r"(?:\bw/|\b(?:with|on|in\s+the)\s)\s*[A-Za-z][\w-]+", re.I)
# a sentence opening on a part of the population: "Among patients with a GI malignancy, ..."
_OPENING_PART = re.compile(
    r"^\W*(?:among|in|for)\s+(?:the\s+)?(?:\d[\d,]*\s+)?"
    r"(?:patients|pts|participants|people|those|women|men)\s+"
    r"(?P<part>(?:with|without|who|whose|aged|older|younger)\b[^,;]{2,80})",
    re.I,
)
# a grade said before a value, and a low one of them on its own ("grade 2 in 13.8%"), not a range
_GRADE_MARK = re.compile(r"\b(?:grades?|gr\.?|G)\s*(?:[1-5]|I{1,3}|IV|V)\b", re.I)
_LOW_GRADE = re.compile(
    r"(?:grades?|gr\.?|G)\s*(?:[12]|I{1,2})\b"
    r"(?!\s*(?:-|–|/|or|to|and|\+)\s*(?:\d|I|higher|more|above|greater|worse))(?!\+)",
    re.I,
)


def _unit(candidate: _Candidate) -> str | None:
    """The unit of a candidate's figure, None for a sentence."""
    return candidate.figure.unit if candidate.figure is not None else None


def _precise_for_hedged(ordered: list[_Candidate]) -> _Candidate:
    """The lead: the best candidate, unless it is said roughly ("about 86% of placebo
    recipients were alive") and a candidate scoring within a point gives the same value
    precisely ("86.0% with placebo"); a rounded restatement does not lead over its source."""
    best = ordered[-1]
    if best.figure is None or not _hedged(best):
        return best
    shown = {_number(best.figure.value)}
    for c in reversed(ordered[:-1]):
        if best.score - c.score > 1.0:
            break
        if c.figure is not None and not _hedged(c) and _rounded_alike(c.figure.value, shown):
            c.score = best.score  # (its margin over the rivals is measured from the lead's)
            return c
    return best


def _hedged(c: _Candidate) -> bool:
    start = c.figure.start if c.figure else 0
    return bool(_HEDGED.search(c.sentence.text, max(0, start - 24), start))


def _rounded_alike(value: str, shown: set[str]) -> bool:
    """``value`` is one of ``shown`` said with fewer or more decimals ("12%" and "11.9%")."""
    number = _number(value)
    if not re.fullmatch(r"\d+(?:\.\d+)?", number):
        return False
    for other in shown:
        if not re.fullmatch(r"\d+(?:\.\d+)?", other) or other == number:
            continue
        coarse, fine = sorted((number, other), key=lambda n: len(n.partition(".")[2]))
        places = len(coarse.partition(".")[2])
        if places < len(fine.partition(".")[2]) and round(float(fine), places) == float(coarse):
            return True
    return False


def _asked_next(q: Question) -> Question | None:
    """The second of two things of a trial's design asked together ("how many pts were
    randomized, and in what ratio?": the ratio after the count), else None."""
    if q.target != ENROLLMENT or RANDOMIZATION_RATIO not in q.endpoints:
        return None
    return replace(q, endpoints=[RANDOMIZATION_RATIO])


@lru_cache(maxsize=64)
def _alone_after_versus(drug: str) -> re.Pattern[str]:
    """``drug`` on its own after "versus" ("versus 4.6 months with nivolumab"), not as a part
    of a combination ("vs SoC and for durvalumab plus tremelimumab")."""
    return re.compile(
        rf"\b(?:{_COMPARED})\s+(?:[\w.%-]+\s+){{0,4}}?{re.escape(drug)}\b"
        r"(?!\s*(?:\+|plus\b|and\b|with\b|in combination))",
        re.I,
    )


def _low_grade_last(clause: str) -> bool:
    """The last grade the words before a value name is grade 1 or 2 on its own."""
    marks = list(_GRADE_MARK.finditer(clause))
    return bool(marks) and bool(_LOW_GRADE.match(clause, marks[-1].start()))


# the fatal grade: grade 5 events are deaths
_FATAL_GRADE = re.compile(r"(?:grade|gr\.?|G)\s*(?:5|V)\b", re.I)
# one grade of an adverse event, said alone: "grade 3", "G4", "grade IV", "grade 5"
_ONE_GRADE = re.compile(
    r"\b(?:grade|gr\.?|G)\s*(?:[1-5]|I{1,3}|IV|V)\b"
    r"(?!\s*(?:-|–|/|or|to|and|\+)\s*(?:\d|higher|more|above|greater|worse))"
    r"(?!\+)",
    re.I,
)
# the words that join the values of a list of arms: "occurred in 36 patients (6.9%) in the
# edoxaban group and 21 patients (4.0%) in the ..."
_LIST_GLUE = frozenset(
    [
        "in",
        "of",
        "the",
        "a",
        "and",
        "or",
        "vs",
        "versus",
        "compared",
        "with",
        "on",
        "to",
        "for",
        "among",
        "those",
        "who",
        "receiving",
        "received",
        "given",
        "patients",
        "pts",
        "participants",
        "group",
        "groups",
        "arm",
        "arms",
        "respectively",
        "occurred",
        "was",
        "were",
        "had",
        "reported",
    ]
)
# words that say a treatment is given by itself: an arm's ("chemotherapy alone"), no part's
_ARM_ONLY = frozenset({"alone", "only", "monotherapy", "single-agent"})
_ASSIGNED_TO = re.compile(r"\b(?:who\s+were\s+)?(?:assigned|randomi[sz]ed|allocated)\s+to\b", re.I)
# Words of a sentence that goes on from the one before ("it was", "the corresponding rate")
_JOINING_WORDS = frozenset({"vs", "versus", "and", "or", "compared", "with"})
_EVENTS = re.compile(r"\b(?:events|toxicities)\b", re.I)
_GOES_ON = re.compile(
    r"\b(?:it|this|that|the corresponding|the comparable|the respective|the same|the rate|"
    r"the figure|the median|that figure|those figures|the (?:point )?estimate|the ratio)\b"
    r"|^(?:the )?(?:hazard ratio|HR)\b",
    re.I,
)
# "In the X cohort, ... reduced the risk by ... Median PFS was ...": the paragraph goes on
_OPENS_WITH_MEDIAN = re.compile(r"\s*(?:the\s+)?median\b", re.I)
_WHERE = re.compile(r"\b(?:where|presented|meeting|conference|congress|published)\b", re.I)


OVERALL = "overall population"  # the vocabulary group of the whole trial's population
SEVERE = "grade 3+"  # the vocabulary group of grade 3 or higher
_GRADES = frozenset({SEVERE, "any grade"})  # the vocabulary groups of adverse events' grades
ANY_GRADE = "any grade"  # ... and of every grade
# A population said by what it lacks: "without brain metastases", "w/o", "non-epithelioid"
_NEGATED = re.compile(r"\b(?:without|w/o|no|not|non|absence of|failed to)\b|\bnon-", re.I)


def _negation_said_of(question: str, phrase: str) -> bool:
    """The question negates a word the figure's part (or the words right before it) says
    ("w/o brain mets": "with brain metastases"); not one it does not say ("definitive CRT (no
    surgery)": "those who received definitive chemoradiotherapy")."""
    said = {stem(w) for w in tokenize(phrase)}
    for m in _NEGATED.finditer(question):
        after = tokenize(question[m.end() :])[:1]
        if not after or stem(after[0]) in said:
            return True
    return False


# a difference between arms said before its value ("an improvement of", "the gain would exceed")
# a value the reported one is measured against: "is lower than the dose used in metastatic
# disease", "higher than the 20% seen in earlier trials"
# radiotherapy named in a question: "RT dose", "radiation dose and fractionation", "CRT"
_RADIATION_ASKED = re.compile(
    r"\b(?:RT|CRT|SBRT|IMRT|radiotherapy|radiation|chemoradio\w*|irradiation|Gy|fractions?|"
    r"fractionation)\b",
    re.I,
)
_REFERENCE_BEFORE = re.compile(
    r"\b(?:higher|lower|greater|less|more|fewer|longer|shorter|above|below)\s+than\s+the\s+$"
    # "with response rates below 15%": a bound on rates in general, no arm's rate
    r"|\brates\s+(?:of\s+)?(?:below|under|above|over|less\s+than|more\s+than|"
    r"(?:of\s+)?up\s+to|as\s+(?:low|high)\s+as)\s+$",
    re.I,
)
_GAIN_BEFORE = re.compile(
    r"\b(?:improvement|gain|difference|extension)\s+(?:[\w-]+\s+){0,3}"
    r"(?:of|by|was|is|would|to|exceed\w*)\s+(?:[\w-]+\s+){0,2}$"
    # "extends survival by more than 3 months", "prolonged median OS by 4.9 months"
    r"|\b(?:extend|prolong|improv|increas|lengthen|add)\w*\s+(?:[\w-]+\s+){0,3}by\s+"
    r"(?:(?:more\s+than|over|nearly|almost|about|roughly|approximately|at\s+least)\s+)?$",
    re.I,
)
# "how many men were enrolled", "number of women": a count of one sex
_SEX_COUNTED = re.compile(r"\b(?:how many|number of)\s+(men|women|males|females)\b", re.I)
_MEN_SAID = re.compile(r"\b(?:men|man|males?)\b", re.I)
_WOMEN_SAID = re.compile(r"\b(?:women|woman|females?)\b", re.I)
# "by how much", "how much longer", "how many more months": a difference, no arm's value
_DIFFERENCE_ASKED = re.compile(
    r"\bby how much\b|\bhow much (?:longer|more)\b|\bhow many more (?:months|weeks|years)\b"
    r"|\bby how many (?:months|weeks|years)\b|\bhow many (?:months|weeks|years) longer\b",
    re.I,
)
# "2.8-month median OS gain", "4.1 months longer": the value is the difference
_GAIN_AFTER = re.compile(
    r"[\s-]*(?:months?|mo|weeks?|years?)?\s*(?:[\w-]+\s+){0,3}?"
    r"(?:gain|improvement|difference|extension|longer|more)\b",
    re.I,
)
_GAIN_ASKED = re.compile(
    r"\b(?:improv\w*|gain|differen\w*|benefit|longer|by how much|how much more|delta|"
    r"by how many|extend\w*|prolong\w*)\b",
    re.I,
)
# the words that say a value is the trial's design, in the value's clause before it
_DESIGN_CUE = re.compile(
    r"\b(?:margin|powered|power\s+to|assum(?:ed|ing|ption)|hypothes(?:is|ized|ised)|"
    r"to\s+detect|would\s+be\s+declared|declared\s+non-?inferior\s+if|boundary|"
    # "exceeding the prespecified thresholds of 70% for sensitivity", "a benchmark of 20%"
    r"(?:prespecified|pre-specified|predefined)\s+thresholds?|benchmarks?|"
    # "non-inferiority was to be tested using an upper confidence limit for the HR of 1.15"
    r"non-?inferiority\b[^.;]*\b(?:limit|bound))\b[^.;]*$",
    re.I,
)
# the patients who had one drug, asked as a part: "the paclitaxel subgroup", "carboplatin subset"
_DRUG_PART = re.compile(r"\b([\w-]+)\s+(?:subgroups?|subsets?)\b", re.I)
# ... named by the one treatment they had: "the cetuximab-only subset", "interferon only subgroup"
_ONLY_PART = re.compile(r"\b([A-Za-z][\w]+)[\s-]only\s+(?:subgroups?|subsets?)\b", re.I)
# one end of the ages a trial took in, asked ("upper age limit", "min age"), and the end an age
# limit bounds ("aged 55 years or older" from below, "up to 65 years of age" from above)
_UPPER_AGE_ASKED = re.compile(r"\b(?:upper|max(?:imum)?|oldest|highest)\b", re.I)
_LOWER_AGE_ASKED = re.compile(r"\b(?:lower|min(?:imum)?|youngest|lowest)\b", re.I)
_FROM_BELOW = re.compile(r"\b(?:older|over|above|at least|more)\b|[>≥]|\+", re.I)
_FROM_ABOVE = re.compile(r"\b(?:younger|under|below|less|up to)\b|[<≤]|\d\s*(?:-|–|to)\s*\d", re.I)
_DESIGN_ASKED = re.compile(
    r"\b(?:margin|powered|power|hypothes\w*|assum\w*|detect|boundary|threshold|designed|"
    r"sample\s+size)\b",
    re.I,
)


def _is_design_value(sentence: str, fig: Figure) -> bool:
    """Whether the words of the value's clause before it say it is a design value."""
    return bool(_DESIGN_CUE.search(sentence[max(0, fig.start - 160) : fig.start]))


_GRADE_SAID = re.compile(r"\bgrades?\b|\bG[1-5]\b|\bCTCAE\b", re.I)
_SUBGROUP_WORDS = r"subgroups?|subsets?|subpopulations?"
_SUBGROUP_WORD = re.compile(rf"\b(?:{_SUBGROUP_WORDS})\b", re.I)
_PART_IN_LABEL = re.compile(rf"\b(?:{_SUBGROUP_WORDS}|cohorts?)\b", re.I)
_REGIMEN = re.compile(r"[A-Za-z]\s*(?:\+|/|\bplus\b|\band\b|\bwith\b)\s*[A-Za-z]", re.I)
# where a clause about another part of the population begins: "..., while those older than
# 65 had", "; in patients aged 75 or older"
_CLAUSE_BREAK = re.compile(
    r";|,?\s+(?:while|whereas)\s+|,\s+and\s+(?=(?:in\s+)?(?:those|patients|pts)\b)"
)
# a drug said to be added to what both arms were given: "the addition of", "adding", "added to"
_ADDITION = re.compile(r"\b(?:(addition\s+of|adding)|added\s+to)\b", re.I)
# a heading about one drug or trial: "About ENHERTU", "About the drug", "THE DRUG"
_ABOUT_HEADING = re.compile(r"\s*(?:about|the drug|the agent|mechanism)\b", re.I)
# what a question may ask of a drug, whichever trial's article says it
_DRUG_PROPERTIES = frozenset({"target", "payload"})
# an endpoint's name that says what is measured (not "lived a median", "event-free", "alive"):
# its abbreviation or a noun of measurement
_NAMES_A_MEASURE = re.compile(
    r"(?-i:[A-Z]{2})|\b(?:survival|response|responses|remission|rate|rates|progression|control|"
    r"benefit|recurrence|relapse|death|disease|negativity|events?(?!-free)|duration|time)\b",
    re.I,
)
# a sentence about the part of the population the one before it names: "In that group, ...",
# "In these patients, ...", "Among them, ..."
_BACK_REFERENCE = re.compile(
    r"\s*(?:(?:In|Among|For|Within)\s+(?:them|(?:that|this|these|those|the same)\s+"
    r"(?:group|subgroup|population|cohort|patients|subset|pts))|Their)\b",
    re.I,
)
# figures of how a treatment or a test is given, whatever endpoint their sentence names
_HOW_GIVEN = frozenset({"schedule", "dose", "randomization ratio"})
# three values or more with slashes between and no arms said: "50% / 38% / 39%"
_SLASH_LIST = re.compile(r"\d[\d.]*\s*%?(?:\s*/\s*\d[\d.]*\s*%?){2,}")
_COMBINATION = "combination"  # the vocabulary's arm of treatments given together
_PLUS_JOINED = re.compile(r"[A-Za-z)]\s*\+\s*[A-Za-z(]")  # "nCRT + surgery", "FOLFOX+bev"
# ... but not a placebo given with the backbone ("Placebos + TACE") nor a sequence of phases
# ("NIVO + cCRT → NIVO": the arm is named by what it gives last)
_NOT_ADDED = re.compile(r"\bplacebos?\b|\bsham\b|→|->", re.I)
_STAGE_SAID = re.compile(r"\bstages?\s+(?:[0IV]+[A-C]?|[1-4][A-C]?)\b", re.I)
_THAT_GROUP = "\x00that-group"  # a back reference: it names no population a question can match
# a dose received or summed, not the dose given: "the median average daily dose of X was",
# "for a total daily dose of"; and a question asking for one
_DOSE_KIND = re.compile(
    r"\b(?:average|mean|median|total|cumulative|actual)\b[\w\s-]{0,20}\bdoses?\b", re.I
)
# a dose the same for everyone asked ("flat dose", "fixed-dose"), and a dose by body size
_FLAT_DOSE_ASKED = re.compile(r"\b(?:flat|fixed)[- ]dos(?:e|es|ing)\b", re.I)
_PER_BODY_SIZE = re.compile(r"/\s*(?:kg|m2|m²)\b", re.I)
_DOSE_KIND_ASKED = re.compile(
    r"\b(?:average|avg|mean|median|total|cumulative|actual(?:ly)?|received|intensity)\b", re.I
)
_ARM_BEFORE_SPLIT = re.compile(r"[,;:]|\b(?:or|and|to|vs|versus)\b", re.I)
_PER_ARM = re.compile(
    r"\b(?:per|each|by|both|every)\s+(?:\w+\s+)?(?:arms?|groups?|cohorts?)\b|\bin each\b", re.I
)
_DOSE_CEILING = re.compile(
    r"\b(?:maximum|max\.?|up to|escalated|increased)\b(?:\s+(?:to|of|a|the|dose|maximum))*\s*$",
    re.I,
)
# "max titrated dose", "escalated to what dose" (not "max number of cycles")
_DOSE_CEILING_ASKED = re.compile(
    r"\b(?:max|maximum|highest|top)\b(?:\s+(?!number\b|of\b)[\w-]+){0,2}?\s+dos(?:e|ing)\b"
    r"|\b(?:escalated|titrated|increased)\s+(?:up\s+)?to\b",
    re.I,
)
_LISTED_PART = re.compile(r"^(?:for|in)\s+([^,;.()]+?)(?=\s+and\b|[,;.)]|$)", re.I)
# a row label's unit, or units ("Median OS, months (95% CI)")
_UNIT_LABEL = re.compile(
    r"^(?:\(?(?:%|months?|mo|weeks?|years?|n|no\.|95% CI|mg|days?)\)?\s*)+$", re.I
)
_PAIR_OF_VALUES = re.compile(
    r"\d[\d.,]*\s*(?:%|percent|months?|mo)?\s+(?:vs\.?|versus)\s+\d[\d.,]*\s*(?:%|percent)?", re.I
)
_COMPARED = r"vs\.?|versus|compared (?:with|to)"
_COMPARED_WITH = re.compile(rf"\b(?:{_COMPARED})\s", re.I)
_NEXT_COMPARISON = re.compile(r"\b(?:and|or)\s+(?:for|with|in)\s", re.I)
_THAN = re.compile(rf"\b(?:{_COMPARED}|than)\s", re.I)  # "longer with A than with B"
_VERSUS = re.compile(rf"\b(?:{_COMPARED}|against|over)\s", re.I)
# "without baseline ", "w/o ", "non-"; "not " right before ("had not experienced CNS ...")
_NEGATED_BEFORE = re.compile(r"(?:\b(?:without|no|non)|\bw/o)[\s-]+(?:\w+\s+)?$|\bnot\s+$", re.I)
_CLAUSE_END = re.compile(r"[,;:()|\n]|\.(?!\d)")  # not the point of "36.3 months with X"
# "Patients given encorafenib alone had a median OS of": the sentence's subject names the arm
_SUBJECT_ARM = re.compile(
    r"^(?:patients|those|people|participants)\s+(?:given|receiving|who\s+received|"
    r"treated\s+with|on|randomi[sz]ed\s+to|assigned\s+to)\s+(?P<arm>[\w/+ -]{3,50}?)\s+"
    rf"{OUTCOME_VERBS}\b[^,;]*$",
    re.I,
)
_LABEL_ARM = re.compile(
    r"\b(?:with|on|in|among|for|of)\s+(?:the\s+)?(?P<arm>[\w/+ -]{3,50}?)\s+"
    r"(?:arm|group|was|were|is|had|reached)\b[^,;]*$",
    re.I,
)


# a drug named as the control arm's: "azacitidine alone", "placebo plus azacitidine",
# "placebo-azacitidine", "azacitidine monotherapy"
_CONTROL_ARM_DRUG = re.compile(
    r"\b[\w/-]+\s+(?:alone|monotherapy)\b|\bplacebo(?:\s+plus\s+|\s*[-+/]\s*)[\w/-]+"
    r"|\b[\w/-]+(?:\s+plus\s+|\s*[-+/]\s*)placebo\b",
    re.I,
)
_NUMBERED_PART = re.compile(r"\b(?:cohort|part|arm|group)\s+[A-Z0-9]{1,2}\b", re.I)
_COMPARISON = re.compile(r"(?P<x>[\w+/-]+(?:\s+[\w+/-]+)?)\s+comparison\b", re.I)


def _comparator_words(question: str) -> str:
    """The words naming the arm a question compares with: after "vs" ("nivo+ipi vs chemo"),
    or before "comparison" ("in the chemo comparison")."""
    m = _COMPARISON.search(question)
    if m:
        return m.group("x")
    m = _VERSUS.search(question)
    return question[m.end() :] if m else ""


def _arm_after_count(sentence: str, fig: Figure) -> str:
    """The arm of a share in brackets after a count, said after the bracket ("two (0.8%) in
    the standard-of-care group")."""
    if not _COUNT_BRACKET.search(sentence[: fig.start]):
        return ""
    scope = fig.scope.strip()
    if not scope.startswith(")"):
        return ""
    return arm_phrase(replace(fig, scope=scope[1:])) or ""


_COUNT_BRACKET = re.compile(
    r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"(?:\s+(?:patients?|pts|participants?|people|deaths?|events?))?\s*\(\s*$",
    re.I,
)


def _label_arm(fig: Figure) -> str:
    """An arm said before the value ("The corresponding rate with crizotinib was 8%")."""
    m = _LABEL_ARM.search(fig.label[-80:]) or _SUBJECT_ARM.search(fig.label)
    return m.group("arm") if m else ""


def _label_after_previous_arm(sentence: str, fig: Figure) -> str:
    """A figure's label without the arm said right after the value before it, which is that
    value's ("79.0% with A versus 65.4% with control, and at 24 months it was 57.0%": "with
    control" is 65.4%'s)."""
    pos = sentence.rfind(fig.label, 0, fig.start) if fig.label else -1
    if pos <= 0 or not _VALUE_BEFORE.search(sentence[:pos]):
        return fig.label
    return _LEADING_ARM.sub("", fig.label)


_VALUE_BEFORE = re.compile(r"\d(?:\s*%|\s*(?:months?|mo|weeks?|years?))?\s*$")
# "..., with A; 40%", "with A compared with 36%": the words up to the next clause or comparison
_LEADING_ARM = re.compile(
    r"^(?:of\s+(?:the\s+)?(?:patients|pts)\s+)?(?:with|in|for|on|among)\b(?:[^,;]*[,;]\s*"
    r"|[^,;]*?\b(?:compared\s+(?:with|to)|versus|vs\.?|against)\s*$)",
    re.I,
)


def _without_regimens(text: str, brands: dict[str, list[str]], vocab: Vocabulary) -> str:
    """``text`` without the names of combinations (an article's "STRIDE", the brand
    "Opdualag"): left are the single drugs it names."""
    combos = [n for n, drugs in brands.items() if len(drugs) > 1]
    for name in [*combos, *vocab.combination_brands]:
        text = re.sub(rf"(?<![\w+/]){re.escape(name)}(?![\w+/])", " ", text, flags=re.I)
    return text


def _brands(article: object) -> dict[str, list[str]]:
    """The other names of the article's drugs: its brand names ("keytruda": pembrolizumab) and
    the combinations it abbreviates ("ev+p": enfortumab, vedotin, pembrolizumab; "GC,
    gemcitabine-cisplatin")."""
    meta = getattr(article, "meta", {}) or {}
    names = {str(k): [str(d) for d in v] for k, v in meta.get("brands", {}).items()}
    drugs = {str(d).casefold() for d in meta.get("drugs", [])}
    for short, long in meta.get("aliases", {}).items():
        named = _drugs_spelt(str(long), drugs)
        known = names.get(str(short).casefold(), [])
        if len(named) > len(known) and (re.search(r"[+/]", str(short)) or len(named) > 1):
            names[str(short).casefold()] = named  # "GemCis": gemcitabine plus cisplatin
        elif len(named) == 1 and not known and _clips(str(short), named[0]):
            names[str(short).casefold()] = named  # "chlorambucil (Clb)": one drug's short name
    return names


def _clips(short: str, drug: str) -> bool:
    """A short name made of a drug's own letters, in order, from its first ("Clb" of
    chlorambucil), not a code of other letters."""
    letters = "".join(c for c in short.casefold() if c.isalpha())
    return (
        len(short) >= 3
        and letters[:1] == drug[:1].casefold()
        and in_order(letters, drug.casefold())
    )


def _drugs_named(
    text: str, drugs: list[str], vocab: Vocabulary, brands: dict[str, list[str]] | None = None
) -> set[str]:
    """The drugs (of the article's, or any word with a drug name's ending) and the classes
    chemotherapy and placebo that ``text`` names, clipped names ("pembro", "nivo") and the
    article's brand names ("Keytruda": pembrolizumab) included. Asked of the same question
    and article for every candidate figure, so remembered."""
    key = (id(vocab), text, tuple(drugs), tuple((k, tuple(v)) for k, v in (brands or {}).items()))
    found = _DRUGS_SEEN.get(key)
    if found is None:
        if len(_DRUGS_SEEN) > 20_000:
            _DRUGS_SEEN.clear()  # bound the memory; sentences and questions repeat
        found = _DRUGS_SEEN[key] = frozenset(_find_drugs(text, drugs, vocab, brands))
    return set(found)


_DRUGS_SEEN: dict[tuple[object, ...], frozenset[str]] = {}
# words that make a drug's name an adjective of the patients or regimen given it (not
# "-pretreated", "-naive", "-refractory": a population's history)
_GIVEN_SUFFIX = re.compile(r"-(?:treated|based|containing)$")


def _find_drugs(
    text: str, drugs: list[str], vocab: Vocabulary, brands: dict[str, list[str]] | None
) -> set[str]:
    out = set()
    for name, generic in (brands or {}).items():
        # "EV+P": a combination the article abbreviates, by its drugs
        if not name.isalnum() and re.search(
            rf"(?<![\w+/]){re.escape(name)}(?![\w+/])", text.casefold()
        ):
            out.update(generic)
    # "trifluridine/tipiracil-plus-bevacizumab": each drug of a compound
    text = re.sub(r"-(plus|and|with|or)-", r" \1 ", text, flags=re.I)
    # "L+P", "N/I": a combination by its drugs' capital initials, each the start of one drug
    # (not "d/t", due to)
    for m in re.finditer(r"(?<![\w+/])([A-Z])\s*[+/]\s*([A-Z])(?![\w+/])", text):
        for letter in m.groups():
            hit = [d for d in drugs if d.startswith(letter.casefold())]
            if len(hit) == 1:
                out.add(hit[0])
    words: list[str] = []
    # ("5-FU", "5FU": a drug's abbreviation that starts with its digit)
    for w in re.findall(r"(?<![\w-])\d-?[a-z]{2,}(?![\w-])|[a-z][a-z0-9-]+", text.casefold()):
        w = _GIVEN_SUFFIX.sub("", w)  # "erdafitinib-treated patients": erdafitinib's arm
        parts = w.split("-")
        formulated = [d for d in drugs if len(parts) > 1 and d.startswith(w)]
        formulated = [d for d in formulated if vocab.is_formulation(d)]
        if len(formulated) == 1:
            out.add(formulated[0])  # "nab-pac", "nab-paclitaxel": the formulation named
            continue
        # "lenvatinib-everolimus", "venetoclax-azacitidine": a pair of the article's drugs
        if len(parts) > 1 and all(
            any(d.startswith(p) for d in drugs) or p in vocab.drug_classes for p in parts if p
        ):
            # ... or of a drug and a class: "chemotherapy-placebo", "placebo-azacitidine"
            words.extend(p for p in parts if len(p) >= 4)
        elif nickname := _nicknamed(parts, drugs, vocab, brands):
            out.update(nickname)  # "cilta-cel": ciltacabtagene autoleucel
        else:
            words.append(w)
    for w in words:
        if brands and w in brands:
            out.update(brands[w])
            continue
        if w in vocab.brands:  # a brand the article does not name: its generic name
            spelt = vocab.brands[w].casefold()
            if spelt in drugs and " " not in spelt:  # ("Ra-223": radium-223, one word)
                out.add(spelt)
            else:
                out.update(p for p in re.findall(r"[a-z]+", spelt) if len(p) > 5)
            continue
        if w in vocab.drug_classes:
            out.add(vocab.drug_classes[w])
            continue
        if vocab.is_drug_name(w):
            out.add(w)
            continue
        # a clipped name ("pembro", "ipi", "bev") when it starts one drug of the article's
        hit = [d for d in drugs if len(w) >= 3 and d.startswith(w)]
        if len(hit) == 1:
            out.add(hit[0])
    return out


def _graded_later(
    sentence: str, fig: Figure, terms: list[Term], codes: tuple[str, ...] = ()
) -> bool:
    """The sentence says grade 3 or higher (or the one grade asked, ``codes``: "grade 3") only
    of values after another one that follows ``fig`` ("58.6% vs 8.6% of patients (grade 3-4 in
    5.6% vs 0%)", "in 11% of patients, with grade 3 events in 4%"): ``fig`` is of any grade."""
    starts = [t.start for t in terms if t.key == SEVERE] + [
        m.start()
        for c in codes
        for m in re.finditer(rf"(?<![\w-]){re.escape(c)}(?![\w-])", sentence, re.I)
    ]
    if not starts or any(start < fig.start for start in starts):
        return False
    first = min(starts)
    if re.search(r"\d(?:\.\d+)?\s*%", sentence[fig.end : first]):
        return True  # another value comes between
    if re.match(r"[^.;()%]{0,40}?\bin\s+\d(?:\.\d+)?\s*%", sentence[first:]):
        return True  # "..., with grade 3 events in 4%": the grade has a value of its own
    # ... or the grade opens brackets of values of its own
    bracket = re.match(r"[^()]*\(([^()]*)\)", sentence[fig.end :])
    return bool(
        bracket
        and fig.end + bracket.start(1) <= first < fig.end + bracket.end(1)
        and re.search(r"\d(?:\.\d+)?\s*%", bracket.group(1))
    )


def _cite(s: Sentence) -> Citation:
    """The citation of the one sentence an answer quotes."""
    return Citation(1, s.article.title, s.article.source, s.text, s.article.id, s.start, s.end)


def _drugs_spelt(long_form: str, drugs: set[str]) -> list[str]:
    """The article's drugs an abbreviation's long form spells out ("gemcitabine plus
    cisplatin"), in order."""
    return [w for w in re.findall(r"[a-z]+", long_form.casefold()) if w in drugs]


# a trial's registry number: ClinicalTrials.gov's, ISRCTN's, EudraCT's, a Japanese registry's
_REGISTRY_ID = re.compile(r"\b(?:NCT\d{8}|ISRCTN\d{6,8}|\d{4}-\d{6}-\d{2}|UMIN\d{9}|jRCT\w+)\b")
# a time point said right after its value: "71% at 18 weeks", "46% by week 24"
_AT_AFTER = re.compile(r"\s*(?:at|by)\s+(?:week\s+)?\d", re.I)
# "from 8.1 months to 11.7 months compared with gemcitabine alone": a value moved from the
# comparator's to the subject's, and the comparator said after it
_FROM_TO = re.compile(r"[^\s,;]+(?:\s+(?:months?|mo|years?|weeks?))?\s+to\s+")
_AGAINST_AFTER = re.compile(
    r"[^.;]{0,20}?\b(?:compared\s+with|compared\s+to|versus|vs\.?|over|relative\s+to)\s+"
    r"(?P<arm>[^,.;()]{3,60})"
)
# an arm asked as a regimen by itself ("FOLFOX4-only", "R-CHOP alone"), and one that adds to it
_ALONE = re.compile(r"(?:\b|-)(?:alone|only)\b", re.I)
# a drug asked on its own ("durva mono"), and the control arm asked by its word
_ALONE_OR_MONO = re.compile(r"(?:\b|-)(?:alone|only|mono|monotherapy|single[\s-]agent)\b", re.I)
_CONTROL_WORD = re.compile(
    r"\b(?:control|comparator|ctrl|placebo|pbo|SOC|standard|choice|best available)\b", re.I
)
_ADDED_TO = re.compile(r"\+|\bplus\b", re.I)
_STATISTIC_HEADER = re.compile(
    r"\b(?:HR|OR|CI|P|p-?values?|hazard|odds|ratio|difference|delta)\b|^Δ", re.I
)


def _column_of_another_code(sentence: str, fig: Figure, asked: set[str]) -> bool:
    """A table row's cell under a header that names none of the codes asked, while another
    header of the row names one ("FOLFOX4 alone" asked: "C: Bev alone (n=243): 41%" is the
    third arm's, beside "B: FOLFOX4 (n=291): 43%")."""
    if not is_table_row(sentence):
        return False
    _, cells = row_cells(sentence)
    own = _cell_head(sentence, fig)
    if not own or _STATISTIC_HEADER.search(own) or any(_names_regimen(own, c) for c in asked):
        return False  # (a column of the comparison's statistics, "HR (95% CI)", "P", is no arm)
    return any(_names_regimen(h, c) for h, _, _ in cells for c in asked)


def _regimen_codes(article: ArticleRecord) -> list[str]:
    """The codes an article names its arms by: those it uses as arms ("84% with AC-TH") and
    the abbreviations it defines by two drugs or more ("TCH"; not "Clb", one drug's)."""
    meta = article.meta
    drugs = {str(d).casefold() for d in meta.get("drugs", [])}
    defined = [
        str(a)
        for a, long in meta.get("aliases", {}).items()
        if str(a).casefold() in drugs and len(_drugs_spelt(str(long), drugs)) >= 2
    ]
    return [*(str(r) for r in meta.get("regimens", [])), *defined]


def _code_words(article: ArticleRecord) -> set[str]:
    """The article's regimen codes as question words (casefolded): "gdp", "dhap"."""
    return {c.casefold() for c in _regimen_codes(article)}


def _regimens_asked(text: str, codes: set[str] | list[str]) -> set[str]:
    """The regimen codes ``text`` names: as typed, or a combined code by each of its parts
    ("VAC alternating VI" names "VAC/VI", and then not "VAC" alone)."""
    asked = {c for c in codes if _names_regimen(text, c)}
    if any(re.search(r"[/+]", c) for c in asked):
        return asked  # ("AUTO/LEN" typed: not "AUTO/AUTO" by its parts)
    for code in codes:
        parts = [p for p in re.split(r"[/+]", code) if p]
        if len(set(parts)) > 1 and all(_names_regimen(text, p) for p in parts):
            asked = (asked | {code}) - set(parts)
    return asked


def _names_regimen(text: str, code: str) -> bool:
    """``text`` names the regimen ``code``: as typed, or in any case when it has three
    letters or more ("tch"; "pc" or "go" lower case are words)."""
    if names_code(text, code):
        return True
    return sum(c.isalpha() for c in code) >= 3 and names_code(text.casefold(), code.casefold())


def _inflected(asked: set[str], words: set[str]) -> set[str]:
    """The asked words of six letters or more that ``words`` say in a longer form of the same
    word ("transplant": "transplantation", "transplanted")."""
    return {a for a in asked if len(a) >= 6 and any(w.startswith(a) and w != a for w in words)}


def _article_drugs(article: ArticleRecord) -> list[str]:
    """An article's annotated drugs, lower case."""
    return [str(d).casefold() for d in article.meta.get("drugs", [])]


def _cells_of_a_row(run: list[Figure]) -> str:
    """A table row's values side by side, each with whose it is: its row label ("Int/poor risk:
    nivo+ipi: 42%"), or, when the values share one row label, their column headers ("All
    randomised (n=749): Median OS, pembrolizumab + chemo: 12.4; Median OS, placebo + chemo:
    9.8")."""
    scopes = {f.scope for f in run}
    if len(scopes) == 1 and len({f.label for f in run}) == len(run) and all(f.label for f in run):
        scope = run[0].scope
        cells = "; ".join(f"{f.label}: {f.text}" for f in run)
        return f", {scope}: {cells}" if scope else f": {cells}"
    return ": " + "; ".join(f"{f.scope}: {f.text}" if f.scope else f.text for f in run)


def _asks_control(q: Question, asked_text: str, vocab: Vocabulary) -> bool:
    """The question asks for the control arm ("the placebo arm", "pembro alone"); one that
    compares two arms ("pembro vs placebo") asks first for the arm it names first."""
    said = any(t.key == CONTROL_ARM for t in vocab.terms(asked_text))
    if asked_text != q.text:
        return said
    return said or any(key == CONTROL_ARM for key, _ in q.qualifiers)


def _nicknamed(
    parts: list[str], drugs: list[str], vocab: Vocabulary, brands: dict[str, list[str]] | None
) -> set[str]:
    """The drug a two-part nickname stands for, by the start of its name and the end of its
    last word ("cilta-cel": ciltacabtagene autoleucel, "tisa-cel": tisagenlecleucel): one
    drug word, or the two words of one generic name."""
    if len(parts) != 2 or len(parts[0]) < 3 or len(parts[1]) < 3:
        return set()
    first = [d for d in drugs if d.startswith(parts[0])]
    last = [d for d in drugs if d.endswith(parts[1]) and len(d) > len(parts[1]) + 3]
    if len(first) != 1 or len(last) != 1:
        return set()
    one_name = [first[0], last[0]]  # the two words of a generic name a brand stands for
    if first == last or " ".join(one_name) in vocab.generic_names:
        return set(one_name)
    return set(one_name) if one_name in (brands or {}).values() else set()


def _other_score(asked: list[str], said: set[str]) -> bool:
    """The question names a score (a performance status, a staining score) and the figure's
    part another of the same kind: "IHC 2+" asked, "IHC 3+" said."""
    for kind in ("ps:", "ihc:"):
        mine = {a for a in asked if a.startswith(kind)}
        theirs = {c for c in said if c.startswith(kind)}
        if mine and theirs and not mine & theirs:
            return True
    return False


def says_population(words: list[str], sentence: str, section: str = "") -> bool:
    """Every word of a population the question names is in the sentence or the heading of its
    section: whole, as the start of a word ("bev" in "bevacizumab", "mets" in "metastases"), or
    as a phrase ("cohort 2", "<1"). A score cut-off is the sentence's, else the section's."""
    folded = us_spelling(f"{sentence} {section}".casefold())  # "oesophageal" is "esophageal"
    tokens = re.findall(r"[a-z0-9]+", folded)
    # a word the sentence says in two or three parts: "wildtype" as "wild-type", "wild type"
    joined = {"".join(tokens[i : i + n]) for n in (2, 3) for i in range(len(tokens) - n + 1)}
    squashed = re.sub(r"\s+", "", folded)
    cuts = {score_cut_key(m) for m in SCORE_CUT.finditer(sentence)} or {
        score_cut_key(m) for m in SCORE_CUT.finditer(section)
    }
    ages = age_cuts(sentence) or age_cuts(section)
    for w in map(us_spelling, words):
        if w == "risk" and _RISK_LEVELS & set(words):
            continue  # "MSKCC poor-risk" asked: a row "MSKCC poor" says it
        if w.startswith("not "):  # "w/o pCR": the sentence says those without it
            if not re.search(
                rf"\b(?:without|not|no|non|never)\b[\w\s-]{{0,30}}\b{re.escape(w[4:])}", folded
            ):
                return False
            continue
        if w.startswith("cohort:"):  # "cohort A" is not said by "cohorts A and B"
            if w not in lettered_cohorts(sentence) | lettered_cohorts(section):
                return False
            continue
        if w.startswith("ps:"):  # "ECOG 0": that performance status, said any way
            if w not in performance_statuses(sentence) | performance_statuses(section):
                return False
            continue
        if w.startswith("ihc:"):  # "IHC 2+": that staining score, said any way
            if w not in ihc_scores(sentence) | ihc_scores(section):
                return False
            continue
        if w.startswith("cut:"):  # "Ki-67 >=30%": that marker's cut-off, said any way
            if w not in marker_cuts(sentence) | marker_cuts(section):
                return False
            continue
        if w.startswith("age") and re.fullmatch(r"age(?:<|>=)\d+", w):
            if w not in ages:
                return False  # no age said, or another age ("65 or older" for "<60")
            continue
        if re.fullmatch(r"[a-z]+(?:<|>=|=)[\d-]+", w):
            score = re.match(r"[a-z]+", w)
            same_score = {c for c in cuts if score and c.startswith(score.group(0))}
            if w not in same_score:
                return False  # another cut-off's figure ("CPS >=1" for "CPS5+"), or everyone's
            continue
        if " " in w or not w.isalnum():
            # "node+" is said "node-positive" too
            forms = {w, f"{w[:-1]}-positive", f"{w[:-1]}positive"} if w.endswith("+") else {w}
            if not any(_signs(f.replace(" ", "")) in _signs(squashed) for f in forms):
                return False
            continue
        root = w[:-1] if len(w) > 3 and w.endswith("s") else w
        if not any(t == w or (len(root) >= 3 and t.startswith(root)) for t in tokens) and (
            w not in joined
        ):
            return False
    return True


_TARGET_CUE = r"target(?:s|ed|ing)?|directed|antigen|binds|binding to"


@lru_cache(maxsize=4)
def _spaced_forms(forms: tuple[str, ...]) -> frozenset[str]:
    """A group's forms as a hyphen-spaced sentence says them, built once per vocabulary."""
    return frozenset(f.casefold().replace("-", " ") for f in forms)


_RISK_LEVELS = frozenset({"poor", "intermediate", "favorable", "favourable", "high", "low"})


def _signs(text: str) -> str:
    """Comparison signs one way: ">=4 prior lines" is said "≥4" too."""
    return text.replace("≥", ">=").replace("≤", "<=")


# "at 20 years", "20-year", "by 5 yrs", "10-yr": a time point in years or months; unlike
# LANDMARK (a rate's landmark), also the time an analysis is at ("Eighteen-year follow-up")
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        re.findall(
            r"\w+",
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen twenty",
        )
    )
}
_COUNT = rf"(\d{{1,2}}|{'|'.join(_NUMBER_WORDS)})"
# an arm said by how many courses of its treatment it gives: "four cycles", "the 6-cycle arm",
# "5 fractions"; asked, also "4x R-CHOP"
_COURSES = re.compile(rf"\b{_COUNT}[\s-]*(cycle|course|fraction)s?\b", re.I)
_TIMES = re.compile(r"\b(\d{1,2})\s?x\s+(?=[A-Z])")


def _scope_to_end(fig: Figure) -> str:
    """A figure's words after it up to the end of its own phrase (``SCOPE_END``: "with 15
    fractions" of "2.1% with 15 fractions and 1.4% with 5 fractions")."""
    scope = fig.scope.strip()
    cut = SCOPE_END.search(scope)
    return scope[: cut.start()] if cut else scope


def _own_courses(fig: Figure) -> set[tuple[str, str]]:
    """The courses a figure's own words say ("2.1% with 15 fractions and 1.4% with 5
    fractions": 15 for 2.1%)."""
    return _courses(_scope_to_end(fig))


# how often a drug is given, one spelling each: "weekly" (1), "3-weekly", "three-weekly",
# "q3w", "every 3 weeks" (3), "biweekly", "fortnightly", "every 2 weeks" (2)
_SCHEDULE = re.compile(
    r"\b(?:(?P<n>\d|two|three|four|six)[\s-]?weekly|q\s?(?P<q>\d)\s?w(?:ks?|eeks?)?"
    r"|every\s+(?P<e>\d|two|three|four|six)\s+weeks|(?P<w>weekly|once a week)"
    r"|(?P<b>biweekly|fortnightly))\b",
    re.I,
)


def schedules(text: str) -> set[int]:
    """The dosing intervals, in weeks, ``text`` names ("weekly cisplatin vs 3-weekly": 1, 3)."""
    found = set()
    for m in _SCHEDULE.finditer(text):
        n = m.group("n") or m.group("q") or m.group("e")
        if n:
            found.add(int(_NUMBER_WORDS.get(n.casefold(), n)))
        else:
            found.add(1 if m.group("w") else 2)
    return found


def _course_lengths(text: str) -> set[str]:
    """The courses' lengths ``text`` names as arms ("the 6-month arm", "with 6 months", a
    column headed "6 months": "6 month")."""
    found = [*_COURSE_SAID.finditer(text)] or [*_COURSE_HEADER.finditer(text)]
    return {f"{m.group('n')} {m.group('unit').casefold().removesuffix('s')}" for m in found}


def _cell_head(row: str, fig: Figure) -> str:
    """The header of the cell of a table row that holds ``fig`` ("6 months" of "| 6 months:
    9%"), or ""."""
    return next((h for h, v, at in row_cells(row)[1] if at <= fig.start < at + len(v)), "")


# a table column headed by a course's length alone: "6 months", "3 months (n = 3,044)"
_COURSE_HEADER = re.compile(
    r"^\s*(?P<n>\d+)[\s-](?P<unit>months?|years?|weeks?)\s*(?:\([^()]*\))?\s*:?\s*$", re.I
)


def _schedule_marked(q_text: str, s: Sentence, fig: Figure, run: list[Figure]) -> bool | None:
    """Arms of one drug told apart by how often it is given ("71.6% weekly vs 59.1%
    3-weekly") or for how long ("75.0% in the 3-month arm and 76.7% in the 6-month arm"):
    whether ``fig``'s own words name the one schedule asked (True) or another listed
    figure's do (False); None when the question or the figures name none."""
    for marks in (schedules, _course_lengths):
        decided = _marked_by(marks, q_text, s, fig, run)
        if decided is not None:
            return decided
    return None


def _marked_by(
    marks: Callable[[str], set[int]] | Callable[[str], set[str]],
    q_text: str,
    s: Sentence,
    fig: Figure,
    run: list[Figure],
) -> bool | None:
    asked = marks(q_text)
    if len(asked) != 1 or len(run) < 2 or all(f.start != fig.start for f in run):
        return None
    cell = is_table_row(s.text)
    # (a prose value's own words run to the next comparison or clause: "with 3 months")
    own = [
        marks(_cell_head(s.text, f) if cell else SCOPE_END.split(s.text[f.end : f.end + 60])[0])
        for f in run
    ]
    if not all(own) or len({frozenset(o) for o in own}) < len(own):
        return None
    return asked <= own[[f.start for f in run].index(fig.start)]


def _own_arm_words(fig: Figure, vocab: Vocabulary, cell: bool) -> set[str]:
    """The words of a listed figure's own arm: "with short dexamethasone" of "89.6% with short
    dexamethasone vs ...", a row's ``cell`` label ("Short dex (10 mg/m2 x 14 d)": short, dex);
    none for words that are no arm's ("58%, compared with 29%")."""
    own = re.split(r"[(\[]", _scope_to_end(fig), maxsplit=1)[0]
    if not cell and not SCOPE_PHRASE.match(own):
        return set()
    # ... up to its arm's noun: "in the placebo group stopped treatment early": the placebo group
    noun = ARM_WORD.search(own)
    own = own[: noun.end()] if noun else own
    return {w for w in tokenize(own, vocab.stopwords) if w.isalpha()}


def _courses(text: str, asked: bool = False) -> set[tuple[str, str]]:
    """The (number, kind) of courses ``text`` says ("six cycles": ("6", "cycle"))."""
    said = {
        (_NUMBER_WORDS.get(n.casefold(), n), kind.casefold()) for n, kind in _COURSES.findall(text)
    }
    if asked:
        said |= {(n, "cycle") for n in _TIMES.findall(text)}
    return said


_TIME_POINT = re.compile(
    rf"\b(?:(?:at|by|after)\s+{_COUNT}\s*(?:years?|yrs?|months?|mos?)\b"
    rf"|{_COUNT}[\s-]?(?:years?|yrs?|y|months?|mos?|mo)\b(?!\s+(?:old|of|or\b)))",
    re.I,
)


def _time_points(text: str) -> set[str]:
    """The time points ``text`` names ("at 20 years", "18-year", "Eighteen-year"), each as its
    number and unit's first letter ("20y", "18y")."""
    points = set()
    for m in _TIME_POINT.finditer(text):
        count = (m.group(1) or m.group(2)).casefold()
        unit = re.search(r"[A-Za-z]", text[m.end(1) if m.group(1) else m.end(2) :])
        points.add(f"{_NUMBER_WORDS.get(count, count)}{unit.group(0).casefold() if unit else ''}")
    return points


def _other_time_point(question: str, sentence: str) -> bool:
    """The question names a time point ("at 20 years") and the sentence names others, not it
    ("at 18 years")."""
    asked = _time_points(question)
    said = _time_points(sentence)
    return bool(asked and said and not asked & said)


def _time_point_unsaid(question: str, where: list[str]) -> bool:
    """The question names a time point ("10y larynx preservation") and none of ``where`` (a
    sentence, its heading, lead-in and the sentences before it) says it."""
    asked = _time_points(question)
    return bool(asked) and not any(asked & _time_points(w) for w in where if w)


def _asks_total_and_arms(q: Question) -> bool:
    """ "How many were randomised, and how many per arm?": the total and the arms' sizes."""
    return q.target == "enrollment" and bool(_PER_ARM.search(q.text) and _TOTAL_TOO.search(q.text))


_TOTAL_TOO = re.compile(
    r"\b(?:total|overall|in all|altogether)\b|\band how many\b"
    r"|\band\s+(?:per|each|by|in each)\s",  # "n randomised in CLL8 and per arm?": both asked
    re.I,
)
_SAME_TIME_IN_BRACKETS = re.compile(
    r"\s*\((?:about\s+|approximately\s+|~\s?)?\d+(?:\.\d+)?\s*(?:months?|mo|years?|weeks?)\)",
    re.I,
)


def _arm_words(s: Sentence, fig: Figure) -> str:
    """The words that may name a figure's arm: a table row's label; for an arm's size in
    brackets, the words before the bracket ("12 mg/kg every 3 weeks (n = 42)"); else the phrase
    after it."""
    if is_table_row(s.text):
        return fig.scope
    bracket = size_bracket(s.text, fig)
    if bracket is not None:
        return _ARM_BEFORE_SPLIT.split(s.text[:bracket])[-1]
    return arm_phrase(fig) or ""


def _other_value_named(q: Question, text: str) -> bool:
    """The question names a value ("the 6.1 Gy fractions", "the 240 mg arm") and the text
    says another of its unit, not that one."""
    said = named_values(text)
    return any(v not in said and any(_same_unit(v, o) for o in said) for v in q.values)


def _says_code(code: str, s: Sentence) -> bool:
    """A code the question names ("L858R", "PRRT") is said by the sentence, its section or its
    article's title, or is part of the article's trial name ("8HW": CheckMate 8HW)."""
    if code_shape(code) == "stage":
        # "stage IIIA" is not said by a range of stages ("stage II-IIIA", "IB-IIIA")
        alone = re.compile(rf"(?<![\w‐‑–-]){re.escape(code)}(?![\w‐‑–-])", re.I)
        return any(alone.search(where) for where in (s.text, s.section, s.article.title))
    if any(_has_word(where, code) for where in (s.text, s.section, s.article.title)):
        return True
    return any(code.casefold() in name_key(str(t)) for t in s.article.meta.get("trials", []))


# a value said roughly: "about 86%", "roughly a third", "nearly 40%"
_HEDGED = re.compile(
    r"\b(?:about|approximately|approx\.|roughly|around|nearly|almost|some|~)\s*$", re.I
)


def _initials_in(word: str, text: str) -> bool:
    """``text`` has words in a row whose initials spell ``word`` ("RCC": "Renal Cell
    Carcinoma")."""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", text)).casefold()
    return len(word) >= 2 and word.isalpha() and word.casefold() in initials


# a group and its value in brackets, as lists of subgroups say them: "patients refractory to
# lenalidomide (HR 0.52)", "those with high-risk cytogenetics (HR 0.47)"
_JOINED_BEFORE = re.compile(r"\)\s*(?:and|or)$")
_BRACKETED_GROUP = re.compile(
    r"(?:^|(?<=[,;:])|(?<=\band\b)|(?<=\bor\b)|(?<=\bincluding\b))"
    r"(?P<words>[^,;:()]+)\((?P<value>[^()]*)\)"
)


def _same_heading(a: str, b: str) -> bool:
    """Two headings alike but for case, emphasis and spacing."""

    def key(text: str) -> str:
        return " ".join(re.sub(r"[*_#]", " ", text).casefold().split())

    return bool(a.strip()) and key(a) == key(b)


def _has_word(text: str, word: str) -> bool:
    dashes = str.maketrans("‐‑–—", "----")
    pattern = re.escape(word.translate(dashes))
    return re.search(rf"(?<!\w){pattern}(?!\w)", text.translate(dashes), re.I) is not None


# a drug's development code: "CPX-351", "DS-8201a", "TAS-102"
_DRUG_CODE = re.compile(r"[A-Z]{2,4}-\d{3,6}[a-z]?")


def _other_stage(codes: list[str], part: set[str]) -> bool:
    """The question names a stage ("IIC") and the figure's part of the population another one
    ("stage IIB"), not that one."""
    asked = {p for c in codes if roman_numeral(c.upper()) for p in re.split(r"[-–/]", c.upper())}
    said = {p for w in part if roman_numeral(w.upper()) for p in re.split(r"[-–/]", w.upper())}
    return bool(asked and said and not asked & said)


_ARM_COLUMN = re.compile(r"(?:arms?|groups?|treatment|regimen)", re.I)


def _withheld(
    text: str,
    asked: set[str],
    drugs: list[str],
    vocab: Vocabulary,
    brands: dict[str, list[str]],
    pronoun: bool = False,
) -> bool:
    """``text`` says an asked drug withheld: "without nelarabine", "No nelarabine", "the
    no-nelarabine pts", "w/o"; with ``pronoun``, "without it" too."""
    for m in _WITHOUT.finditer(text):
        if pronoun and m.group("what").casefold() in ("it", "them", "the drug"):
            return True
        if asked & _drugs_named(m.group("what"), drugs, vocab, brands):
            return True
    return False


_WITHOUT = re.compile(
    r"(?<![\w-])(?:without|no|w/o|minus)[\s-]+(?P<what>the drug|[\w-]+(?:[\s-][\w-]+)?)", re.I
)


# the nouns that say a value's words name a part of the population ("Asian patients", "<65
# years", "node-negative women"), which tell no part from another
_PART_NOUNS = frozenset(
    {"patients", "pts", "women", "men", "those", "people", "participants", "children", "adults"}
    | {"subgroup", "subgroups", "subset", "cohort", "group", "population", "tumours", "tumors"}
    | {"disease", "smokers", "years", "aged", "older", "younger"}
)
_PART_GLUE = frozenset({"with", "without", "in", "among", "it", "that", "this", "had", "for"})
# a value's part said right after it ("0.62 in men"), not before it
_SCOPE_AFTER = re.compile(r"\s*(?:in|among|for|with)\b", re.I)
# where the words of a value's part start: after a bracket, a semicolon, a comma or a joining word
_PART_BREAK = re.compile(r"[(;,]|\b(?:and|while|whereas|but)\b", re.I)


def _lead_words(sentence: str, start: int, end: int) -> set[str]:
    """The words before a value that say its part, from the last break with words after it
    ("), by race (Asian patients: HR" gives asian, patients; "brain metastases (HR" the words
    before the bracket)."""
    text = sentence[start:end]
    cuts = [0, *(m.end() for m in _PART_BREAK.finditer(text))]
    for cut in reversed(cuts):
        words = {w.casefold() for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", text[cut:])}
        words -= _STATISTIC_WORDS
        if words:
            return words
    return set()


_STATISTIC_WORDS = frozenset(
    {"hr", "hazard", "ratio", "or", "odds", "ci", "p", "of", "was", "an", "a"}
)


# the words between a list of values and its arms: "months with (the)", "% in"
_RESPECTIVE_LEAD = re.compile(
    r"^\s*(?:months?|mo|years?|weeks?|%|percent)?\s*(?:with|for|in|on|after)?\s*(?:the\s+)?",
    re.I,
)
# the words that give patients what follows: "w/ ALND", "after TORS", "on pembro"
_GIVEN_BEFORE = r"(?:\bw/\s*|\b(?:with|after|on|receiving|underwent|undergoing|plus)\s+)"
# the words that take away what follows: "(not GEJ)", "non-MSI-H", "w/o", "excluding"
_NOT_BEFORE = r"(?:\b(?:not|without|excluding|except)\s+|\bnon-|\bw/o\s*)"
# what a lettered arm was given: "Arm A (n = 120) received tislelizumab plus paclitaxel",
# "Arm C: paclitaxel and carboplatin"; and "tislelizumab plus paclitaxel (Arm A)"
_ARM_GIVEN = re.compile(
    r"\b[Aa]rm\s+(?P<l>[A-Da-d])\b(?:\s*\([^()]*\))?\s*(?::|=|received|got|was given)\s*"
    r"(?P<g>[^;.]{5,120})"
)
_GIVEN_ARM = re.compile(r"(?P<g>[A-Za-z][^;,.()]{4,80})\s*\(\s*[Aa]rm\s+(?P<l>[A-Da-d])\s*\)")
# a ratio in the bracket after a time to an event the vocabulary does not name: "delayed time to
# metastatic castration-resistant prostate cancer (HR 0.40"
_TIME_TO_BEFORE = re.compile(r"\btime to [\w -]{3,90}?\(\s*(?:HR|hazard ratio)\b[^()]*$", re.I)
# a trial named by the arms it compared, in a question that asks one arm: "how long did pts on
# docetaxel go ... in the tislelizumab vs docetaxel study?"
_TRIAL_BY_ITS_ARMS = re.compile(
    r"\b(?:in|from|of)\s+the\s+(?:[\w+/-]+\s+){1,6}?(?:vs\.?|versus)\s+(?:[\w+/-]+\s+){1,4}?"
    r"(?:study|trial)\b",
    re.I,
)
_TIME_TO_OPENING = re.compile(r"\W*(?:the\s+)?(?:median\s+)?time to\b", re.I)
# events said to have occurred in a head count: "DFS events occurred in 15 patients"
_EVENTS_IN = re.compile(
    r"\bevents?\s+(?:had\s+)?(?:occurred|were\s+(?:seen|observed|reported|recorded))\s+in\s+$",
    re.I,
)
# values offered to choose from: "what dose was used, 5.4 or 6.4 mg/kg?"
_VALUES_TO_CHOOSE = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:[a-zµ/%\d]+\s+)?or\s+(\d+(?:\.\d+)?)", re.I
)
# a difference between arms asked by its size: "by more than 6 months", "by how much"
_DIFFERENCE_BY = re.compile(
    r"\bby\s+(?:more than|at least|over|how much|about|almost|>|≥|\d)", re.I
)
# a P value said: "P = .6757", "P<0.001"
_P_SAID = re.compile(r"\bP\s*[=<>≤≥]", re.I)
# "significantly better?", "statistically significant?": the P value is asked with the values
_SIGNIFICANCE_ASKED = re.compile(r"\bsignifican", re.I)
# a bracket right after values that holds their P value: " (P=0.63)", " (HR 0.8; P = .04)"
_P_BRACKET = re.compile(r"\s*\([^()]*\bP\s*[=<>≤≥]\s*\.?\d[^()]*\)", re.I)
# a preposition with nothing after it, no arm to show
_BARE_WORDS = frozenset({"with", "in", "for", "on", "at", "of", "after", "among"})
# a value listed before another: "12.9, " or "11.8 and " of "12.9, 11.8 and 11.3 months"
_LISTED_VALUE = re.compile(r"(\d+(?:\.\d+)?)\s*%?\s*(?:,\s*(?:and\s+)?|\s+and\s+)$")
# the items of a list: "A, B and C", "A, B, and C"
_LIST_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
# "the most common grade 3 event", "the most frequent", "the commonest", "led by anaemia"
_MOST_COMMON = re.compile(
    r"\bmost (?:common(?:ly)?|frequent(?:ly)?)\b|\bcommonest\b|\bled by\b", re.I
)


def _same_word(a: str, b: str) -> bool:
    """Same word, or one a clipped form of the other ("chemo", "chemotherapy")."""
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= 4 and long.startswith(short)


@lru_cache(maxsize=4)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the vocabulary's mechanism cues, built once per vocabulary."""
    body = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<![a-z])(?:{body})", re.I)


def spells_out(long: str, short: str) -> bool:
    """The last words of ``long`` are a long form of ``short``: its letters are their initials,
    in order ("Specifically Targeting the ABL Myristoyl Pocket" spells out STAMP)."""
    letters = re.sub(r"[^a-z]", "", short.casefold())
    words = re.findall(r"[A-Za-z]+", us_spelling(long))  # "oesophageal" spells out ESCC
    if not letters:
        return False
    for start in range(len(words)):
        span = words[start:]
        if len(span) > 2 * len(letters) + 1:
            continue
        initials = "".join(w[0] for w in span).casefold()
        if initials[0] != letters[0]:
            continue
        it = iter(initials)
        if all(c in it for c in letters):
            return True
    return False


_ARM_COUNTS = re.compile(r"\((?=[^()]*\d)(?=[^()]*\b(?:arm|group)s?\b)[^()]*\)", re.I)
# where one arm's name ends: a clause or cell, or the comparison with another arm
_ARM_PIECES = re.compile(
    r"[.;:|\n]|\b(?:vs\.?|versus|compared\s+(?:with|to)|against|over|or|than)\b"
    # ("38% with A and 29% with B": a value each; not the number of a name, "radium-223")
    r"|\band\s+(?:with|to)\b|(?<![\w-])\d+(?:\.\d+)?",
    re.I,
)
# ... and in a question, also where it names a part or a comparison ("in the chemo comparison")
# ("olaparib/placebo": the two arms)
_ASKED_PIECES = re.compile(
    rf"{_ARM_PIECES.pattern}|\b(?:in|among|for|of)\b|/(?=\s*(?:placebo|pbo)\b)", re.I
)
_DEFINED_AS = re.compile(r"\bdefined\s+(?:as|by)\b|\bdefinition\b", re.I)


# the rest of a run of percentages ("vs 48.0%", ", 25.6% and 10.4%") up to what follows it
_RUN_TAIL = re.compile(
    r"(?:\s*(?:vs\.?|versus|v\.|and|or|,|/)\s*\d+(?:\.\d+)?\s*(?:%|percent|per cent))*"
    r"\s*(?:at|by|after)\s+"
)


def _landmarks(text: str) -> list[re.Match[str]]:
    """The landmarks ``text`` names, but ages ("aged 18 years and older" is no landmark) and
    courses' lengths ("75.0% with 3 months vs 76.7% with 6 months", "the 6-month arm")."""
    spans = age_spans(text) + [(m.start(), m.end()) for m in _COURSE_SAID.finditer(text)]
    return [m for m in LANDMARK.finditer(text) if not any(a <= m.start() < b for a, b in spans)]


# a course's length said in a sentence: "with 3 months", "the 6-month arm", "6 months of
# oxaliplatin" (not "with 24 months of follow-up")
_COURSE_SAID = re.compile(
    r"(?:\bwith\s+|\b(?=\d+[\s-](?:month|year|week)s?\s+(?:arm|group|course|cohort|of)\b))"
    r"(?P<n>\d+)[\s-](?P<unit>months?|years?|weeks?)\b(?!\s+(?:of\s+)?follow)"
    # ("with 3 months vs ...", not "with 3-year OS of 23%")
    r"(?=\s+(?:arm|group|course|cohort|of)\b|\s*(?:vs\b|versus\b|and\b|or\b|[,;()\[.?]|$))",
    re.I,
)


def _first_landmark(texts: list[str]) -> int | None:
    """Months of the first landmark the texts name ("5-year EFS was 76%": 60)."""
    for text in texts:
        marks = _landmarks(text)
        if marks:
            return landmark_months(marks[0])
    return None


def _landmark_before(sentence: str, fig: Figure) -> int | None:
    """Months of the landmark a percentage is reported at: the one said right after its run of
    values ("54.1% vs 48.0% at 12 months, 35.1% vs 25.6% at 18 months"), else the nearest one
    before it in the sentence, else the first one after it ("53% at 12 months")."""
    if is_table_row(sentence) and len(own := _landmarks(fig.label)) == 1:
        return landmark_months(own[0])  # "6-month / 12-month OS | 87.9% / 67.0%": its own
    tail = _RUN_TAIL.match(sentence, fig.end)
    if tail and (right_after := LANDMARK.match(sentence, tail.end())):
        return landmark_months(right_after)
    marks = _landmarks(sentence)
    before = [m for m in marks if m.end() <= fig.start]
    if before:
        return landmark_months(before[-1])
    after = [m for m in marks if m.start() >= fig.end]
    if after:
        return landmark_months(after[0])
    inherited = _landmarks(fig.label)  # said in the sentence before ("At five years, ...")
    return landmark_months(inherited[0]) if inherited else None


# a dose's unit the question names without a value ("what BV dose, mg/kg?", "dose in Gy")
_DOSE_UNIT_ASKED = re.compile(r"(?<![\d.\s])\s*\b(m?g/(?:kg|m2|m²)|c?Gy|AUC)(?![\w/])", re.I)


def _asked_dose_unit(text: str) -> str | None:
    found = [m.group(1) for m in _DOSE_UNIT_ASKED.finditer(text)]
    return _dose_unit_of(found[0]) if len(found) == 1 else None


def _dose_unit_of(value: str) -> str:
    """A dose value's unit, one spelling ("100 mg/m²" and "mg/m2": "mg/m2"; "AUC 5": "auc")."""
    unit = re.sub(r"^[\d.,\s]+|(?<=AUC)[\s\d.,]+$|/d(?:ay)?$", "", value, flags=re.I)
    unit = unit.casefold().replace("²", "2")
    # "125 mg per square metre", "milligrams per kilogram": the same units spelt out
    for spelt, short in _SPELT_UNITS:
        unit = spelt.sub(short, unit)
    return unit


_SPELT_UNITS = (
    (re.compile(r"milligrams?"), "mg"),
    (re.compile(r"\bgrams?"), "g"),
    (re.compile(r"\s*per\s+square\s+met(?:re|er)s?"), "/m2"),
    (re.compile(r"\s*per\s+(?:kilogram|kg)s?"), "/kg"),
)


def _same_unit(a: str, b: str) -> bool:
    """Two different values of the same unit ("8 mg/kg" and "12 mg/kg")."""
    unit = re.sub(r"^[\d.\s]+", "", a).casefold().rstrip("s")
    return a != b and unit == re.sub(r"^[\d.\s]+", "", b).casefold().rstrip("s") and unit != ""


def _word_in(word: str, words: set[str]) -> bool:
    """A word, or one sharing its first six letters ("stratification" ~ "stratified")."""
    if word in words:
        return True
    return len(word) >= 7 and any(len(w) >= 7 and w[:6] == word[:6] for w in words)


# a sentence whose subject is the one the sentence before it names
_PRONOUN_SUBJECT = re.compile(
    r"^(?:It|The\s+(?:drug|agent|compound|antibody|molecule)|This\s+(?:drug|agent|antibody))\b"
)


def _sentences_before(sentences: list[Sentence]) -> dict[tuple[str, int], list[str]]:
    """For each retrieved sentence (by article and start), the up to three sentences just
    before it, nearest first, while they follow each other in the article."""
    by_end = {(s.article.id, s.end + gap): s for s in sentences for gap in (1, 2)}
    out: dict[tuple[str, int], list[str]] = {}
    for s in sentences:
        chain: list[str] = []
        cur = by_end.get((s.article.id, s.start))
        while cur is not None and len(chain) < 3:
            chain.append(cur.text)
            cur = by_end.get((cur.article.id, cur.start))
        out[(s.article.id, s.start)] = chain
    return out


def _part_in_scope(scope: str) -> str:
    """The part of the population a value's own words name right after it ("for gallbladder
    cancer", "in Asia"), "" for none."""
    m = _LISTED_PART.match(scope.strip())
    return m.group(1) if m else ""


def _article_texts(sentences: list[Sentence]) -> dict[str, str]:
    texts: dict[str, list[str]] = {}
    for s in sentences:
        texts.setdefault(s.article.id, [s.article.title]).append(s.text)
    return {k: "\n".join(v) for k, v in texts.items()}


def _captions(sentences: list[Sentence]) -> dict[str, list[str]]:
    """Each article's table captions among the retrieved sentences ("Table 1. Ten-year
    outcomes by arm"), a caption split after its number ("Table 1." then "Ten-year outcomes
    ...") joined again by the sentences' order in the article."""
    found: dict[str, list[str]] = {}
    ordered = sorted(sentences, key=lambda s: (s.article.id, s.start))
    for s, after in zip(ordered, [*ordered[1:], None], strict=True):
        if not _CAPTION.match(s.text):
            continue
        caption = s.text
        if after is not None and after.article.id == s.article.id and len(s.text) < 12:
            caption = f"{s.text} {after.text}"
        found.setdefault(s.article.id, []).append(caption)
    return found


def _compares_in_prose(s: Sentence, fig: Figure) -> bool:
    """A ratio or P value said in prose: it compares the arms its sentence names."""
    return fig.endpoint in STATISTICS and not is_table_row(s.text)


def _own_letters(s: Sentence, fig: Figure) -> frozenset[str]:
    """The lettered arms a figure is said for: a prose comparison's, its own arm's and the arm
    it is compared with ("Compared with Arm A, the HR was 0.87 (...) for Arm B and 0.85 (...) for
    Arm C": 0.85 is C's against A), else every arm its sentence names; else its own arm's
    (``figure_arm_letters``)."""
    if not _compares_in_prose(s, fig):
        return figure_arm_letters(s.text, fig)
    mine = figure_arm_letters(s.text, fig)
    against = frozenset(m.group(1).upper() for m in _COMPARED_ARM.finditer(s.text))
    return mine | against if len(mine) == 1 and against else arm_letters(s.text)


# "Compared with Arm A", "versus arm A": the lettered arm the values are against
_COMPARED_ARM = re.compile(
    r"\b(?:compared\s+with|compared\s+to|versus|vs\.?|relative\s+to|against)\s+(?:the\s+)?"
    r"arm\s+([A-F])\b",
    re.I,
)


def _asked_words(q: Question) -> set[str]:
    """The question's content words but for its trial's name's ("9ER" of CheckMate 9ER): the
    article is about that trial, its sentences need not say it."""
    named = {w for t in q.trials for w in re.findall(r"[a-z0-9]+", t.casefold())}
    return {w for w in q.content if w not in named}


_SUBGROUP_LINE = re.compile(
    r"^\W{0,4}(?:By\s+[\w\s/-]{2,30}|Histology|Stage|Age|Sex|Gender|Region|Race|Ethnicity|"
    r"Subgroups?|Smoking(?:\s+status)?|(?:ECOG\s+)?Performance\s+status|Biomarkers?)\W{0,3}:",
    re.I,
)
_PART_IN_CLAUSE = re.compile(
    r"\b(?:in|among|for)\s+(?:the\s+)?(?:[\w+-]+\s+){0,4}"
    r"(?:patients|pts|group|subgroup|cohort|those|disease|tumou?rs)\b",
    re.I,
)
_ELIGIBILITY = re.compile(
    r"\beligib\w*|\binclusion\s+criteri\w*|\bentry\s+criteri\w*|\b(?:was|were)\s+required\b"
    r"|\bhad\s+to\s+(?:have|be)\b",
    re.I,
)
_ELIGIBILITY_ASKED = re.compile(
    r"\beligib\w*|\bcriteri\w*|\ballowed\b|\brequired\b|\bcut-?offs?\b|\bthreshold\b|"
    r"\bmax(?:imum)?\b|\bmin(?:imum)?\b|\blimit\b|\binclusion\b|\bentry\b|\benrol\w*\s+if\b",
    re.I,
)
_BOUND_BEFORE = re.compile(
    r"(?:less|fewer|more|greater|lower|higher)\s+than\s*$|\b(?:at\s+least|at\s+most|up\s+to|"
    r"under|over|below|above)\s*$|[<>≤≥]=?\s*$",
    re.I,
)
_BOUND_AFTER = re.compile(
    r"\s*(?:%\s*)?or\s+(?:less|fewer|more|greater|lower|higher|above|below)\b", re.I
)
_POINT_ASKED = re.compile(rf"{LANDMARK.pattern}|[<>≤≥]\s*\d", re.I)
# a question that asks for a number in other words than "how many": "%", a median, a grade,
# a time ("time to intracranial progression")
_QUANTITY = re.compile(
    r"%|\brates?\b|\bdos(?:e|es|ing)\b|\bmedian\b|\bgrade\b|\bgr\s?\d|\bG\d|\btime\s+to\b",
    re.I,
)
# a cut-off asked ("what Ki67 cut-off defined luminal A"): its passage is shown where it says it
_CUT_WORDS = re.compile(r"\bcut-?\s?offs?\b|\bcut\s?points?\b|\bthresholds?\b", re.I)
# a dose given instead of the one before it, or after it as the same drug's next part: "12 mg
# once daily for >=60 kg or 8 mg", "a fluorouracil 400 mg/m2 bolus and a 2,400 mg/m2 infusion"
_OR_DOSE = re.compile(r"\bor\s*$|\bor\b(?!.*\b(?:and|plus|with)\b)|^\s*\w*\s+and\s+an?\s*$", re.I)
# what a drug is given with, after the drug a dose question asks about
_GIVEN_WITH = re.compile(r"\b(?:given\s+|taken\s+|used\s+)?(?:with\b|w/|alongside\b)", re.I)
# arms named together, not one by one: "the two acalabrutinib arms", "both groups"
_ARMS_TOGETHER = re.compile(
    r"\b(?:both|the\s+two|all\s+three|the\s+three|each\s+of\s+the)\b[\w\s-]{0,40}?"
    r"\b(?:arms|groups|cohorts)\b",
    re.I,
)
# where the words naming one item of a list begin: "the most common TRAEs included | nausea"
_ITEM_CUT = re.compile(r"[,;:(|]|\b(?:included|including|includes|such as|namely|were|was)\b", re.I)
# a grade's own rate in brackets after a value: "(grade 3 or higher, 7.9%)", "(G3+ in 5%)"
_GRADE_RATE_AFTER = re.compile(rf"\s*\(\s*{GRADE_LEAD}[^()]*?\d\s*%", re.I)
_CLAUSE_CUT = re.compile(r"[,;:(|]|\b(?:but|while|whereas)\b", re.I)
# a heading or an interviewer's question: "## Safety", "**Were there subgroups that did better?**"
_HEADING = re.compile(r"^\s*(?:#|\*\*[^*]+\*\*\s*$|Q:|[^.!]*\?\**\s*$)")
# an item of a list labelled by what it reports: "- PSA failure: HR 0.52 (95% CI ...)"
_LABELLED_ITEM = re.compile(r"^\s*[-*•]\s+(?P<label>[A-Za-z][^:\n]{1,60}):\s")
# a value that is a ceiling ("10% or less viable tumor") and a question asking for one
_CEILING = re.compile(r"\s*(?:or (?:less|lower|fewer|below)|and below)\b", re.I)
# a value named only as the same measure as before: "the rates were", "the figure was"
_ANAPHORIC_VALUE = re.compile(
    r"\b(?:the|these|those|corresponding)\s+(?:rates?|figures?|proportions?|estimates?|"
    r"percentages?|values?)\b",
    re.I,
)
_OR_MORE = re.compile(r"\s*or\s+(?:more|greater|higher|above)\b", re.I)
_CHANGE_IN = re.compile(
    r"\s*(?:reduction|decrease|shrinkage|drop|improvement|increase)\s+(?:in|of|from)\b", re.I
)
_AT_LEAST = re.compile(r"(?:[≥>]\s*=?|\bat\s+least\s+)$", re.I)


def _defining_change(text: str, fig: Figure) -> bool:
    """The change that defines a response ("a reduction of 50% or more", "≥35% reduction in
    spleen volume"), not the rate of it nor a risk reduction ("a 31% reduction in the risk")."""
    return bool(
        _OR_MORE.match(text, fig.end)
        or (
            _CHANGE_IN.match(text, fig.end)
            and (fig.value.startswith(("≥", ">")) or _AT_LEAST.search(text[: fig.start]))
        )
    )


_CUT_ASKED = re.compile(r"\bcut-?offs?\b|\bthreshold|\bdefin|\bmeaning\b|\bcriteri", re.I)
# the events a risk reduction counts: "the risk of (disease progression or) death"
_RISKED = re.compile(
    r"\b(?:risk|chance|hazard|odds)\s+of\s+(?P<events>[\w\s,-]{3,60}?)(?=\s+by\b|[,;.()?]|$)", re.I
)
_DEATH_ONLY = re.compile(r"^(?:an?\s+|the\s+)?(?:death|dying)\b", re.I)


def _events_risked(text: str) -> str:
    """What the last risk a text names counts: "death" ("the chance of dying"), "event" (of
    progression, recurrence or relapse, with death or not), or "" when it names none."""
    found = list(_RISKED.finditer(text))
    if not found:
        return ""
    return "death" if _DEATH_ONLY.match(found[-1].group("events").strip()) else "event"


_RISK_EVENTS = re.compile(
    r"\brisk\s+of\s+(?:(?P<other>(?:disease\s+)?(?:progression|recurrence|relapse|an?\s+event|"
    r"events?|distant\s+metastasis)[\w\s,]*?)\s*(?:or|and)\s+)?(?:death|dying)\b",
    re.I,
)
_DOSE_OF = re.compile(r"\s*(?:dose|doses)\s+of\s+([A-Za-z][\w-]+)", re.I)
_THEN = re.compile(r"\b(?:followed by|then|thereafter)\s*$", re.I)
# "..., followed by 150 IU per kilogram": a next step of the schedule said after a dose
_THEN_AHEAD = re.compile(r"\b(?:followed by|then|thereafter|after which)\b", re.I)
# a question asking the schedule's later step ("after the first month", "dose thereafter")
_LATER_STEP = re.compile(
    r"\bafter\s+(?:the\s+)?(?:first|initial|loading|induction|month|week|day|cycle|\d)"
    r"|\bthereafter\b|\bsubsequent(?:ly)?\b|\bafterwards?\b",
    re.I,
)
# ... or its first step ("dose for the first week", "loading dose", "initial dose")
_FIRST_STEP = re.compile(
    r"\b(?:for|during|in)\s+(?:the\s+)?first\b|\bloading\b|\binitial\b|\bstarting\s+dose",
    re.I,
)
_JOINED = re.compile(r"\s+(?:plus|and|with|or|\+)\s+|[,;/:()]\s*", re.I)
_DOSE_WORDS = re.compile(
    r"^(?:doses?|dosed|dosing|given|received|receiving|infusions?|injections?|orally|"
    r"intravenously|daily|weekly|level|starting|target|reduced|escalated|fixed|flat|total)$",
    re.I,
)


def _statistic_bracket(sentence: str, fig: Figure) -> str:
    open_at = sentence.rfind("(", 0, fig.start)
    close_at = sentence.find(")", fig.end)
    if open_at == -1 or close_at == -1 or sentence.rfind(")", 0, fig.start) > open_at:
        return ""
    inner = sentence[open_at + 1 : close_at]
    return inner if len(inner) <= 160 else ""


_RANDOMISED = re.compile(r"\brandomi[sz](?:ed|ation)\b|\brandomly assigned\b", re.I)
# ... asked: "how many randomised" (not "how many randomised to drug-only had surgery": those
# of an arm who had something)
_RANDOMISED_ASKED = re.compile(
    r"\b(?:randomi[sz]ed|randomly assigned)\b(?!\s+to\b)|\brandomi[sz]ation\b", re.I
)
_ENROLLED = re.compile(r"\b(?:randomi[sz]ed|randomly assigned|enrolled|accrued|a total of)\b", re.I)


def _dose_clause(sentence: str, start: int) -> str:
    """The words after a dose up to the next alternative (", or", ";", "; and") outside
    brackets."""
    depth = 0
    for i in range(start, len(sentence)):
        c = sentence[i]
        depth += (c in "([") - (c in ")]")
        if depth <= 0 and (c == ";" or sentence.startswith(", or ", i)):
            return sentence[start:i]
    return sentence[start:]


def _enrolment_points(q: Question, sentence: str, fig: Figure) -> float:
    """A head count said as those enrolled ("419 patients were randomized", not "the 176 who
    received it"); asked "how many randomised", those randomised after an induction, not the
    more registered or enrolled before it."""
    own_clause = f"{fig.label} {_own_scope(fig, sentence)}"
    if not _ENROLLED.search(own_clause):
        return 0.0
    if not _RANDOMISED_ASKED.search(q.text):
        return 1.0
    if _RANDOMISED.search(own_clause):
        return 2.0
    return 1.0 if _RANDOMISED.search(sentence) else 0.0  # a sentence silent on randomisation


def _own_scope(fig: Figure, sentence: str = "") -> str:
    """The words after a figure that are its own: up to the next comma or semicolon, and none
    when one follows it at once ("in 8.6%; grade 3 or higher in ..." is the next clause's)."""
    if sentence and re.match(r"\s*[,;]", sentence[fig.end :]):
        return ""
    return re.split(r"[,;]", fig.scope, maxsplit=1)[0]


def _own_pair(text: str, run: list[Figure], fig: Figure) -> list[Figure]:
    """Of a run of values in pairs ("21.0 months vs 5.5 months in cohort A and 9.3 months vs 3.9
    months in cohort B"), the pair ``fig`` is in; a run of two as it is."""
    if len(run) <= 2:
        return run
    for a, b in itertools.pairwise(run):
        if fig in (a, b) and re.fullmatch(r"\s*(?:vs\.?|versus)\s*", text[a.end : b.start]):
            return [a, b]
    return run


# a sentence that opens with the arms it compares: "Lazertinib versus osimertinib gave ..."
_OPENING_COMPARISON = re.compile(
    r"(?P<first>[A-Z][\w+/-]*(?:\s+(?:plus|\+|and|with)\s+[\w+/-]+){0,3}(?:\s+alone)?)\s+"
    r"(?:versus|vs\.?|compared\s+with)\s+"
)
# an opening clause that names an arm by its word: "In the 60 Gy plus nivolumab arm"
_IN_THE_ARM = re.compile(r"(?:In|Among|For)\s+the\s+[^,;]{2,60}?\b(?:arm|group)s?", re.I)


def _articles_naming_part(q: Question, sentences: list[Sentence]) -> set[str] | None:
    """The articles whose retrieved sentences name the part of the population a question
    naming no trial asks ("primary endpoint for part B?"), or None when it is scoped or asks no
    part: an article that never names the part is about another trial."""
    if not q.population or q.scoped:
        return None
    texts: dict[str, list[str]] = {}
    for s in sentences:
        texts.setdefault(s.article.id, []).append(s.text)
    return {a for a, lines in texts.items() if says_population(q.population, "\n".join(lines))}


def _own_clause(sentence: str, fig: Figure) -> str:
    """The clause a figure ends, back to the last clause break or another part's bracketed
    figure ("... older (HR, 0.34), and among patients whose main risk feature was nodal (HR,
    0.35)": no age is said of 0.35)."""
    clause = _CLAUSE_BREAK.split(sentence[: fig.start])[-1]
    return clause[clause.rfind(")") + 1 :]


def _arm_asked_text(question: str) -> str:
    """The words of a question that may name the arm asked: before "vs" ("pembro alone vs
    cetux/chemo"), not a trial named by its arms ("pts on docetaxel ... in the tislelizumab vs
    docetaxel study") nor a treatment history ("pts preselected for low-intensity chemo": a
    part of the population, not an arm)."""
    text = _TRIAL_BY_ITS_ARMS.sub(" ", question)
    versus = _VERSUS.search(text)
    return TREATMENT_HISTORY.sub(" ", text[: versus.start()] if versus else text)


def _bracketed_sizes(sentence: str, run: list[Figure]) -> str:
    """Arms' sizes said in brackets after each arm ("randomised 371 patients 1:1 to avelumab (n
    = 185) or chemotherapy (n = 186)"): the arms with their brackets, from the first arm's name
    ("avelumab (n = 185) or chemotherapy (n = 186)"); else ""."""
    if not all(f.endpoint == "enrollment" for f in run):
        return ""
    opened = sentence.rfind("(", 0, run[0].start)
    closed = sentence.find(")", run[-1].end)
    if opened < 0 or closed < 0 or ")" in sentence[opened : run[0].start]:
        return ""
    separators = list(_ARMS_LISTED_AFTER.finditer(sentence, 0, opened))
    start = separators[-1].end() if separators else 0
    return sentence[start : closed + 1].strip() if opened - start <= 80 else ""


# where a list of arms with their sizes starts: after "to", a colon or a comma
_ARMS_LISTED_AFTER = re.compile(r" to |: |, ")


def _capital(text: str) -> str:
    """A lead's first letter in capitals, but not an abbreviation's ("mPFS", "uMRD", "HR")."""
    first = text.split(" ", 1)[0]
    if not text or text[:2].isupper() or any(c.isupper() for c in first[1:]):
        return text
    return text[:1].upper() + text[1:]


def _passage(text: str, asked: set[str], limit: int) -> str:
    """A sentence as an answer; one too long to show whole (a page's header run into its
    first point) by its piece that says most of what was asked ("…at 10 years 81.7% versus
    67.5% ... and 63.8% after radiotherapy alone.")."""
    if len(text) <= limit or not asked:
        return _shorten(text, limit)
    starts = [0, *(m.end() for m in _PIECE_BREAK.finditer(text))]
    ends = [*starts[1:], len(text)]
    pieces = [(a, text[a:b].strip()) for a, b in zip(starts, ends, strict=True)]

    def says(piece: str) -> int:
        words = set(re.findall(r"[a-z0-9]+", piece.casefold())) | _time_points(piece)
        return sum(1 for w in asked if w in words or any(x.startswith(w) for x in words))

    start, best = max(pieces, key=lambda p: (says(p[1]), -p[0]))
    if start == 0 or says(best) == 0:
        return _clause_window(text, says, limit)
    return "…" + _shorten(best, limit - 1)


def _clause_window(text: str, says: Callable[[str], int], limit: int) -> str:
    """A long sentence of one piece, shown from the clause that says most of what was asked
    with room after it ("…, and Ki67 index of 13.25% or less, ..." for "what Ki67 cut-off"):
    a word asked only at the cut end of the shown text is not said."""
    room = 40
    starts = [0, *(m.end() for m in _CLAUSE_START.finditer(text))]
    best = max(starts, key=lambda a: (says(text[a : a + limit - room]), -a))
    if best == 0 or says(text[best : best + limit - room]) <= says(text[: limit - room]):
        return _shorten(text, limit)
    return "…" + _shorten(text[best:], limit - 1)


# where a clause starts inside a long sentence: after a comma, colon or semicolon
_CLAUSE_START = re.compile(r"[,;:]\s+")


# where a long run of text may be cut into pieces: after a sentence's end, before a list's dash
_PIECE_BREAK = re.compile(r"(?<=[.;!?])\s+|\s+(?=[-–•]\s)")


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"
