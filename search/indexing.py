"""Keeping discussion comments in the search index as they are posted, edited, hidden, removed and restored.

The discussion sends `comment_changed` after every change of text or visibility. With the database backend a
visible comment is (re)indexed into Wagtail's index table and any other is taken out; which comments show is
decided again at query time by `visible_comments()`, so a page turning private or unpublished hides its comments
at once without touching the index. With Elasticsearch, comments live in their own index (`search.documents`),
which also has to follow page changes because it can't join to the page table: see `CommentIndex`.
"""

import logging

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move

from discussion.models import Comment, visible_comments
from discussion.signals import comment_changed

from .conf import conf
from .models import SearchableComment

logger = logging.getLogger(__name__)


def searchable(pk):
    """A SearchableComment standing for comment `pk`: enough for the index, which keys comments by id."""
    comment = SearchableComment()
    comment.pk = pk
    return comment


@receiver(comment_changed, dispatch_uid="search.follow_comment")
def follow_comment(sender, comment, **kwargs):
    if conf.USE_ELASTICSEARCH:
        from .documents import CommentIndex

        CommentIndex().refresh_comments([comment.pk])
    elif visible_comments().filter(pk=comment.pk).exists():
        index.insert_or_update_object(SearchableComment.objects.get(pk=comment.pk))
    else:
        index.remove_object(searchable(comment.pk))


@receiver(post_delete, sender=Comment, dispatch_uid="search.forget_comment")
def forget_comment(sender, instance, **kwargs):
    if conf.USE_ELASTICSEARCH:
        from .documents import CommentIndex

        CommentIndex().remove_comments([instance.pk])
    else:
        index.remove_object(searchable(instance.pk))


# Elasticsearch only: the comment index stores each comment's page and path, so it follows the pages.


def refresh_comments_under(pages):
    if conf.USE_ELASTICSEARCH and pages:
        from .documents import CommentIndex

        CommentIndex().refresh_pages(pages)


@receiver(page_published, dispatch_uid="search.comments_on_published_page")
@receiver(page_unpublished, dispatch_uid="search.comments_on_unpublished_page")
def page_visibility_changed(sender, instance, **kwargs):
    refresh_comments_under([instance])


@receiver(post_page_move, dispatch_uid="search.comments_on_moved_page")
def page_moved(sender, instance, **kwargs):
    refresh_comments_under([instance])


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="search.comments_on_restricted_section")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="search.comments_on_opened_section")
def section_privacy_changed(sender, instance, **kwargs):
    if conf.USE_ELASTICSEARCH:  # the page may be going too (its deletion removes its restrictions)
        refresh_comments_under(list(Page.objects.filter(pk=instance.page_id)))
