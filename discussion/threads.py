"""Loading a page's discussion for one reader in a fixed number of queries, however many comments it has.

Threads are paginated newest first; each thread is loaded whole (one query for all comments of the page of
threads) and nested in Python. A comment the reader may not see keeps its place as a placeholder when visible
replies hang under it, and disappears otherwise.
"""

from types import SimpleNamespace

from django.core.paginator import Paginator
from django.db.models import Q
from django.urls import reverse

from django_comments.models import CommentFlag

from .conf import conf
from .models import FLAG, LIKE, Comment
from .permissions import can_accept_answers, is_moderator, is_questions_mode, organiser_ids, posting_refusal

PAGE_PARAMETER = "comments-page"


def shown_to(user):
    """What `user` reads in full: visible comments, and their own hidden or removed ones (marked as such)."""
    shown = Q(is_public=True, is_removed=False, deleted_at__isnull=True)
    if user.is_authenticated:
        shown |= Q(user_id=user.pk, deleted_at__isnull=True)
    return shown


def thread_ids(page, user):
    return (
        Comment.objects.on(page)
        .filter(shown_to(user))
        .order_by("-thread_id")
        .values_list("thread_id", flat=True)
        .distinct()
    )


def page_number_of(comment, user):
    """Which page of its discussion `comment`'s thread is on, for permalinks."""
    newer = thread_ids(comment.page, user).filter(thread_id__gt=comment.thread_id).count()
    return newer // conf.THREADS_PER_PAGE + 1


class Viewer:
    """The reader and what they may do, worked out once per discussion rather than once per comment."""

    def __init__(self, user, page):
        self.user = user
        self.refusal = posting_refusal(user)
        self.can_post = self.refusal is None
        self.is_moderator = is_moderator(user)
        self.questions_mode = is_questions_mode(page)
        self.organisers = organiser_ids(page)
        self.liked = set()
        self.flagged = set()
        # Every comment's actions live under its own address; reversing it once beats once per link per comment.
        self.comment_urls = reverse("discussion:comment", args=[0]).removesuffix("0/")

    def load_feedback(self, comment_ids):
        if not (self.user.is_authenticated and comment_ids):
            return
        flags = CommentFlag.objects.filter(user=self.user, comment_id__in=comment_ids, flag__in=[LIKE, FLAG])
        for comment_id, flag in flags.values_list("comment_id", "flag"):
            (self.liked if flag == LIKE else self.flagged).add(comment_id)

    def decorate(self, comment, question=None):
        """Set what the templates need on `comment`: how it is shown, and which actions this reader has."""
        user = self.user
        own = user.is_authenticated and comment.user_id == user.pk
        comment.url = f"{self.comment_urls}{comment.pk}/"
        comment.shown = comment.is_visible or (own and not comment.is_deleted)
        comment.is_own = own
        comment.by_organiser = comment.user_id in self.organisers
        comment.liked = comment.pk in self.liked
        comment.flagged = comment.pk in self.flagged
        comment.is_question = self.questions_mode and comment.is_root
        comment.is_answer = self.questions_mode and comment.level == 1
        comment.is_accepted = question is not None and question.accepted_answer_id == comment.pk
        active = comment.is_visible and self.can_post
        comment.may = SimpleNamespace(
            reply=active and comment.can_have_replies,
            like=active and not own,
            flag=active and not own and not comment.flagged,
            edit=comment.can_edit(user),
            delete=comment.can_delete(user),
            remove=self.is_moderator and comment.is_visible and not own,
            accept=comment.is_answer
            and comment.is_visible
            and question is not None
            and can_accept_answers(user, question, self.organisers),
        )
        if not hasattr(comment, "replies"):
            comment.replies = []
        return comment


def _prune(comment):
    """Keep `comment` if it is shown or has a kept reply; placeholders without replies add nothing."""
    comment.replies = [reply for reply in comment.replies if _prune(reply)]
    return comment.shown or bool(comment.replies)


def _accepted_first(question):
    accepted = [reply for reply in question.replies if reply.is_accepted and reply.shown]
    if accepted:
        question.replies = accepted + [reply for reply in question.replies if not reply.is_accepted]
    question.answered = bool(accepted)
    question.answer_count = sum(1 for reply in question.replies if reply.shown)


def load_discussion(page, request):
    """Everything the discussion under `page` shows to this request's reader."""
    viewer = Viewer(request.user, page)
    paginator = Paginator(thread_ids(page, request.user), conf.THREADS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get(PAGE_PARAMETER))
    ids = list(page_obj.object_list)
    comments = list(
        Comment.objects.on(page).filter(thread_id__in=ids).select_related("user").order_by("-thread_id", "order")
    )
    viewer.load_feedback([comment.pk for comment in comments])

    threads, by_id = [], {}
    for comment in comments:
        comment.replies = []
        by_id[comment.pk] = comment
        if comment.is_root:
            threads.append(viewer.decorate(comment))
            continue
        parent = by_id.get(comment.parent_id)
        if parent is not None:  # `order` lists a thread depth-first, so a parent always comes before its replies
            viewer.decorate(comment, question=by_id.get(comment.thread_id))
            parent.replies.append(comment)
    threads = [thread for thread in threads if _prune(thread)]
    if viewer.questions_mode:
        for question in threads:
            _accepted_first(question)

    return {
        "page": page,
        "threads": threads,
        "page_obj": page_obj,
        "paginator": paginator,
        "page_parameter": PAGE_PARAMETER,
        "viewer": viewer,
        "comment_count": Comment.objects.on(page).visible().count(),
        "max_length": conf.MAX_LENGTH,
    }
