"""Records the entity stage produces and consumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdesk.model import Story

#: spaCy labels kept as entities; dates, numbers, money and percentages are not entities here.
KEPT_LABELS = frozenset(
    ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART")
)

#: Entity type of each mention label: places share one type so that one place gets one id
#: whichever of GPE/LOC/FAC the model chose in a given sentence.
ENTITY_TYPES = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "NORP",
    "EVENT": "EVENT",
    "PRODUCT": "PRODUCT",
    "LAW": "LAW",
    "WORK_OF_ART": "WORK_OF_ART",
}

#: Paragraph number of a story's title and summary (body paragraphs count from 0).
TITLE_PARAGRAPH = -2
SUMMARY_PARAGRAPH = -1

#: Values of `Mention.role`.
ROLE_CITED_SOURCE = "cited_source"
ROLE_OWN_OUTLET = "own_outlet"


@dataclass
class Mention:
    """One entity mention in one piece of text.

    Attributes:
        text: The mention as written (control characters replaced by spaces).
        label: Recognised label (one of `KEPT_LABELS`), after the rules.
        start: Start offset (see `EntityRecogniser` for what it is relative to).
        end: End offset, exclusive.
        paragraph: Body paragraph index; `TITLE_PARAGRAPH` (-2) / `SUMMARY_PARAGRAPH` (-1).
        in_title: True for mentions in the title.
        entity_id: Stable id of the entity the mention refers to.
        name: Canonical name of that entity.
        type: Entity type (`PERSON`, `ORG`, `PLACE`, `NORP`, `EVENT`, ...).
        country_code: ISO 3166-1 alpha-2 code for places and demonyms, else None.
        role: `cited_source` for outlets cited as sources, `own_outlet` for the story's own
            outlet, else None.
    """

    text: str
    label: str
    start: int
    end: int
    paragraph: int
    in_title: bool
    entity_id: str = ""
    name: str = ""
    type: str = ""
    country_code: str | None = None
    role: str | None = None


@dataclass
class Entity:
    """A normalised entity (one row of the `entities` table)."""

    entity_id: str
    name: str
    type: str
    country_code: str | None


@dataclass
class StoryText:
    """The parts of a story the entity stage reads.

    Attributes:
        key: The story's id (`story_id`), echoed in the output.
        title: Headline.
        summary: Standfirst / description.
        paragraphs: Body paragraphs.
        language: Declared language (BCP 47), if any.
        outlet: The story's own outlet name, to tell it apart from outlets it cites.
    """

    key: str
    title: str | None = None
    summary: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    language: str | None = None
    outlet: str | None = None

    @classmethod
    def from_story(cls, story: Story) -> StoryText:
        """The entity stage's view of a finalised `Story` (keyed by `story_id`).

        Args:
            story: A story; `story_id` is used as key, falling back to `record_id`, then "".

        Returns:
            The `StoryText`.
        """
        return cls(
            key=story.story_id or story.record_id or "",
            title=story.title,
            summary=story.summary,
            paragraphs=list(story.paragraphs),
            language=story.language,
            outlet=story.outlet,
        )


@dataclass
class Span:
    """A candidate span inside one piece of text, while rules are applied.

    Attributes:
        start: Start offset in the piece.
        end: End offset in the piece, exclusive.
        label: Current label.
        certain: Set when a rule (not the model) fixed the label; it wins label votes.
    """

    start: int
    end: int
    label: str
    certain: bool = False
