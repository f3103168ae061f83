"""Search on Wagtail's database backend: its index table, queried for everything the site needs in a few queries.

Wagtail's database backend (SQLite FTS5, PostgreSQL full-text search) keeps one index table for every indexed
model; pages get there through Wagtail's own signals and comments through `search.indexing`. Its query API searches
one model at a time, facets only on the queried model's own fields, ranks titles no higher than bodies on SQLite,
and on SQLite recomputes every score in a correlated subquery. So this engine reads the same table directly:

- one ranked query per source (pages, comments), with the privacy and facet filters joined in and the best
  `limit` rows taken in the database;
- one aggregate query per source for all facet counts (rows grouped by every facet value at once, added up in
  `search.facets`);

whatever the number of results. PostgreSQL matches `title || body` (both words may be in either), with the GIN
index on that expression added by this app's migration 0002.
"""

from functools import reduce
from operator import and_, or_

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Count, Exists, F, FloatField, IntegerField, Lookup, OuterRef, Value
from django.db.models.expressions import CombinedExpression, RawSQL
from django.db.models.functions import Cast, Substr

from wagtail.search.models import IndexEntry

from discussion.models import Comment, visible_comments

from ..facets import OPEN_STATUSES, comment_group, facet_counts, page_group
from ..privacy import visible_pages
from . import Matches, Ranked, merge

# How much more a word in a title counts than the same word in the body, on SQLite. (PostgreSQL weighs titles
# through Wagtail's tsvector weights: titles and summaries are "A", everything else "D".)
SQLITE_TITLE_WEIGHT = 8.0


def comment_content_type_id():
    return ContentType.objects.get_for_model(Comment).pk


class FullTextMatch(Lookup):
    """`<fts table> MATCH <expression>` on SQLite; a Lookup so Django puts it in WHERE as it is."""

    lookup_name = "fts5_match"

    def __init__(self, table, expression):
        self.table = table
        self.expression = expression
        super().__init__(Value(expression), Value(expression))

    def as_sql(self, compiler, connection):
        return f"{self.table} MATCH %s", [self.expression]


class SQLiteDialect:
    """FTS5: the `wagtailsearch_indexentry_fts` table, joined to its entries by rowid."""

    entry = "index_entry__"

    def __init__(self, backend):
        from wagtail.search.models import SQLiteFTSIndexEntry

        self.model = SQLiteFTSIndexEntry
        self.table = SQLiteFTSIndexEntry._meta.db_table

    @staticmethod
    def _quoted(text):
        return '"' + text.replace('"', '""') + '"'

    def _expression(self, columns, query, prefix_last=False):
        parts = [self._quoted(term) for term in query.terms]
        if prefix_last and parts:
            parts[-1] += "*"
        parts += [self._quoted(phrase) for phrase in query.phrases]
        return f"{{{' '.join(columns)}}} : ({' AND '.join(parts)})"

    def _matching(self, columns, weights, query, prefix_last=False):
        expression = self._expression(columns, query, prefix_last)
        # bm25() is lower for better matches; weights follow the table's columns: autocomplete, body, title.
        # Only the table name and our own constant weights go into the SQL text.
        rank = RawSQL(f"-bm25({self.table}, {', '.join(map(str, weights))})", (), output_field=FloatField())  # noqa: S611
        return self.model.objects.filter(FullTextMatch(self.table, expression)).annotate(rank=rank)

    def matching(self, query):
        return self._matching(["title", "body"], (0.0, 1.0, SQLITE_TITLE_WEIGHT), query)

    def of_types(self, entries, content_type_ids):
        # "+ 0" keeps SQLite from leading with the content-type index and re-running the full-text match for
        # every entry of those types: it reads the (few) matches first, then their entries by rowid.
        return entries.alias(entry_type=F("index_entry__content_type_id") + 0).filter(entry_type__in=content_type_ids)

    def autocompleting(self, query):
        return self._matching(["autocomplete"], (1.0, 0.0, 0.0), query, prefix_last=True)


class PostgresDialect:
    """PostgreSQL: `tsvector` columns of the entries themselves, with Wagtail's weights and search configuration."""

    entry = ""

    def __init__(self, backend):
        from modelsearch.backends.database.postgres.weights import get_sql_weights

        self.config = backend.config
        self.autocomplete_config = backend.autocomplete_config
        self.weights = get_sql_weights()

    @staticmethod
    def _lexeme(word, prefix=False):
        return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'" + (":*" if prefix else "")

    def _tsquery(self, query, config, prefix_last=False, any_word=False):
        lexemes = [self._lexeme(term) for term in query.terms]
        if prefix_last and lexemes:
            lexemes[-1] = self._lexeme(query.terms[-1], prefix=True)
        joiner = " | " if any_word else " & "
        parts = [SearchQuery(joiner.join(lexemes), search_type="raw", config=config)] if lexemes else []
        parts += [SearchQuery(phrase, search_type="phrase", config=config) for phrase in query.phrases]
        return reduce(or_ if any_word else and_, parts)

    def matching(self, query):
        """Entries whose title and body together have every word; ranked on both, plus a bonus per word in the title.

        (Ranking title and body apart with the all-words query would score a title with one word and a body with
        the other close to nothing, below a body with both.)
        """
        tsquery = self._tsquery(query, self.config)
        any_word = self._tsquery(query, self.config, any_word=True)
        document = CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())
        rank = SearchRank(F("document"), tsquery, weights=self.weights) + SearchRank(
            F("title"), any_word, weights=self.weights
        ) * F("title_norm")
        return IndexEntry.objects.annotate(document=document).filter(document=tsquery).annotate(rank=rank)

    @staticmethod
    def of_types(entries, content_type_ids):
        return entries.filter(content_type_id__in=content_type_ids)

    def autocompleting(self, query):
        tsquery = self._tsquery(query, self.autocomplete_config, prefix_last=True)
        return IndexEntry.objects.filter(autocomplete=tsquery).annotate(rank=SearchRank(F("autocomplete"), tsquery))


