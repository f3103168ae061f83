"""Discussion comments in Elasticsearch: their own index, kept current, rebuilt behind an alias.

Pages are indexed by Wagtail's Elasticsearch 8 backend; comments are not Wagtail models, change visibility for
reasons of their own (flags, blocks, moderators) and are far more numerous, so they get a small index of their
own: one `CommentDocument` per comment anyone may read (`visible_comments()`), holding its text and where it
hangs (page id and tree path, for the school facet and private sections).

The index can't join to the page table, so it follows page changes too: publishing, unpublishing, moving a page
or changing who may view a section re-reads the comments under it (`CommentIndex.refresh_pages`). Searches also
exclude private sections at query time, and results are rechecked against the database before they are shown.
"""

import logging
from contextlib import suppress
from datetime import UTC, datetime
from functools import reduce
from operator import or_

from django.db.models import Q

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from elasticsearch import ApiError, NotFoundError, TransportError
from elasticsearch.dsl import Date, Document, Integer, Keyword, Text
from elasticsearch.helpers import bulk

from discussion.models import visible_comments

from .conf import conf
from .text import comment_text

logger = logging.getLogger(__name__)
ERRORS = (ApiError, TransportError)


class CommentDocument(Document):
    """A comment as Elasticsearch stores it (the alias `<prefix>-comments` points at the current index)."""

    text = Text(analyzer="english")
    author = Text(fields={"raw": Keyword()})
    page_id = Integer()
    page_path = Keyword()
    posted_at = Date()
    changed_at = Date()

    class Index:
        name = conf.COMMENT_INDEX
        settings = {"number_of_shards": 1, "number_of_replicas": 1}

    @classmethod
    def from_comment(cls, comment):
        return cls(
            meta={"id": comment.pk},
            text=comment_text(comment),
            author=comment.author_name,
            page_id=comment.page_id,
            page_path=comment.page.path,
            posted_at=comment.submit_date,
            changed_at=comment.edited_at or comment.submit_date,
        )


def index_action(comment, index=None):
    action = CommentDocument.from_comment(comment).to_dict(include_meta=True)
    if index:
        action["_index"] = index
    return action


def client():
    """The Elasticsearch client Wagtail's backend already configured from ELASTICSEARCH_URL."""
    return get_search_backend().es


class CommentIndex:
    """Writes to the comment index. Failures are logged, never raised: a comment or a page must still save."""

    def __init__(self, es=None):
        self.es = es or client()
        self.alias = conf.COMMENT_INDEX

    def ensure(self):
        """Create the first index behind the alias if there is none yet (so writes never auto-create a bad one)."""
        if not self.es.indices.exists(index=self.alias):
            self.create_index(aliased=True)

    def create_index(self, aliased=False):
        name = f"{self.alias}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"
        CommentDocument._index.clone(name=name).create(using=self.es)
        if aliased:
            self.es.indices.put_alias(index=name, name=self.alias)
        return name

    def _write(self, actions):
        try:
            self.ensure()
            bulk(self.es, actions, raise_on_error=False, refresh="wait_for")
        except ERRORS:
            logger.exception("Could not update the comment search index")

    def refresh_comments(self, pks):
        """Index those of comments `pks` anyone may read and remove the others."""
        visible = list(visible_comments().filter(pk__in=pks))
        gone = set(pks) - {comment.pk for comment in visible}
        self._write(
            [index_action(comment) for comment in visible]
            + [{"_op_type": "delete", "_index": self.alias, "_id": pk} for pk in gone]
        )

    def remove_comments(self, pks):
        self._write([{"_op_type": "delete", "_index": self.alias, "_id": pk} for pk in pks])

    def refresh_pages(self, pages):
        """Re-read the comments on `pages` and every page below them (after a publish, unpublish, move…)."""
        under = reduce(or_, (Q(path__startswith=page.path) for page in pages))
        page_ids = list(Page.objects.filter(under).values_list("pk", flat=True))
        visible = list(visible_comments().filter(page_id__in=page_ids))
        try:
            self.ensure()
            self.es.delete_by_query(
                index=self.alias,
                query=stale_comments_query(page_ids, [comment.pk for comment in visible]),
                conflicts="proceed",
                refresh=True,
            )
        except ERRORS:
            logger.exception("Could not remove stale comments from the search index")
        self._write([index_action(comment) for comment in visible])


def stale_comments_query(page_ids, visible_ids):
    """Comments on these pages other than the visible ones."""
    return {"bool": {"filter": [{"terms": {"page_id": page_ids}}], "must_not": [{"ids": {"values": visible_ids}}]}}


def rebuild(es, chunk_size, progress):
    """Index every visible comment into a new index, then move the alias to it and drop the old ones.

    Searches keep using the old index until the alias moves, so a rebuild never empties the results.
    `progress(done, total)` is called after each chunk.
    """
    comment_index = CommentIndex(es)
    name = comment_index.create_index()
    comments = visible_comments().order_by("pk")
    total = comments.count()
    done = 0
    progress(done, total)
    last_pk = 0
    while done < total:
        chunk = list(comments.filter(pk__gt=last_pk)[:chunk_size])
        if not chunk:
            break
        bulk(es, [index_action(comment, index=name) for comment in chunk])
        done += len(chunk)
        last_pk = chunk[-1].pk
        progress(done, total)
    es.indices.refresh(index=name)
    previous = []
    if es.indices.exists_alias(name=comment_index.alias):
        previous = list(es.indices.get_alias(name=comment_index.alias))
    elif es.indices.exists(index=comment_index.alias):
        es.indices.delete(index=comment_index.alias)  # a concrete index in the alias's place: replace it
    es.indices.update_aliases(
        actions=[{"remove": {"index": old, "alias": comment_index.alias}} for old in previous]
        + [{"add": {"index": name, "alias": comment_index.alias}}]
    )
    for old in previous:
        with suppress(NotFoundError):
            es.indices.delete(index=old)
    return name, done
