"""The one model layer shared by every stage: readers, taggers, event finder, merger, renderer.

Field names follow docs/contract.md (the public JSON). `schema/timeline.schema.json` is generated
from these models (`python -m timeline schema`) and a test keeps it in step.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal[
    "minute", "hour", "part_of_day", "day", "week", "month", "quarter", "season", "half",
    "year", "decade", "century", "unknown",
]
Status = Literal["occurred", "ongoing", "planned", "deadline", "claimed", "negated", "hypothetical"]


# The set of the field names a model was given is kept in every model: 728 bytes for ten names,
# more than the values of most. Models of one class given the same names share one set (a merged
# corpus makes millions); nothing reads which fields were given (no exclude_unset anywhere), and
# a copy given new values gets the set of its own names.
_FIELD_SETS: dict[tuple[type, frozenset], set] = {}


def _sharing_field_set(model: BaseModel) -> BaseModel:
    given = model.__pydantic_fields_set__
    shared = _FIELD_SETS.setdefault((type(model), frozenset(given)), given)
    if shared is not given:
        object.__setattr__(model, "__pydantic_fields_set__", shared)
    return model


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    def model_post_init(self, context) -> None:
        _sharing_field_set(self)

    def model_copy(self, *, update=None, deep: bool = False):
        return _sharing_field_set(super().model_copy(update=update, deep=deep))


class Document(Model):
    id: str = Field(description="Stable identifier: the same input gives the same id.")
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    published: Optional[str] = Field(None, description="YYYY-MM-DD, the anchor for relative dates.")
    published_from: Optional[str] = Field(
        None, description="Where the publication date came from: option, header, metadata, html, dateline, "
                          "path (the day an archive's folder or file name files it under).")
    path: Optional[str] = Field(None, description="The file or URL the document was read from.")
    lang: Optional[str] = Field(
        None, description="ISO 639-1 code of the text's language (given, or detected); null: not known.")
    text: str = Field(description="The body; every offset points into it.")


class Interval(Model):
    """The days a date allows, inclusive, and how precisely the text gives it."""
    start: Optional[str] = None
    end: Optional[str] = None
    granularity: Granularity = "unknown"


class TimeExpression(Model):
    document: str
    text: str
    start: int
    end: int
    type: TimexType
    value: str
    mod: Optional[str] = None
    rule: str
    anchor: Optional[str] = Field(None, description="The date the value was resolved against, if relative.")
    interval: Optional[Interval] = None
    display: Optional[str] = None


class EventDate(Model):
    value: str
    mod: Optional[str] = None
    start: Optional[str] = None
    end: Optional[str] = None
    granularity: Granularity = "unknown"
    display: str = ""


class Mention(Model):
    document: str
    start: int
    end: int
    sentence: str
    trigger: str
    trigger_start: int
    trigger_end: int
    time: Optional[int] = Field(None, description="Index into Timeline.time_expressions, or null.")
    date: Optional[EventDate] = Field(None, description="The date this mention gives the event.")
    date_rule: Optional[str] = Field(None, description="How the date was attached (same clause, after-event...).")
    trigger_type: Optional[str] = Field(
        None, description="The type its own trigger names, where it differs from the event's: 'killed' "
                          "(DEATH_INJURY) told as part of a bombing (ATTACK). Null: the event's type.")


class MergeSource(Model):
    """One event as first extracted from one document, kept inside the event it merged into."""
    event: str = Field(description="The id the event had before merging.")
    document: str
    type: str
    status: Status
    headline: str = ""
    date: Optional[EventDate] = None
    actors: list[str] = []
    places: list[str] = Field([], description="Where it happened, as its document told it.")
    confidence: float = Field(0.5, ge=0.0, le=1.0)
    mentions: list[int] = Field(
        [], description="trigger_start of each mention it had in its document: merging again regroups "
                        "sources with their own mentions.")


class MergeEvidence(Model):
    score: float
    reasons: list[str] = []
    sources: list[MergeSource] = Field(
        [], description="Every event that merged into this one, one per document mention group.")


class Evidence(Model):
    """The one sentence that best shows an event happened, and where it was read."""
    document: str
    start: int
    end: int
    sentence: str


class Event(Model):
    id: str
    type: str
    status: Status
    headline: str
    date: Optional[EventDate] = None
    mentions: list[Mention] = []
    actors: list[str] = Field([], description="Who acted or was acted on: people, groups, organisations, states.")
    places: list[str] = Field(
        [], description="Where it happened: villages, cities, provinces, countries named as places.")
    confidence: float = Field(0.5, ge=0.0, le=1.0)
    type_rule: Optional[str] = Field(None, description="Trigger or pattern that chose the type.")
    status_rule: Optional[str] = None
    conflicts: list[EventDate] = Field(
        [], description="Other dates that sources give for this event, when they disagree.")
    merged: Optional[MergeEvidence] = None
    date_conflict: bool = Field(
        False, description="True when sources give dates for this event that disagree (see conflicts).")
    salience: Optional[float] = Field(
        None, ge=0.0, le=1.0, description="How central the event is to the story (timeline/key/salience.toml).")
    salience_rule: Optional[str] = Field(None, description="Why: the evidence behind the salience.")
    summary: Optional[str] = Field(
        None, description="Key events: one line on what happened, the clearest headline among its sources.")
    evidence: Optional[Evidence] = Field(None, description="Key events: the sentence that best reports it.")


class Timeline(Model):
    title: str
    documents: list[Document] = []
    events: list[Event] = []
    time_expressions: list[TimeExpression] = []
    warnings: list[str] = []

    def _repr_html_(self) -> str:  # Jupyter shows the chart inline
        from timeline.render import fragment
        return fragment(self)

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs) -> dict:
        # preferred by Jupyter over _repr_html_: plotly's renderers also load plotly.js
        from timeline.render import notebook_bundle
        return notebook_bundle(self, include, exclude, **kwargs)


def json_schema() -> dict:
    return Timeline.model_json_schema()
