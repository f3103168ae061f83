"""Search engines: the database one (Wagtail's database backend's index) and Elasticsearch.

Both answer the same three questions, so views never know which one runs:

- `search(query, selection, catalogue, hidden, limit)`: the best `limit` matches among pages and comments, and the
  facet counts (`Matches`);
- `autocomplete(text, catalogue, hidden, limit)`: ids of pages whose titles start with the words typed;
- `page_ids(query, catalogue, hidden, type_keys, limit)`: ids of pages of some types, best first (for /courses/).

`hidden` lists the private sections the visitor may not see (`search.privacy.hidden_paths`).
"""

from dataclasses import dataclass

from wagtail.search.backends import get_search_backend

from ..conf import conf
from ..facets import Counts


class SearchUnavailable(Exception):
    """The search service could not answer (Elasticsearch down or refusing): say so rather than fail."""


@dataclass(frozen=True)
class Ranked:
    """One match: a page or a comment, with its relevance (higher is better, comparable within one engine)."""

    source: str  # "page" or "comment"
    pk: int
    score: float
    content_type_id: int | None = None


@dataclass
class Matches:
    ranked: list
    counts: Counts


def merge(*ranked_lists, limit):
    """Lists already sorted best first, merged into one, best first, at most `limit` long."""
    merged = sorted((item for ranked in ranked_lists for item in ranked), key=lambda item: -item.score)
    return merged[:limit]


def get_engine():
    backend = get_search_backend()
    if conf.USE_ELASTICSEARCH:
        from .elasticsearch import ElasticsearchEngine

        return ElasticsearchEngine(backend)
    from .database import DatabaseEngine

    return DatabaseEngine(backend)
