"""The badges part of the Wagtail admin: badges (for staff and course organisers), awards, and a task chooser."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import path

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import DeleteView, EditView, IndexView
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from courses.models import CourseOrganiser, CourseTask

from . import admin_views
from .models import Assertion, Badge

MANAGE_ACTIONS = {"add", "change", "delete"}


def organised_course_ids(user):
    return set(CourseOrganiser.objects.filter(user=user, page__live=True).values_list("page_id", flat=True))


class BadgePermissionPolicy(ModelPermissionPolicy):
    """Staff (with the badge permissions) manage every badge; a course organiser manages the badges of their courses."""

    def _is_organiser(self, user):
        return user.is_active and CourseOrganiser.objects.filter(user=user, page__live=True).exists()

    def user_has_permission(self, user, action):
        if super().user_has_permission(user, action):
            return True
        return action in MANAGE_ACTIONS | {"view"} and self._is_organiser(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and instance.assertions.exists():
            return False  # its holders' badges would stop verifying
        if super().user_has_permission(user, action):
            return True
        if action not in MANAGE_ACTIONS | {"view"} or not user.is_active:
            return False
        return bool(organised_course_ids(user) & {link.course_id for link in instance.course_links.all()})

    def instances_user_has_any_permission_for(self, user, actions):
        if any(super(BadgePermissionPolicy, self).user_has_permission(user, action) for action in actions):
            return Badge.objects.all()
        return Badge.objects.filter(course_links__course__organisers__user=user).distinct()


register_permission_policy(Badge, BadgePermissionPolicy(Badge))


class BadgeForm(WagtailAdminModelForm):
    """Checks that an organiser only links their own courses, and that chosen tasks belong to the linked courses."""

    def is_valid(self):
        # The inline formsets are only cleaned by ClusterForm.is_valid(), after clean() has run.
        valid = super().is_valid()
        if valid:
            self.check_links()
        return valid and not self.errors

    def check_links(self):
        courses = [
            form.cleaned_data["course"]
            for form in self.formsets["course_links"].forms
            if form.cleaned_data.get("course") and not form.cleaned_data.get("DELETE")
        ]
        tasks = [
            form.cleaned_data["task"]
            for form in self.formsets["required_task_links"].forms
            if form.cleaned_data.get("task") and not form.cleaned_data.get("DELETE")
        ]
        if not courses:
            self.add_error(None, "Link the badge to at least one course.")
        user = self.for_user
        if user is not None and not ModelPermissionPolicy(Badge).user_has_permission(user, "change"):
            mine = organised_course_ids(user)
            others = [course.title for course in courses if course.pk not in mine]
            if others:
                self.add_error(None, f"You can only link courses you organise (not {', '.join(others)}).")
        course_ids = {course.pk for course in courses}
        strays = [task.title for task in tasks if task.page_id not in course_ids]
        if strays:
            self.add_error(None, f"These tasks are not from the badge’s courses: {', '.join(strays)}.")
        if self.instance.pk and "slug" in self.changed_data and self.instance.assertions.exists():
            self.add_error(
                "slug", "This badge has been awarded: its address is in its holders’ badges, so it can’t change."
            )
        if tasks and self.cleaned_data.get("earned_by") != "completion":
            self.add_error(
                None, "Only completion badges ask for tasks: remove the tasks, or make it a completion badge."
            )

    def save(self, commit=True):
        if self.instance._state.adding and self.for_user is not None:
            self.instance.created_by = self.for_user
        return super().save(commit=commit)


Badge.base_form_class = BadgeForm


class BadgeIndexView(IndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(self.request.user, ["change"])


class InstancePermissionMixin:
    """Wagtail's generic edit and delete views check the model permission only; a badge needs its own check."""

    def get_object(self, queryset=None):
        badge = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.permission_required, badge
        ):
            raise PermissionDenied
        return badge


class BadgeEditView(InstancePermissionMixin, EditView):
    pass


class BadgeDeleteView(InstancePermissionMixin, DeleteView):
    pass


class BadgeViewSet(ModelViewSet):
    """Badges: name, image, criteria, courses and how they are earned."""

    model = Badge
    icon = "pick"
    menu_label = "Badges"
    menu_order = 310
    add_to_admin_menu = False
    index_view_class = BadgeIndexView
    edit_view_class = BadgeEditView
    delete_view_class = BadgeDeleteView
    list_display = ["name", "earned_by", "slug", "updated_at"]
    list_filter = ["earned_by", "colour"]
    search_fields = ["name", "description"]
    copy_view_enabled = False
    inspect_view_enabled = False


class AwardIndexView(IndexView):
    def get_base_queryset(self):
        return Assertion.objects.select_related("badge", "recipient", "awarded_by").prefetch_related("revocations")


class AssertionViewSet(ModelViewSet):
    """Every badge awarded: staff revoke and reinstate them here."""

    model = Assertion
    icon = "tick-inverse"
    menu_label = "Awards"
    menu_order = 320
    index_view_class = AwardIndexView
    list_display = [
        TitleColumn("badge", label="Badge", accessor="badge", get_url=lambda assertion: assertion.get_absolute_url()),
        Column("recipient", label="Awarded to", accessor="recipient"),
        Column("earned_by", label="How", accessor="get_earned_by_display"),
        Column("issued_on", label="On", accessor="issued_on"),
        Column("status", label="Status", accessor=lambda a: "Revoked" if a.revocations.all() else "Valid"),
        Column("actions", label="", accessor=lambda a: admin_views.revoke_link(a)),
    ]
    list_filter = ["earned_by", "badge"]
    search_fields = ["recipient__username", "recipient__display_name", "badge__name"]
    ordering = ["-issued_on"]
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["note"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/revoke/", admin_views.revoke_view, name="revoke"),
        ]


class BadgesGroup(ViewSetGroup):
    menu_label = "Badges"
    menu_icon = "pick"
    menu_order = 310
    items = [BadgeViewSet("badge_admin"), AssertionViewSet("badge_awards")]


@hooks.register("register_admin_viewset")
def register_badges():
    return BadgesGroup()


# Choosing tasks for completion badges


class TaskFilterForm(BaseFilterForm):
    q = forms.CharField(
        label="Search tasks",
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "Task or course title"}),
    )

    def filter(self, objects):
        query = self.cleaned_data.get("q", "").strip()
        if query:
            self.is_searching = True
            self.search_query = query
            objects = objects.filter(Q(title__icontains=query) | Q(page__title__icontains=query))
        return objects


class TaskChooserMixin:
    filter_form_class = TaskFilterForm

    def get_object_list(self):
        tasks = CourseTask.objects.select_related("page").order_by("page__title", "sort_order")
        if not self.request.user.is_staff:
            tasks = tasks.filter(page__organisers__user=self.request.user)
        return tasks

    @property
    def columns(self):
        return [self.title_column, Column("course", label="Course", accessor=lambda task: task.page.title)]


class TaskChooseView(TaskChooserMixin, ChooseView):
    pass


class TaskChooseResultsView(TaskChooserMixin, ChooseResultsView):
    pass


class CourseTaskChooserViewSet(ChooserViewSet):
    """Lets badge editors pick the tasks a completion badge asks for, by searching tasks and courses."""

    model = CourseTask
    icon = "tick"
    choose_one_text = "Choose a task"
    choose_another_text = "Choose another task"
    per_page = 25
    choose_view_class = TaskChooseView
    choose_results_view_class = TaskChooseResultsView


@hooks.register("register_admin_viewset")
def register_task_chooser():
    return CourseTaskChooserViewSet("badge_task_chooser", url_prefix="badges/choose-task")
