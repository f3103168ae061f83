"""What other apps use: relevance filtering for listings that accept `q=` (/courses/, /wiki/)."""

from django.db.models import Case, IntegerField, Value, When

from .conf import conf
from .engines import SearchUnavailable, get_engine
from .facets import Catalogue
from .query import parse


def search_pages(queryset, text, type_key):
    """`queryset` narrowed to the pages matching `text`, and an ordering expression by relevance.

    The queryset keeps its own visibility rules (the caller's `.live().public()`), so no private section is
    consulted here. If the search service is down, titles containing the words stand in for it.
    """
    query = parse(text)
    if query.is_empty:
        return queryset, None
    try:
        ids = get_engine().page_ids(query, Catalogue(), [], [type_key], conf.MAX_RESULTS)
    except SearchUnavailable:
        for word in query.words:
            queryset = queryset.filter(title__icontains=word)
        return queryset, None
    relevance = Case(*(When(pk=pk, then=Value(rank)) for rank, pk in enumerate(ids)), output_field=IntegerField())
    return queryset.filter(pk__in=ids), relevance if ids else None
