"""Moderating comments in the Wagtail admin (wagtail-modeladmin): the flagged queue first, filters, remove/restore."""

from django.contrib import messages
from django.contrib.admin import DateFieldListFilter, SimpleListFilter
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import re_path
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime

from wagtail.models import Page
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView, InspectView, InstanceSpecificView

from django_comments.models import CommentFlag

from .conf import conf
from .models import FLAG, Comment
from .permissions import is_moderator

STATUS_LABELS = {
    "visible": "Visible",
    "flagged": "Flagged",
    "hidden-by-flags": "Hidden: awaiting decision",
    "hidden-by-block": "Hidden: author blocked",
    "removed": "Removed",
    "deleted": "Deleted by author",
}


class StatusFilter(SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            ("decision", "Awaiting a decision"),
            ("flagged", "Flagged, still shown"),
            ("visible", "Visible"),
            ("removed", "Removed"),
            ("blocked", "Author blocked"),
            ("deleted", "Deleted by author"),
        ]

    def queryset(self, request, queryset):
        live = queryset.filter(is_removed=False, deleted_at__isnull=True)
        return {
            "decision": live.filter(hidden_by_flags=True),
            "flagged": live.visible().filter(flag_count__gt=0),
            "visible": queryset.visible(),
            "removed": queryset.filter(is_removed=True),
            "blocked": queryset.filter(hidden_by_block=True),
            "deleted": queryset.filter(deleted_at__isnull=False),
        }.get(self.value(), queryset)


class FlagCountFilter(SimpleListFilter):
    title = "flags"
    parameter_name = "flags"

    def lookups(self, request, model_admin):
        return [("1", "At least one"), (str(conf.AUTO_HIDE_FLAGS), f"{conf.AUTO_HIDE_FLAGS} or more"), ("0", "None")]

    def queryset(self, request, queryset):
        try:
            least = int(self.value())
        except (TypeError, ValueError):
            return queryset
        return queryset.filter(flag_count=0) if least == 0 else queryset.filter(flag_count__gte=least)


class PageFilter(SimpleListFilter):
    title = "page"
    parameter_name = "page"

    def lookups(self, request, model_admin):
        pages = Page.objects.filter(discussion_comments__isnull=False).distinct().order_by("title")
        return list(pages.values_list("pk", "title"))

    def queryset(self, request, queryset):
        return queryset.filter(page_id=self.value()) if str(self.value() or "").isdigit() else queryset


class AuthorFilter(SimpleListFilter):
    """The most active authors; any author's comments are one click away from their name in the list."""

    title = "author"
    parameter_name = "author"
    shown = 15

    def lookups(self, request, model_admin):
        User = get_user_model()
        active = (
            User.objects.annotate(comment_count=Count("comment_comments"))
            .filter(comment_count__gt=0)
            .order_by("-comment_count", "username")[: self.shown]
        )
        choices = {user.pk: f"{user.public_name} ({user.comment_count})" for user in active}
        if str(self.value() or "").isdigit() and int(self.value()) not in choices:
            chosen = User.objects.filter(pk=self.value()).first()
            if chosen:
                choices[chosen.pk] = chosen.public_name
        return [(str(pk), label) for pk, label in choices.items()]

    def queryset(self, request, queryset):
        return queryset.filter(user_id=self.value()) if str(self.value() or "").isdigit() else queryset


class CommentPermissionHelper(PermissionHelper):
    """Moderators list, inspect, remove and restore; nobody creates, edits or deletes comments here."""

    def user_can_list(self, user):
        return is_moderator(user)

    def user_can_inspect_obj(self, user, obj):
        return is_moderator(user)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class CommentButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        exclude = exclude or []
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        classes = " ".join(["button", "button-small", *(classnames_add or [])])
        if obj.is_visible and "remove" not in exclude:
            buttons.append(self._action(obj, "remove", "Remove", f"{classes} no", "Remove this comment from the site"))
        if (obj.is_removed or obj.hidden_by_flags or obj.flag_count) and not obj.is_deleted:
            label = "Dismiss flags" if obj.is_visible else "Restore"
            buttons.append(
                self._action(obj, "restore", label, f"{classes} button-secondary", f"{label}: keep it on the site")
            )
        if not obj.is_deleted:
            buttons.append(
                {
                    "url": obj.get_absolute_url(),
                    "label": "View on site",
                    "classname": f"{classes} button-secondary",
                    "title": "See it in its discussion",
                }
            )
        return buttons

    def _action(self, obj, action, label, classname, title):
        return {
            "url": self.url_helper.get_action_url(action, obj.pk),
            "label": label,
            "classname": classname,
            "title": title,
        }


