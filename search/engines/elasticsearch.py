"""Search on Elasticsearch 8: pages in Wagtail's index, comments in `search.documents`, both in one round trip.

The page query is Wagtail's own (its query compiler turns the text and the privacy filters of the page queryset
into Elasticsearch's query DSL, with titles and summaries boosted); this engine adds what Wagtail's search API
doesn't offer in one request: disjunctive facets (one filtered aggregation per facet, the chosen filters applied
as a `post_filter`), the school facet as path-prefix filters, and the comment index searched alongside through
`_msearch`. Hits carry only ids and scores; `search.results` loads and rechecks the objects from the database.
"""

import logging

from wagtail.models import Page
from wagtail.search.query import And, Phrase, PlainText

from courses.models import CoursePage

from ..documents import ERRORS, CommentDocument
from ..facets import DISCUSSION, OPEN_STATUSES, Counts
from ..privacy import all_private_paths, visible_pages
from . import Matches, Ranked, SearchUnavailable, merge

logger = logging.getLogger(__name__)


def wagtail_query(query):
    """The parsed query as Wagtail search query objects: all words, and each phrase."""
    parts = [PlainText(" ".join(query.terms), operator="and")] if query.terms else []
    parts += [Phrase(phrase) for phrase in query.phrases]
    return parts[0] if len(parts) == 1 else And(parts)


def comment_text_query(query):
    must = [{"match": {"text": {"query": " ".join(query.terms), "operator": "and"}}}] if query.terms else []
    must += [{"match_phrase": {"text": phrase}} for phrase in query.phrases]
    return must


def all_of(clauses):
    return {"bool": {"filter": clauses}} if clauses else {"match_all": {}}