class DatabaseEngine:
    def __init__(self, backend):
        self.dialect = (PostgresDialect if connection.vendor == "postgresql" else SQLiteDialect)(backend)

    def _ranked(self, entries, content_type_ids, allowed, limit):
        """(content type, object id, rank) of the matching entries whose object is in `allowed`, best first.

        `allowed` is checked per match (EXISTS on its primary key), so the cost follows the number of matches,
        not the size of the site.
        """
        entry = self.dialect.entry
        rows = (
            self.dialect.of_types(entries, content_type_ids)
            .alias(object_pk=Cast(f"{entry}object_id", output_field=IntegerField()))
            .filter(Exists(allowed.filter(pk=OuterRef("object_pk"))))
            .order_by("-rank", f"-{entry}object_id")
            .values_list(f"{entry}content_type_id", f"{entry}object_id", "rank")[:limit]
        )
        return [(content_type, int(key), rank) for content_type, key, rank in rows]

    def _ids(self, entries, content_type_ids):
        """Primary keys of the matching objects, as numbers (cast after filtering, so only our own types)."""
        entry = self.dialect.entry
        return self.dialect.of_types(entries, content_type_ids).values(
            object_pk=Cast(f"{entry}object_id", output_field=IntegerField())
        )

    @staticmethod
    def _filtered_pages(pages, selection, catalogue):
        content_types = [catalogue.content_type_by_type[rt.key] for rt in selection.page_types()]
        pages = pages.filter(content_type_id__in=content_types)
        if selection.school:
            pages = pages.filter(path__startswith=selection.school.path)
        if selection.kind:
            pages = pages.filter(coursepage__kind=selection.kind)
        if selection.language:
            pages = pages.filter(coursepage__language=selection.language)
        if selection.open:
            pages = pages.filter(coursepage__signup_status__in=OPEN_STATUSES)
        return pages

    def search(self, query, selection, catalogue, hidden, limit):
        entries = self.dialect.matching(query)
        comment_type = comment_content_type_id()
        pages = visible_pages(hidden).filter(content_type_id__in=catalogue.page_content_types)
        comments = visible_comments()
        school_length = max(catalogue.school_path_length, 1)

        page_rows = (
            pages.filter(pk__in=self._ids(entries, catalogue.page_content_types))
            .values_list(
                "content_type_id",
                Substr("path", 1, school_length),
                "coursepage__kind_id",
                "coursepage__language",
                "coursepage__signup_status",
            )
            .annotate(count=Count("pk"))
            .order_by()
        )
        comment_rows = (
            comments.filter(pk__in=self._ids(entries, [comment_type]))
            .values_list(Substr("page__path", 1, school_length))
            .annotate(count=Count("pk"))
            .order_by()
        )
        groups = [page_group(catalogue, *row) for row in page_rows]
        groups += [comment_group(catalogue, *row) for row in comment_rows]
        counts = facet_counts(groups, selection)

        ranked_pages, ranked_comments = [], []
        if limit and selection.includes_pages:
            allowed = self._filtered_pages(pages, selection, catalogue)
            rows = self._ranked(entries, catalogue.page_content_types, allowed, limit)
            ranked_pages = [Ranked("page", key, rank, content_type) for content_type, key, rank in rows]
        if limit and selection.includes_comments:
            if selection.school:
                comments = comments.filter(page__path__startswith=selection.school.path)
            rows = self._ranked(entries, [comment_type], comments, limit)
            ranked_comments = [Ranked("comment", key, rank) for _, key, rank in rows]
        return Matches(merge(ranked_pages, ranked_comments, limit=limit), counts)

    def page_ids(self, query, catalogue, hidden, type_keys, limit):
        content_types = [catalogue.content_type_by_type[key] for key in type_keys]
        allowed = visible_pages(hidden).filter(content_type_id__in=content_types)
        return [key for _, key, _ in self._ranked(self.dialect.matching(query), content_types, allowed, limit)]

    def autocomplete(self, query, catalogue, hidden, limit):
        allowed = visible_pages(hidden).filter(content_type_id__in=catalogue.page_content_types)
        rows = self._ranked(self.dialect.autocompleting(query), catalogue.page_content_types, allowed, limit)
        return [key for _, key, _ in rows]