class CommentIndexView(IndexView):
    def get_filters(self, request):
        # Only the declared filters may narrow the list: no free-form lookups through the query string.
        specs, has_filters, _remaining, use_distinct = super().get_filters(request)
        return specs, has_filters, {}, use_distinct


class CommentInspectView(InspectView):
    def get_context_data(self, **kwargs):
        flags = CommentFlag.objects.filter(comment_id=self.instance.pk, flag=FLAG).select_related("user")
        thread = Comment.objects.filter(thread_id=self.instance.thread_id).select_related("user").order_by("order")
        return super().get_context_data(
            flags=flags.order_by("-flag_date"),
            thread=thread,
            status_label=STATUS_LABELS[self.instance.status],
            **kwargs,
        )


class DecisionView(InstanceSpecificView):
    """Confirm, then remove or restore one comment."""

    action = None
    template_name = "discussion/admin/decision.html"

    def __init__(self, model_admin, instance_pk, action):
        super().__init__(model_admin, instance_pk)
        self.action = action

    def check_action_permitted(self, user):
        return is_moderator(user)

    def get_page_title(self):
        return "Remove comment" if self.action == "remove" else "Restore comment"

    def get_context_data(self, **kwargs):
        return super().get_context_data(action=self.action, comment=self.instance, **kwargs)

    def post(self, request, *args, **kwargs):
        comment = self.instance
        if self.action == "remove":
            comment.remove(request.user)
            messages.success(request, f"Removed the comment by {comment.author_name}.")
        else:
            comment.restore(request.user)
            messages.success(request, f"Restored the comment by {comment.author_name}: it shows on the site again.")
        if request.POST.get("next") == "inspect":
            return redirect(self.url_helper.get_action_url("inspect", comment.pk))
        return redirect(self.index_url)


class CommentAdmin(ModelAdmin):
    model = Comment
    menu_label = "Comments"
    menu_icon = "comment"
    menu_order = 250
    add_to_admin_menu = True
    list_per_page = 50
    list_display = ("excerpt_column", "author_column", "page_column", "posted_column", "status_column", "flags_column")
    list_filter = (StatusFilter, FlagCountFilter, PageFilter, AuthorFilter, ("submit_date", DateFieldListFilter))
    list_select_related = ("user", "page")
    search_fields = ("comment", "user__username", "user__display_name", "page__title")
    # The queue first: hidden comments awaiting a decision, then the most flagged, then the newest.
    ordering = ("-hidden_by_flags", "-flag_count", "-submit_date")
    inspect_view_enabled = True
    history_view_enabled = False
    index_view_class = CommentIndexView
    inspect_view_class = CommentInspectView
    inspect_template_name = "discussion/admin/inspect.html"
    permission_helper_class = CommentPermissionHelper
    button_helper_class = CommentButtonHelper

    def excerpt_column(self, obj):
        return obj.excerpt

    excerpt_column.short_description = "Comment"

    def author_column(self, obj):
        if not obj.user_id:
            return obj.author_name
        return format_html(
            '<a href="?author={}" title="Only comments by {}">{}</a>', obj.user_id, obj.author_name, obj.author_name
        )

    author_column.short_description = "Author"
    author_column.admin_order_field = "user__username"

    def page_column(self, obj):
        return format_html('<a href="?page={}" title="Only comments on this page">{}</a>', obj.page_id, obj.page.title)

    page_column.short_description = "Page"
    page_column.admin_order_field = "page__title"

    def posted_column(self, obj):
        return date_format(localtime(obj.submit_date), "j M Y, H:i")

    posted_column.short_description = "Posted"
    posted_column.admin_order_field = "submit_date"

    def status_column(self, obj):
        quiet = obj.status in ("visible", "deleted")
        return format_html(
            '<span class="w-status{}">{}</span>', "" if quiet else " w-status--primary", STATUS_LABELS[obj.status]
        )

    status_column.short_description = "Status"
    status_column.admin_order_field = "hidden_by_flags"

    def flags_column(self, obj):
        return obj.flag_count

    flags_column.short_description = "Flags"
    flags_column.admin_order_field = "flag_count"

    def decision_view(self, request, instance_pk, action):
        return DecisionView.as_view(model_admin=self, instance_pk=instance_pk, action=action)(request)

    def get_admin_urls_for_registration(self):
        urls = super().get_admin_urls_for_registration()
        for action in ("remove", "restore"):
            urls += (
                re_path(
                    self.url_helper.get_action_url_pattern(action),
                    self.decision_view,
                    {"action": action},
                    name=self.url_helper.get_action_url_name(action),
                ),
            )
        return urls
