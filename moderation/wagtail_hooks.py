"""The moderation app in the Wagtail admin: its audit-log actions, and a way to the moderation screens."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import roles


@hooks.register("register_log_actions")
def register_moderation_actions(actions):
    actions.register_action("moderation.start_contributing", "Start contributing", "Started contributing")
    actions.register_action("moderation.promote", "Promote", "Made a trusted contributor")
    actions.register_action("moderation.demote", "Demote", "Returned to staff review")
    actions.register_action("moderation.block", "Block", "Blocked and rolled back")
    actions.register_action("moderation.unblock", "Unblock", "Block undone")


NOT_YOURS_TO_PUBLISH = "You can't publish this page yourself: submit it to Staff review instead."


def asks_to_publish(request):
    return request.method == "POST" and bool(request.POST.get("action-publish"))


@hooks.register("before_edit_page")
def refuse_publishing_without_permission(request, page):
    """The editor shows no Publish button to those who may not publish; a forged one is refused, not saved."""
    if asks_to_publish(request) and not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied(NOT_YOURS_TO_PUBLISH)


@hooks.register("before_create_page")
def refuse_publishing_new_pages_without_permission(request, parent_page, page_class):
    if asks_to_publish(request) and not parent_page.permissions_for_user(request.user).can_publish_subpage():
        raise PermissionDenied(NOT_YOURS_TO_PUBLISH)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def send_contributors_back_to_the_site(request, page):
    """Wagtail ends a submission or a publish in the page explorer, which contributors can't open (their rights
    follow the content, not the tree): send them to their contributions, or to the page they just published."""
    if roles.is_moderator(request.user) or request.method != "POST":
        return None
    if request.POST.get("action-submit"):
        return redirect("moderation:contribute")
    if request.POST.get("action-publish") and page.live:
        return redirect(page.get_url(request))
    return None


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.is_moderator(request.user)


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    return ModeratorMenuItem("Moderation", reverse("moderation:queue"), icon_name="tasks", order=250)


@hooks.register("register_admin_menu_item")
def contributing_menu_item():
    return MenuItem("Your contributions", reverse("moderation:contribute"), icon_name="user", order=260)
