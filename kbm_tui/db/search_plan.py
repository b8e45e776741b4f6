"""What an engine's search learned from its indexes about the words typed."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SearchPlan:
    """What an engine's indexes told about the words of a search (`Search.customer_ids`),
    for one version of the data: a condition on c naming the few ids every match is among,
    when a word is rare; and for each word typed that few customers said, who they are (a
    word not listed there was said by many, and is checked on each row read)."""

    narrowed: tuple[str, list] | None = None
    said_by_few: dict[str, list[int]] = field(default_factory=dict)
