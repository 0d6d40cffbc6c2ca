"""Attributed extractive summaries: which facts of a story to tell, in which order, told by whom.

Selection is the concept-coverage integer linear program of Gillick & Favre (2009, "A Scalable
Global Model for Summarization"; the ICSI system of TAC 2008/2009): concepts are stemmed word
bigrams (not both stop words), a concept's weight is the number of articles that contain it
(support across articles and outlets is the salience signal of multi-document news), and the
summary is the set of whole sentences that covers the most concept weight within the word budget.
Covering a concept once earns its weight once, so the program controls redundancy itself (McDonald
2007); on top of that, at most one sentence per fact of the ``StoryAnalysis`` may be chosen, so no
two summary sentences tell the same fact. Five additions, all measured on DUC 2004 and Multi-News
(docs/evaluation.md, "Summaries"):

- position: a concept's weight grows with how early (relative to the article's length) it first
  appears in an article: news puts the event in its lead (the first position of a word is one of
  the word-importance features of RegSum, Hong & Nenkova 2014);
- short sentences (fewer than ``min_sentence_words``) are not candidates: they carry little and
  spend budget on fragments and captions.
- small stories: with few articles, article support cannot separate sentences (in a story of two
  articles every counted bigram is held by both), so in a story of at most ``small_story_articles``
  articles each content word said in two or more sentences is a concept too, weighted by how many
  sentences say it: the within-story word frequency that SumBasic (Nenkova & Vanderwende 2005,
  "The Impact of Frequency on Summarization") uses as word importance; and a bigram said in two or
  more sentences is a concept even when only one article holds it (frequency within the story, the
  first of Hong & Nenkova's 2014 word-importance features, where support across articles is thin);
  and sentences from ``small_story_min_sentence_words`` words on are candidates, since a budget
  that takes most of a small story should not leave its short sentences out wholesale;
- near-duplicates: two candidates of which one repeats most of the other's bigrams count as one
  fact (``_merge_near_duplicates``), so a sentence an article tells twice is chosen at most once,
  also when the budget outlasts the concepts and leftover sentences fill it;
- quotations: a sentence that is part of a direct quotation earns a bonus when chosen
  (``_quotation_rewards``): briefs written from several articles carry the speakers' own words.

What a brief never carries is not a candidate (``newsprism.evaluate.brief``, the same rules its
check counts): a sentence cut short by its source ("..."), a piece of a quotation (quote marks that
do not pair up, and the sentences inside a quotation that runs over several), a quotation with no
word outside it, page furniture (table rows, e-mail addresses, prompts to sign up or subscribe). A
quotation that runs over several sentences is a candidate whole (``_whole_quotations``). When every
sentence breaks a rule, they are all candidates, so that every story has a summary.

The program is solved exactly, over a shortlist of the candidates (``_shortlist``: the heaviest and
the densest), by a small branch and bound (``_branch_and_bound``), with HiGHS
(``scipy.optimize.milp``) taking over a program the search has not closed within its node limit.
The summary leads with the news (``_news``, ``_lead``): a sentence that articles open with and that
dates what it reports, the fact most articles open with first, the latest one when the articles
were published on different days; never one that starts with a bare pronoun. The other chosen
sentences follow in reading order: chronological by the earliest article carrying their fact,
then by relative position in the article (Barzilay, Elhadad & McKeown 2002, chronological ordering
for multi-document news).
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp

from newsprism.analysis.align import analyze, content_bigrams, content_stems, terms
from newsprism.analysis.graph import UnionFind
from newsprism.analysis.quotes import QUOTE_MARKS
from newsprism.errors import NewsprismError
from newsprism.evaluate.brief import joined_sentence, opens_with_pronoun, quotation_units, sentence_breaks, whole_end
from newsprism.model import Sentence, Story, StoryAnalysis, Summary, SummarySentence

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SummarySettings:
    """Constants of the selection: the same for every data set. Where each default comes from (the
    runs that chose it) is in docs/evaluation.md, "Where the summary settings come from".

    ``min_support_fraction``: a concept counts only when at least this fraction of the articles,
    and at least two of them, contain it (one article alone is no support); when no concept
    reaches that, the bar is lowered until one does (Gillick & Favre 2009 keep bigrams found in 3
    of 10 documents).
    ``position_weight`` and ``position_steps``: a concept's weight is multiplied by
    ``1 + position_weight / (1 + p)``, where ``p`` is its earliest position in an article, in
    steps of ``1 / position_steps`` of the article (0 for the lead). Relative positions treat long
    DUC 2004 articles and truncated Multi-News ones alike.
    ``min_sentence_words``: shorter sentences are not candidates.
    ``node_limit``: nodes the exact search (``_branch_and_bound``) may visit before the program goes
    to HiGHS instead. Its bound weakens as budgets grow, so at large budgets a higher limit only
    adds the search's time to HiGHS's.
    ``time_limit``: seconds HiGHS may search before the best summary found so far is used.
    ``candidate_limit``: only the sentences among the ``candidate_limit`` best by covered concept
    weight or among the ``candidate_limit`` best by that weight per word enter the program (see
    ``_shortlist``).
    ``small_story_articles`` and ``word_weight``: in a story of at most ``small_story_articles``
    articles, a content word (not a stop word) found in ``n >= 2`` sentences is a concept of weight
    ``word_weight * n`` times the same position factor (SumBasic's word frequency, Nenkova &
    Vanderwende 2005). The rule reads only the story's own size, so it applies alike everywhere;
    DUC 2004 stories have 10 articles and are untouched. A word weight of 0 turns the word
    concepts off; a limit of 0 turns off every small-story rule. The same small stories also count
    a bigram said in two or more sentences of one article (weight 1 times the position factor).
    ``small_story_min_sentence_words``: the shortest candidate in a small story, whose budget
    (260 words on Multi-News) may take more than half of its words.
    ``duplicate_overlap``: two candidates are near-duplicates (one fact for the program) when the
    one with fewer content bigrams shares at least this fraction of them with the other.
    ``quotation_reward``: a candidate holding a double quote mark earns this fraction of the mean
    concept weight of the story's candidates (briefs quote the articles' speakers; the order
    matters more than the size: even a small bonus decides between sentences of near-equal concept
    weight, and 0.6 keeps the bonus below the concepts); 0 turns it off.
    ``lead_sentences``: how many candidates open an article, for the lead (``_news``).
    ``lead_trials``: when the program chose no sentence fit to lead, how many of the best-ranked
    are each tried first (the program filling the rest around it; the trial covering the most
    concept weight is kept).
    ``quotation_sentences``: a quotation that opens in one sentence and closes within this many is
    one candidate (``_whole_quotations``).
    ``conveys``: a summary sentence names its fact's outlets and every outlet with a sentence whose
    same-fact probability with one of the fact's sentences reaches this
    (``StoryAnalysis.outlets_conveying``). The alignment links at 0.6, where it is sure enough to
    join two sentences into one fact; an outlet that tells the fact less alike still tells it, and
    on the annotated stories 0.4 names exactly the right outlets most often (docs/evaluation.md,
    "The outlets a summary sentence names").
    """

    min_support_fraction: float = 0.35
    position_weight: float = 2.0
    position_steps: int = 20
    min_sentence_words: int = 12
    node_limit: int = 1000
    time_limit: float = 10.0
    candidate_limit: int = 60
    small_story_articles: int = 3
    word_weight: float = 0.15
    small_story_min_sentence_words: int = 6
    duplicate_overlap: float = 0.8
    quotation_reward: float = 0.6
    lead_sentences: int = 2
    lead_trials: int = 20
    quotation_sentences: int = 4
    conveys: float = 0.4

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_support_fraction <= 1.0:
            raise NewsprismError(f"min_support_fraction must be in [0, 1], got {self.min_support_fraction}")
        if self.position_weight < 0:
            raise NewsprismError(f"position_weight must be >= 0, got {self.position_weight}")
        if self.position_steps < 1:
            raise NewsprismError(f"position_steps must be >= 1, got {self.position_steps}")
        if self.min_sentence_words < 1:
            raise NewsprismError(f"min_sentence_words must be >= 1, got {self.min_sentence_words}")
        if self.node_limit < 1:
            raise NewsprismError(f"node_limit must be >= 1, got {self.node_limit}")
        if self.small_story_min_sentence_words < 1:
            raise NewsprismError(
                f"small_story_min_sentence_words must be >= 1, got {self.small_story_min_sentence_words}"
            )
        if self.time_limit <= 0:
            raise NewsprismError(f"time_limit must be > 0 seconds, got {self.time_limit}")
        if self.candidate_limit < 1:
            raise NewsprismError(f"candidate_limit must be >= 1, got {self.candidate_limit}")
        if self.small_story_articles < 0:
            raise NewsprismError(f"small_story_articles must be >= 0, got {self.small_story_articles}")
        if self.word_weight < 0:
            raise NewsprismError(f"word_weight must be >= 0, got {self.word_weight}")
        if self.quotation_reward < 0:
            raise NewsprismError(f"quotation_reward must be >= 0, got {self.quotation_reward}")
        if self.lead_trials < 1:
            raise NewsprismError(f"lead_trials must be >= 1, got {self.lead_trials}")
        if self.quotation_sentences < 1:
            raise NewsprismError(f"quotation_sentences must be >= 1, got {self.quotation_sentences}")
        if self.lead_sentences < 1:
            raise NewsprismError(f"lead_sentences must be >= 1, got {self.lead_sentences}")
        if not 0.0 < self.duplicate_overlap <= 1.0:
            raise NewsprismError(f"duplicate_overlap must be in (0, 1], got {self.duplicate_overlap}")
        if not 0.0 < self.conveys <= 1.0:
            raise NewsprismError(f"conveys must be in (0, 1], got {self.conveys}")


def word_count(text: str) -> int:
    """Words as the budget counts them: runs of non-space characters (ROUGE's ``-l`` convention)."""
    return len(text.split())


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A sentence the program may choose. ``fact`` is what the one-per-fact constraint counts it
    under: its own fact, or the fact of a near-duplicate candidate (``_merge_near_duplicates``)."""

    sentence: Sentence
    fact: int
    words: int
    concepts: frozenset[tuple[str, ...]]


def _whole_quotations(
    analysis: StoryAnalysis, concepts: dict, limit: int
) -> tuple[list[_Candidate], set[tuple[str, int]]]:
    """Quotations that run over several sentences (``quotation_units``: a quotation the splitter cut
    in pieces, a quote-only sentence continuing the speaker before it, the speaker cut from a
    quotation), each as one candidate, and the sentences inside them. A brief may quote the whole:
    the candidate is the span from the first sentence to the last, with their concepts, under the
    first one's fact, so the speaker's words are told with the speaker. The sentences after the
    first of each such span are returned so that they are not candidates alone.
    """
    joined: list[_Candidate] = []
    inside: set[tuple[str, int]] = set()
    for article in analysis.story.articles:
        units = quotation_units(article.text, analysis.sentences[article.id], limit)
        for first, last in units:
            if last > first:
                sentences = analysis.sentences[article.id][first : last + 1]
                whole = joined_sentence(article.text, sentences)
                held = frozenset().union(*(concepts[(article.id, s.index)] for s in sentences))
                fact = analysis.fact_of[(article.id, sentences[0].index)]
                joined.append(_Candidate(whole, fact, word_count(whole.text), held))
                inside.update((article.id, s.index) for s in sentences[1:])
    return joined, inside


def _is_small(analysis: StoryAnalysis, settings: SummarySettings) -> bool:
    """Whether the small-story rules apply: a story of at most ``settings.small_story_articles`` articles."""
    return len(analysis.sentences) <= settings.small_story_articles


def _concept_weights(analysis: StoryAnalysis, settings: SummarySettings) -> tuple[dict, dict]:
    """Concepts of every sentence, and each concept's weight (article support or, for the words of a
    small story, sentence frequency; times the position bonus). In a small story a bigram said in
    two or more sentences is a concept even when only one article holds it."""
    small = _is_small(analysis, settings)
    concepts: dict[tuple[str, int], frozenset] = {}
    support: dict[tuple[str, ...], set[str]] = {}
    earliest: dict[tuple[str, ...], float] = {}
    frequency: Counter[tuple[str, ...]] = Counter()
    for article_id, sentences in analysis.sentences.items():
        for sentence in sentences:
            tokens, stems = terms(sentence.text)
            found: frozenset[tuple[str, ...]] = frozenset(content_bigrams(tokens, stems))
            if small:
                if settings.word_weight > 0:
                    found |= {(stem,) for stem in content_stems(tokens, stems)}
                frequency.update(found)
            concepts[(article_id, sentence.index)] = found
            position = settings.position_steps * sentence.index / len(sentences)
            for concept in found:
                holders = support.get(concept)
                if holders is None:
                    support[concept] = {article_id}
                    earliest[concept] = position
                else:
                    holders.add(article_id)
                    if position < earliest[concept]:
                        earliest[concept] = position
    articles = len(analysis.sentences)
    needed = max(math.ceil(settings.min_support_fraction * articles), 2) if articles > 1 else 1
    while needed > 1 and not any(len(a) >= needed for a in support.values()):
        needed -= 1  # articles that share nothing: fall back to what one article stresses
    weights: dict[tuple[str, ...], float] = {}
    for concept, holders in support.items():
        boost = 1.0 + settings.position_weight / (1 + earliest[concept])
        said = frequency[concept]  # sentences saying it; counted in small stories only
        if len(concept) == 1:
            if said >= 2:  # a word said once is no evidence of the story's topic
                weights[concept] = settings.word_weight * said * boost
        elif len(holders) >= needed or said >= 2:
            weights[concept] = len(holders) * boost
    return concepts, weights


@dataclass(frozen=True, slots=True)
class _Program:
    """The selection program over ``n`` candidates, as both solvers read it.

    ``own[j]``: what choosing candidate ``j`` earns whatever else is chosen (the weight of the
    concepts no other candidate holds, plus the tie-break bonus); ``covers[j, k]``: 1 when ``j``
    holds shared concept group ``k``, a group being the concepts held by exactly the same
    candidates (their weights added in ``shared[k]``); ``words[j]``; ``facts[j]``: the row of
    ``j``'s fact (at most one candidate per row may be chosen).
    """

    own: np.ndarray
    covers: np.ndarray
    shared: np.ndarray
    words: np.ndarray
    facts: np.ndarray

    def value(self, chosen: Sequence[int]) -> float:
        """The objective: own weights of ``chosen`` plus every shared group one of them covers."""
        covered = self.covers[list(chosen)].max(axis=0, initial=0.0)
        return float(self.own[list(chosen)].sum() + covered @ self.shared)


def _program(candidates: Sequence[_Candidate], weights: dict, rewards: np.ndarray) -> _Program:
    """The program over ``candidates``: concepts held by one candidate folded into its own weight,
    concepts held by the same candidates merged into one group (fewer columns for both solvers),
    and each candidate's reward added to its own weight. Concepts are visited in sorted order, so
    the groups, and with them the solvers' choice among equal optima, do not depend on string
    hashing (``PYTHONHASHSEED``): every run gives the same summary."""
    holders: dict[tuple[str, ...], list[int]] = {}
    for j, candidate in enumerate(candidates):
        for concept in sorted(candidate.concepts):
            if concept in weights:
                holders.setdefault(concept, []).append(j)
    # A tiny bonus per sentence, larger for earlier ones, breaks ties and fills the budget when no
    # concept is shared (non-English text).
    own = np.array([1e-3 / (1 + c.sentence.index) for c in candidates]) + rewards
    shared: dict[tuple[int, ...], float] = {}
    for concept, js in holders.items():
        if len(js) == 1:
            own[js[0]] += weights[concept]
        else:
            shared[tuple(js)] = shared.get(tuple(js), 0.0) + weights[concept]
    covers = np.zeros((len(candidates), len(shared)))
    for k, group in enumerate(shared):
        covers[list(group), k] = 1.0
    rows = {fact: r for r, fact in enumerate(sorted({c.fact for c in candidates}))}
    return _Program(
        own=own,
        covers=covers,
        shared=np.array(list(shared.values()), dtype=float),
        words=np.array([c.words for c in candidates], dtype=float),
        facts=np.array([rows[c.fact] for c in candidates], dtype=int),
    )


def _undominated(program: _Program) -> np.ndarray:
    """Which candidates may be chosen: not those a candidate of the same fact makes redundant.

    Only one sentence per fact is chosen, so a candidate ``b`` is never needed when another ``a``
    of its fact holds all of ``b``'s shared concepts, earns at least ``b``'s own weight and costs no
    more words: swapping ``b`` for ``a`` never lowers the value. Among equals (the same wire copy in
    two articles) the earlier candidate in story order is kept. Dropping them keeps the optimum and
    removes the interchangeable copies that would otherwise multiply the search.
    """
    keep = np.ones(len(program.own), dtype=bool)
    for fact in np.unique(program.facts):
        members = np.flatnonzero(program.facts == fact)
        for b in members:
            for a in members:
                if a == b or not keep[a]:
                    continue
                at_least = (
                    program.words[a] <= program.words[b]
                    and program.own[a] >= program.own[b]
                    and bool(np.all(program.covers[a] >= program.covers[b]))
                )
                equal = (
                    program.words[a] == program.words[b]
                    and program.own[a] == program.own[b]
                    and bool(np.all(program.covers[a] == program.covers[b]))
                )
                if at_least and (not equal or a < b):
                    keep[b] = False
                    break
    return keep


def _branch_and_bound(program: _Program, allowed: np.ndarray, budget: int, node_limit: int) -> list[int] | None:
    """The optimal choice among the ``allowed`` candidates, or None after ``node_limit`` nodes.

    Depth first: each node either takes the candidate with the most uncovered weight per word (so
    the first path is the budgeted greedy of Khuller, Moss & Naor 1999, a good first incumbent) or
    rules it out. A node is cut when no completion can beat the incumbent by more than rounding
    (1e-9), by the smaller of two upper bounds on what the candidates still open can add:
    - coverage is submodular, so a set adds at most the sum of its members' marginal gains, and
      within the words left that sum is at most the fractional knapsack of the gains (Dantzig's
      bound, the one Martello & Toth 1990 use for 0-1 knapsacks);
    - nothing can add more than every open candidate's own weight and every shared concept one
      of them holds (tight when most of what is open fits, as with Multi-News budgets).
    When everything open fits and no two open candidates tell one fact, taking them all is optimal.
    The optimum is exact (HiGHS stops within a relative gap of 1e-4), so among summaries of equal
    concept weight the tie-break bonus decides.
    """
    best_value, best = -1.0, []
    nodes = 0

    def visit(open_: np.ndarray, uncovered: np.ndarray, value: float, left: float, chosen: list[int]) -> bool:
        nonlocal best_value, best, nodes
        nodes += 1
        if nodes > node_limit:
            return False
        if value > best_value + 1e-9:
            best_value, best = value, chosen
        fitting = np.flatnonzero(open_ & (program.words <= left))
        if not len(fitting):
            return True
        own, covers, words = program.own[fitting], program.covers[fitting], program.words[fitting]
        gains = own + covers @ uncovered
        everything = value + own.sum() + covers.max(axis=0) @ uncovered
        if words.sum() <= left and len(np.unique(program.facts[fitting])) == len(fitting):
            if everything > best_value + 1e-9:
                best_value, best = everything, chosen + fitting.tolist()
            return True
        density = gains / words
        order = np.argsort(-density, kind="stable")
        taken = np.cumsum(words[order])
        whole = int(np.searchsorted(taken, left, side="right"))
        knapsack = value + gains[order[:whole]].sum()
        if whole < len(order):
            knapsack += density[order[whole]] * (left - (taken[whole - 1] if whole else 0.0))
        if min(knapsack, everything) <= best_value + 1e-9:
            return True
        j = int(fitting[order[0]])
        if not visit(
            open_ & (program.facts != program.facts[j]),
            uncovered * (1.0 - program.covers[j]),
            value + float(gains[order[0]]),
            left - program.words[j],
            chosen + [j],
        ):
            return False
        without = open_.copy()
        without[j] = False
        return visit(without, uncovered, value, left, chosen)

    if not visit(allowed.copy(), program.shared.copy(), 0.0, float(budget), []):
        return None
    return sorted(best)


def _highs(program: _Program, allowed: np.ndarray, budget: int, settings: SummarySettings) -> list[int]:
    """The same program solved by HiGHS (``scipy.optimize.milp``), for when the search gives up.

    Variables: ``s_j`` (sentence chosen, binary; 0 when not ``allowed``) and ``c_k`` (shared concept
    group covered). Since covered weight is maximised, ``c_k <= sum of s_j over the holders of k``
    (and ``c_k <= 1``) suffices: the optimum sets ``c_k`` to 1 exactly when a holder is chosen, so
    ``c_k`` need not be integer and the "chosen sentence covers its concepts" rows of Gillick &
    Favre's program are redundant. HiGHS stops within a relative gap of 1e-4 or ``time_limit``.

    Presolve is off, and that keeps HiGHS silent: the HiGHS of scipy 1.17 prints a debugging line
    ("HighsMipSolverData::transformNewIntegerFeasibleSolution tmpSolver.run();") to the process's
    standard output, past its own quiet option, only when it repairs a solution mapped back through
    presolve (the presolve of the start or of a restart, and restarts too need presolve). That line
    used to land in the JSON lines of ``summarize --clusters``; redirecting file descriptor 1 around
    the solve would stop it but races with every other thread of the process. The programs are small
    (at most ``candidate_limit`` sentences), so presolve saves little.
    """
    n, m = program.covers.shape
    ks, js = np.nonzero(program.covers.T)
    facts = int(program.facts.max()) + 1
    blocks = [
        # the budget: sum of words of the chosen sentences <= budget
        sp.csr_matrix((program.words, (np.zeros(n, int), np.arange(n))), shape=(1, n + m)),
        # a concept group is covered only by a chosen sentence: c_k - sum_j s_j <= 0
        sp.csr_matrix((np.r_[np.ones(m), -np.ones(len(js))], (np.r_[np.arange(m), ks], np.r_[n + np.arange(m), js])), shape=(m, n + m)),
        # at most one sentence per fact
        sp.csr_matrix((np.ones(n), (program.facts, np.arange(n))), shape=(facts, n + m)),
    ]
    result = milp(
        -np.r_[program.own, program.shared],  # milp minimises
        constraints=LinearConstraint(sp.vstack(blocks).tocsr(), -np.inf, np.r_[budget, np.zeros(m), np.ones(facts)]),
        integrality=np.r_[np.ones(n), np.zeros(m)],
        bounds=Bounds(0, np.r_[allowed.astype(float), np.ones(m)]),
        options={"time_limit": settings.time_limit, "presolve": False, "disp": False},
    )
    if result.x is None:
        raise NewsprismError(f"the sentence selection found no solution ({result.message})")
    return [j for j in range(n) if result.x[j] > 0.5]


def _solve(
    candidates: Sequence[_Candidate], weights: dict, words: int, settings: SummarySettings, rewards: np.ndarray
) -> list[int]:
    """Indices of the candidates the program chooses (Gillick & Favre 2009, plus one sentence per fact).

    Concepts held by the same candidates are one group (weights added), and a concept only one
    candidate holds is part of that candidate's own weight; candidates another of their fact makes
    redundant are left out (``_undominated``). The program is solved exactly by
    ``_branch_and_bound``, faster than HiGHS on DUC 2004 (docs/evaluation.md, "Speed of the
    summaries"); a program it has not closed within ``settings.node_limit`` nodes, or too deep for
    its recursion (a ``candidate_limit`` raised into the hundreds), goes to HiGHS.
    ``rewards`` holds one bonus per candidate, earned when it is chosen (``_quotation_rewards``).
    """
    program = _program(candidates, weights, rewards)
    allowed = _undominated(program)
    try:
        chosen = _branch_and_bound(program, allowed, words, settings.node_limit)
    except RecursionError:
        chosen = None
    if chosen is None:
        log.info("selection search stopped after %d nodes; solving with HiGHS", settings.node_limit)
        chosen = _highs(program, allowed, words, settings)
    return chosen


def _quotation_rewards(candidates: Sequence[_Candidate], weights: dict, settings: SummarySettings) -> np.ndarray:
    """A bonus for each candidate that is part of a direct quotation (holds a double quote mark).

    What a speaker said, in their words, is what multi-source briefs carry over from the articles
    (the Multi-News references, newser.com editors' briefs, quote the articles' speakers), and a
    quotation is told in the same words by every outlet that carries it. The bonus is
    ``quotation_reward`` times the mean concept weight the candidates hold (those that reach the
    program: the shortlist), so it means the same in stories of any size.
    """
    if settings.quotation_reward == 0 or not candidates:
        return np.zeros(len(candidates))
    mean = sum(weights.get(concept, 0.0) for c in candidates for concept in c.concepts) / len(candidates)
    quoted = np.array([not QUOTE_MARKS.isdisjoint(c.sentence.text) for c in candidates])
    return settings.quotation_reward * mean * quoted


def _shortlist(candidates: Sequence[_Candidate], weights: dict, limit: int) -> list[_Candidate]:
    """The candidates worth giving the solver: the best ``limit`` by weight and by weight per word.

    The solver's time grows with the number of sentence variables, and a 500-sentence DUC 2004 story
    offers hundreds of candidates of which the optimum uses five or six. Sentences that are neither
    among the heaviest (by the concept weight they hold) nor among the densest (that weight per
    word, what a budgeted greedy ranks by; Lin & Bilmes 2010) are almost never chosen. This is a
    heuristic cut: the program is exact over the shortlist only. Order is kept.
    """
    if len(candidates) <= limit:
        return list(candidates)
    value = [sum(weights.get(concept, 0.0) for concept in c.concepts) for c in candidates]
    by_value = sorted(range(len(candidates)), key=lambda j: -value[j])[:limit]
    by_density = sorted(range(len(candidates)), key=lambda j: -value[j] / candidates[j].words)[:limit]
    return [candidates[j] for j in sorted(set(by_value) | set(by_density))]


def _merge_near_duplicates(candidates: Sequence[_Candidate], overlap: float) -> list[_Candidate]:
    """The candidates, near-duplicates counted under one fact, so at most one of them is chosen.

    The alignment links sentences of different articles only, so a sentence an article repeats (a
    caption above its paragraph, a lead restated at the end, a quotation told twice) is a separate
    fact. Covering a concept twice earns nothing, so the program never needs both copies for their
    concepts, but when the budget outlasts the concepts (Multi-News) it fills the rest with leftover
    sentences, and a copy can be one of them. A candidate nearly repeats another when at least
    ``overlap`` of its content bigrams are in the other, which holds as many or more (containment,
    as in Broder 1997); it joins the group of the largest such candidate only (the earliest among
    equals), so a short sentence whose few bigrams two different long sentences both hold does not
    join those two. Each candidate's own fact joins its group too.
    """
    sets = UnionFind(len(candidates))
    first_of_fact: dict[int, int] = {}
    bigrams = [{c for c in candidate.concepts if len(c) == 2} for candidate in candidates]
    for i, candidate in enumerate(candidates):
        sets.union(first_of_fact.setdefault(candidate.fact, i), i)
    for i, own in enumerate(bigrams):
        if not own:
            continue
        holders = [
            k for k, other in enumerate(bigrams)
            if k != i and (len(other), -k) > (len(own), -i) and len(own & other) >= overlap * len(own)
        ]
        if holders:
            largest = max(holders, key=lambda k: (len(bigrams[k]), -k))
            sets.union(largest, i)
    return [replace(candidate, fact=candidates[sets.find(i)].fact) for i, candidate in enumerate(candidates)]


_CONTINUES = re.compile(r"^\W*(?:but|and|yet|so|also|still|however|meanwhile)\b", re.IGNORECASE)
"""A sentence that goes on from one before it ("But by his own admission, ..."): no lead."""

_DATED = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|last night"
    r"|this (?:morning|afternoon|evening|week)"
    r"|(?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\.? \d{1,2}\b)",
    re.IGNORECASE,
)
"""When an opening dates what it reports: a weekday, today / yesterday, or a month and day."""


def _day(published: datetime | None) -> date | None:
    """The calendar day of a publication date (None when unknown), so reports of one day tie."""
    return published.date() if isinstance(published, datetime) else None


def _fit_to_lead(text: str) -> bool:
    """Whether a sentence may open a summary: it starts neither with a bare pronoun nor with a word
    that goes on from a sentence before it."""
    return not opens_with_pronoun(text) and not _CONTINUES.match(text)


def _news(
    analysis: StoryAnalysis, candidates: Sequence[_Candidate], shortlisted: Sequence[_Candidate], weights: dict,
    settings: SummarySettings,
) -> list[_Candidate]:
    """The sentences fit to open the summary, the best first: the news, as the articles open with it.

    An article's opening is its first ``settings.lead_sentences`` candidates (whole, publishable
    sentences that start neither with a bare pronoun nor with a word that goes on from the sentence
    before, ``_CONTINUES``). Openings that date what they report ("on
    Wednesday", "yesterday", "Aug. 31") are the news, as hard-news ledes date events of the past
    week (the Associated Press's style), where a feature lede sets a background ("In recent years,
    ...", "Like many conservative Republicans, ..."); when no opening is dated, every opening is.
    They are ranked by how many articles open with their fact (``fact`` as the program counts it:
    near-duplicates merged), then, when the articles carry different publication days, by the
    latest day an article opening with it was published (a follow-up's "will not resign" is the
    news, not the day-old "opens door to an early exit"), then by their own article's day, then by
    the concept weight they hold.
    """
    merged = {(c.sentence.article, c.sentence.index): c.fact for c in shortlisted}
    by_article: dict[str, list[_Candidate]] = {}
    for candidate in candidates:
        if _fit_to_lead(candidate.sentence.text):
            key = (candidate.sentence.article, candidate.sentence.index)
            by_article.setdefault(candidate.sentence.article, []).append(replace(candidate, fact=merged.get(key, candidate.fact)))
    openings = [c for own in by_article.values() for c in sorted(own, key=lambda c: c.sentence.index)[: settings.lead_sentences]]
    news = [c for c in openings if _DATED.search(c.sentence.text)] or openings
    openers: dict[int, set[str]] = {}
    for candidate in openings:
        openers.setdefault(candidate.fact, set()).add(candidate.sentence.article)
    days = {a.id: _day(a.published) for a in analysis.story.articles}
    dated = len(set(days.values()) - {None}) > 1
    latest = {
        fact: max((day.toordinal() for day in (days[a] for a in articles) if day is not None), default=0) if dated else 0
        for fact, articles in openers.items()
    }

    def rank(candidate: _Candidate) -> tuple:
        weight = sum(weights.get(concept, 0.0) for concept in candidate.concepts)
        own = days[candidate.sentence.article]
        return (-len(openers[candidate.fact]), -latest[candidate.fact], -(own.toordinal() if dated and own else 0), -weight)

    return sorted(news, key=rank)


def _lead(
    news: Sequence[_Candidate], chosen: list[_Candidate], shortlisted: Sequence[_Candidate], weights: dict,
    words: int, settings: SummarySettings, rewards: np.ndarray,
) -> tuple[_Candidate | None, list[_Candidate]]:
    """The summary's first sentence and all its sentences.

    The lead is the sentence the program chose for the best-ranked fact of the ``news`` it chose
    (putting that fact in the latest report's words instead cost DUC 2004 0.4 ROUGE-1). When it
    chose none, each of the ``settings.lead_trials`` best is taken first in turn, the program fills
    the words left around it, and the trial covering the most concept weight is kept. (None,
    ``chosen``) when there is no news to lead with.
    """
    told = {c.fact: c for c in chosen if _fit_to_lead(c.sentence.text)}
    for candidate in news:
        if candidate.fact in told:
            return told[candidate.fact], chosen
    if not news:
        return None, chosen
    trials = [[c] + _solve_after(c, shortlisted, weights, words, settings, rewards) for c in news[: settings.lead_trials]]
    best = max(trials, key=lambda trial: _covered(trial, weights))  # the first of equals: the best ranked
    return best[0], best


def _covered(chosen: Sequence[_Candidate], weights: dict) -> float:
    """The concept weight ``chosen`` covers, each concept once: the program's objective."""
    return sum(weights.get(concept, 0.0) for concept in set().union(*(c.concepts for c in chosen)))


def _solve_after(
    lead: _Candidate,
    candidates: Sequence[_Candidate],
    weights: dict,
    words: int,
    settings: SummarySettings,
    rewards: np.ndarray,
) -> list[_Candidate]:
    """The rest of the summary when ``lead`` is taken first: the same program over the words left,
    with the lead's concepts already covered and its fact already told."""
    left = words - lead.words
    keep = [j for j, c in enumerate(candidates) if c.fact != lead.fact and c.words <= left]
    if left < 1 or not keep:
        return []
    rest = [candidates[j] for j in keep]
    uncovered = {concept: w for concept, w in weights.items() if concept not in lead.concepts}
    return [rest[j] for j in _solve(rest, uncovered, left, settings, rewards[keep])]


def _without_cut_mark(sentence: Sentence) -> Sentence:
    """``sentence`` up to its own full stop when the source's ellipsis follows it (``whole_end``):
    a brief shows "... the agency said.", not "... the agency said....", and the span still points
    at the article's text."""
    end = whole_end(sentence.text)
    return sentence if end is None else replace(sentence, end=sentence.start + end, text=sentence.text[:end])


def _reading_key(analysis: StoryAnalysis, sentence: Sentence, fact: int) -> tuple:
    """Chronological by the earliest article telling the fact, then by position in the article."""
    order = {article.id: k for k, article in enumerate(analysis.story.articles)}
    dates = [analysis.story.article(s.article).published for s in analysis.facts[fact].sentences]
    known = [d.timestamp() if isinstance(d, datetime) else math.inf for d in dates]
    relative = sentence.index / max(len(analysis.sentences[sentence.article]), 1)
    return (min(known), relative, order[sentence.article], sentence.index)


def summarize(
    story_or_analysis: Story | StoryAnalysis,
    words: int = 100,
    *,
    settings: SummarySettings = SummarySettings(),
) -> Summary:
    """An extractive summary of at most ``words`` words, each sentence with its fact and outlets.

    Raises ``NewsprismError`` when ``words`` is not positive, the story has no sentence, or no
    sentence fits the budget. A budget larger than the story gives every fact once, less those
    whose sentence nearly repeats another chosen one.
    """
    if isinstance(words, bool) or not isinstance(words, int) or words < 1:
        raise NewsprismError(f"the word budget must be a positive whole number, got {words!r}")
    analysis = story_or_analysis if isinstance(story_or_analysis, StoryAnalysis) else analyze(story_or_analysis)
    concepts, weights = _concept_weights(analysis, settings)
    every = [
        _Candidate(s, analysis.fact_of[(s.article, s.index)], word_count(s.text), concepts[(s.article, s.index)])
        for article in analysis.story.articles
        for s in analysis.sentences[article.id]
    ]
    if not every:
        raise NewsprismError(f"story {analysis.story.id!r} has no sentences to summarise")
    joined, inside = _whole_quotations(analysis, concepts, settings.quotation_sentences)
    pool = [c for c in every if (c.sentence.article, c.sentence.index) not in inside] + joined
    fitting = [c for c in pool if c.words <= words]
    if not fitting:
        shortest = min(c.words for c in every)
        raise NewsprismError(
            f"a budget of {words} words is smaller than every sentence of story {analysis.story.id!r} "
            f"(the shortest has {shortest} words); raise the budget"
        )
    publishable = [c for c in fitting if not sentence_breaks(c.sentence.text)]
    if not publishable:
        log.info("story %s: every sentence breaks a rule of a brief; choosing among them all", analysis.story.id)
    publishable = publishable or fitting
    small = _is_small(analysis, settings)
    min_words = settings.small_story_min_sentence_words if small else settings.min_sentence_words
    candidates = [c for c in publishable if c.words >= min_words] or publishable
    shortlisted = _merge_near_duplicates(_shortlist(candidates, weights, settings.candidate_limit), settings.duplicate_overlap)
    rewards = _quotation_rewards(shortlisted, weights, settings)
    chosen = [shortlisted[j] for j in _solve(shortlisted, weights, words, settings, rewards)]
    news = _news(analysis, candidates, shortlisted, weights, settings)
    lead, chosen = _lead(news, chosen, shortlisted, weights, words, settings, rewards)
    ordered = sorted(chosen, key=lambda c: _reading_key(analysis, c.sentence, analysis.fact_of[(c.sentence.article, c.sentence.index)]))
    if lead is None:  # no opening to lead with: the first chosen sentence that names its subject
        lead = next((c for c in ordered if _fit_to_lead(c.sentence.text)), ordered[0])
    ordered.remove(lead)
    conveying = analysis.outlets_conveying(settings.conveys)
    sentences = tuple(
        SummarySentence(sentence=_without_cut_mark(s), fact=analysis.facts[fact], outlets=conveying[fact])
        for s, fact in ((c.sentence, analysis.fact_of[(c.sentence.article, c.sentence.index)]) for c in [lead, *ordered])
    )
    log.info("story %s: %d of %d sentences chosen", analysis.story.id, len(sentences), len(every))
    return Summary(story=analysis.story.id, sentences=sentences)