class ElasticsearchEngine:
    def __init__(self, backend):
        self.backend = backend
        self.es = backend.es
        self.page_index = backend.get_index_for_model(Page).name
        self.comment_index = CommentDocument._index._name

    def column(self, model, name):
        """The name Wagtail's mapping gives a FilterField of `model` (e.g. `courses_coursepage__kind_id_filter`)."""
        field = next(field for field in model.get_filterable_search_fields() if field.field_name == name)
        return self.backend.mapping_class(model).get_field_column_name(field)

    # Request bodies

    def page_query(self, query, catalogue, hidden, content_types=None):
        pages = visible_pages(hidden).filter(content_type_id__in=content_types or catalogue.page_content_types)
        compiler = self.backend.query_compiler_class(pages, wagtail_query(query), operator="and")
        return compiler.get_query()

    def page_clauses(self, selection, catalogue):
        """One filter clause per chosen facet, on Wagtail's page document fields."""
        clauses = {}
        if selection.type:
            chosen = catalogue.content_type_by_type.get(selection.type.key)
            clauses["type"] = {"terms": {self.column(Page, "content_type"): [chosen] if chosen else []}}
        if selection.school:
            clauses["school"] = {"prefix": {self.column(Page, "path"): selection.school.path}}
        if selection.kind:
            clauses["kind"] = {"term": {self.column(CoursePage, "kind"): selection.kind.pk}}
        if selection.language:
            clauses["language"] = {"term": {self.column(CoursePage, "language"): selection.language}}
        if selection.open:
            clauses["open"] = self.open_clause()
        return clauses

    def open_clause(self):
        return {"terms": {self.column(CoursePage, "signup_status"): list(OPEN_STATUSES)}}

    @staticmethod
    def school_filters(field, catalogue):
        return {"filters": {"filters": {school.slug: {"prefix": {field: school.path}} for school in catalogue.schools}}}

    def page_body(self, query, selection, catalogue, hidden, size):
        clauses = self.page_clauses(selection, catalogue)
        values = {
            "type": {"terms": {"field": self.column(Page, "content_type"), "size": 50}},
            "school": self.school_filters(self.column(Page, "path"), catalogue),
            "kind": {"terms": {"field": self.column(CoursePage, "kind"), "size": 200}},
            "language": {"terms": {"field": self.column(CoursePage, "language"), "size": 200}},
            "open": {"filters": {"filters": {"open": self.open_clause()}}},
        }
        aggs = {
            name: {
                "filter": all_of([clause for other, clause in clauses.items() if other != name]),
                "aggs": {"values": value},
            }
            for name, value in values.items()
        }
        aggs["matched"] = {"filter": {"match_all": {}}}
        body = {
            "query": self.page_query(query, catalogue, hidden),
            "aggs": aggs,
            "size": size,
            "track_total_hits": True,
            "_source": ["pk", self.column(Page, "content_type")],
        }
        if clauses:
            body["post_filter"] = all_of(list(clauses.values()))
        return body

    def comment_body(self, query, selection, catalogue, size):
        private = [{"prefix": {"page_path": path}} for path in all_private_paths()]
        body = {
            "query": {"bool": {"must": comment_text_query(query), "must_not": private}},
            "aggs": {"school": self.school_filters("page_path", catalogue), "matched": {"filter": {"match_all": {}}}},
            "size": size if selection.includes_comments else 0,
            "track_total_hits": True,
            "_source": False,
        }
        if selection.school:
            body["post_filter"] = {"prefix": {"page_path": selection.school.path}}
        return body

    # Requests

    def _msearch(self, searches):
        try:
            responses = self.es.msearch(searches=searches)["responses"]
        except ERRORS as error:
            logger.exception("Elasticsearch did not answer a search")
            raise SearchUnavailable from error
        for response in responses:
            if "error" in response:
                logger.error("Elasticsearch refused a search: %s", response["error"])
                raise SearchUnavailable(response["error"])
        return responses

    def search(self, query, selection, catalogue, hidden, limit):
        pages, comments = self._msearch(
            [
                {"index": self.page_index},
                self.page_body(query, selection, catalogue, hidden, limit if selection.includes_pages else 0),
                {"index": self.comment_index},
                self.comment_body(query, selection, catalogue, limit),
            ]
        )
        return Matches(self.ranked(pages, comments, limit), self.counts(pages, comments, selection, catalogue))

    def ranked(self, pages, comments, limit):
        content_type = self.column(Page, "content_type")
        ranked_pages = [
            Ranked("page", int(hit["_source"]["pk"]), hit["_score"], hit["_source"][content_type])
            for hit in pages["hits"]["hits"]
        ]
        ranked_comments = [Ranked("comment", int(hit["_id"]), hit["_score"]) for hit in comments["hits"]["hits"]]
        return merge(ranked_pages, ranked_comments, limit=limit)

    @staticmethod
    def counts(pages, comments, selection, catalogue):
        counts = Counts()
        aggs = pages["aggregations"]
        comment_total = comments["hits"]["total"]["value"] if not selection.course_only else 0
        counts.unfiltered = aggs["matched"]["doc_count"] + comments["aggregations"]["matched"]["doc_count"]
        counts.total = pages["hits"]["total"]["value"] + (comment_total if selection.includes_comments else 0)
        for bucket in aggs["type"]["values"]["buckets"]:
            result_type = catalogue.type_by_content_type.get(bucket["key"])
            if result_type:
                counts.facets["type"][result_type.key] += bucket["doc_count"]
        if comment_total:
            counts.facets["type"][DISCUSSION.key] += comment_total
        comment_schools = comments["aggregations"]["school"]["buckets"]
        comments_count_for_schools = selection.type in (None, DISCUSSION) and not selection.course_only
        for slug, bucket in aggs["school"]["values"]["buckets"].items():
            extra = comment_schools.get(slug, {}).get("doc_count", 0) if comments_count_for_schools else 0
            if bucket["doc_count"] + extra:
                counts.facets["school"][slug] += bucket["doc_count"] + extra
        for bucket in aggs["kind"]["values"]["buckets"]:
            kind = catalogue.kinds_by_pk.get(bucket["key"])
            if kind:
                counts.facets["kind"][kind.slug] += bucket["doc_count"]
        for bucket in aggs["language"]["values"]["buckets"]:
            counts.facets["language"][bucket["key"]] += bucket["doc_count"]
        opened = aggs["open"]["values"]["buckets"]["open"]["doc_count"]
        if opened:
            counts.facets["open"][True] = opened
        return counts

    def page_ids(self, query, catalogue, hidden, type_keys, limit):
        content_types = [catalogue.content_type_by_type[key] for key in type_keys]
        body = {"query": self.page_query(query, catalogue, hidden, content_types), "size": limit, "_source": ["pk"]}
        (response,) = self._msearch([{"index": self.page_index}, body])
        return [int(hit["_source"]["pk"]) for hit in response["hits"]["hits"]]

    def autocomplete(self, query, catalogue, hidden, limit):
        pages = visible_pages(hidden).filter(content_type_id__in=catalogue.page_content_types)
        compiler = self.backend.autocomplete_query_compiler_class(
            pages, PlainText(" ".join([*query.terms, *query.phrases]), operator="and")
        )
        body = {"query": compiler.get_query(), "size": limit, "_source": ["pk"]}
        (response,) = self._msearch([{"index": self.page_index}, body])
        return [int(hit["_source"]["pk"]) for hit in response["hits"]["hits"]]
