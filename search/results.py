"""One page of search results, from a request's parameters to what the template shows.

The engine ranks and counts; this module loads only the results on the page being shown (one query per page type
and one for comments, whatever their number), rechecks that each may still be shown, and cuts their snippets.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.functional import cached_property
from django.utils.safestring import SafeString

from courses.models import CoursePage
from discussion.models import visible_comments

from .conf import conf
from .engines import SearchUnavailable, get_engine
from .facets import (
    DISCUSSION,
    FACETS,
    TYPES_BY_KEY,
    Catalogue,
    ResultType,
    School,
    Selection,
    build_facets,
    clear_filters_url,
)
from .highlight import highlight, snippet
from .privacy import hidden_paths, visible_pages
from .query import parse
from .suggestions import did_you_mean
from .text import comment_text, page_text


@dataclass
class Result:
    """A found page or comment, as the results list shows it."""

    type: ResultType
    url: str
    title: SafeString
    snippet: SafeString
    changed_at: datetime | None
    school: School | None = None
    page: object = None
    comment: object = None
    context_title: str = ""
    context_url: str = ""


class Loader:
    """Turns ranked ids into Results, loading each page type and the comments in one query each."""

    def __init__(self, request, query, catalogue, hidden):
        self.request, self.query, self.catalogue, self.hidden = request, query, catalogue, hidden

    def __call__(self, ranked):
        page_ids, comment_ids = defaultdict(list), []
        for item in ranked:
            if item.source == "page":
                page_ids[self.catalogue.type_by_content_type[item.content_type_id].key].append(item.pk)
            else:
                comment_ids.append(item.pk)
        pages = {}
        for key, ids in page_ids.items():
            model = self.catalogue.models[key]
            found = visible_pages(self.hidden, model).filter(pk__in=ids)
            if model is CoursePage:
                found = found.select_related("kind")
            pages.update((page.pk, page) for page in found)
        comments = {comment.pk: comment for comment in visible_comments().filter(pk__in=comment_ids)}

        results = []
        for item in ranked:
            if item.source == "page" and item.pk in pages:
                results.append(self.page_result(pages[item.pk], item.content_type_id))
            elif item.source == "comment" and item.pk in comments:
                results.append(self.comment_result(comments[item.pk]))
        return results

    def page_result(self, page, content_type_id):
        return Result(
            type=self.catalogue.type_by_content_type[content_type_id],
            url=page.get_url(self.request),
            title=highlight(page.title, self.query.words),
            snippet=snippet(page_text(page), self.query.words, conf.SNIPPET_LENGTH),
            changed_at=page.last_published_at,
            school=self.catalogue.school_of(page.path),
            page=page,
        )

    def comment_result(self, comment):
        return Result(
            type=DISCUSSION,
            url=comment.get_absolute_url(),
            title=highlight(f"{comment.author_name} on “{comment.page.title}”", self.query.words),
            snippet=snippet(comment_text(comment), self.query.words, conf.SNIPPET_LENGTH),
            changed_at=comment.edited_at or comment.submit_date,
            school=self.catalogue.school_of(comment.page.path),
            comment=comment,
            context_title=comment.page.title,
            context_url=comment.page.get_url(self.request),
        )


class LazyResults:
    """The ranked matches as a sequence for Django's Paginator: only the slice shown is ever loaded."""

    def __init__(self, ranked, total, loader):
        self.ranked, self.total, self.loader = ranked, total, loader

    def __len__(self):
        return self.total

    def count(self):
        return self.total

    def __getitem__(self, key):
        return self.loader(self.ranked[key])


@dataclass
class Suggestion:
    text: str
    url: str
    count: int


@dataclass
class SearchPage:
    """Everything a results page shows."""

    params: object
    query: object
    selection: Selection | None = None
    page_obj: object = None
    facets: list = field(default_factory=list)
    total: int = 0
    unfiltered: int = 0
    spelling: Suggestion | None = None
    unavailable: bool = False
    pinned_type: str | None = None  # a listing searching one type (/wiki/): not a filter the visitor chose

    @cached_property
    def querystring(self):
        kept = self.params.copy()
        kept.pop("page", None)
        return kept.urlencode()

    @property
    def clear_filters_url(self):
        return clear_filters_url(self.params)

    @property
    def filters_chosen(self):
        """Whether the visitor narrowed the results themselves (a listing's own type doesn't count)."""
        if not self.selection:
            return False
        return any(self.selection.value(name) for name in FACETS if name != "type") or (
            self.selection.type is not None and self.selection.type.key != self.pinned_type
        )


def run(request, params=None, *, only_type=None):
    """Search for `params["q"]` (default: the request's GET) with its filters; `only_type` pins the type facet."""
    params = (params or request.GET).copy()
    if only_type:
        params["type"] = only_type
    query = parse(params.get("q", ""))
    result = SearchPage(params=params, query=query, pinned_type=only_type)
    if query.is_empty:
        return result

    catalogue = Catalogue()
    hidden = hidden_paths(request)
    selection = Selection.from_params(params, catalogue)
    engine = get_engine()
    per_page = conf.PER_PAGE
    try:
        number = max(1, int(params.get("page", 1)))
    except ValueError:
        number = 1
    try:
        matches = engine.search(query, selection, catalogue, hidden, limit=min(number * per_page, conf.MAX_RESULTS))
        total = min(matches.counts.total, conf.MAX_RESULTS)
        last = max(1, -(-total // per_page))
        if number > last:  # past the end: show the last page, which needs fewer ranked matches
            number = last
            matches = engine.search(query, selection, catalogue, hidden, limit=number * per_page)
        if not matches.counts.total:
            result.spelling = spelling_suggestion(engine, query, catalogue, hidden, params, only_type)
    except SearchUnavailable:
        result.unavailable = True
        return result

    paginator = Paginator(LazyResults(matches.ranked, total, Loader(request, query, catalogue, hidden)), per_page)
    try:
        result.page_obj = paginator.page(number)
    except (EmptyPage, PageNotAnInteger):
        result.page_obj = paginator.page(1)
    result.selection = selection
    result.total = matches.counts.total
    result.unfiltered = matches.counts.unfiltered
    result.facets = build_facets(matches.counts, selection, catalogue, params)
    return result


def spelling_suggestion(engine, query, catalogue, hidden, params, only_type=None):
    """The corrected query, if it finds something (without filters, but within a listing's own type)."""
    alternative = did_you_mean(query, catalogue.page_content_types)
    if alternative is None:
        return None
    within = Selection(type=TYPES_BY_KEY.get(only_type))
    found = engine.search(alternative, within, catalogue, hidden, limit=0).counts.total
    if not found:
        return None
    kept = params.copy()
    kept["q"] = alternative.text
    for name in ("page", *FACETS):
        kept.pop(name, None)
    return Suggestion(alternative.text, "?" + kept.urlencode(), found)
