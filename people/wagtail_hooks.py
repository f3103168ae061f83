from django import forms
from django.db.models import Q

from wagtail import hooks
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from .models import User


class MemberFilterForm(BaseFilterForm):
    q = forms.CharField(
        label="Search members",
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "Name or username"}),
    )

    def filter(self, objects):
        query = self.cleaned_data.get("q", "").strip()
        if query:
            self.is_searching = True
            self.search_query = query
            objects = objects.filter(
                Q(username__icontains=query)
                | Q(display_name__icontains=query)
                | Q(first_name__icontains=query)
                | Q(last_name__icontains=query)
            )
        return objects


class MemberChooseView(ChooseView):
    filter_form_class = MemberFilterForm


class MemberChooseResultsView(ChooseResultsView):
    filter_form_class = MemberFilterForm


class MemberChooserViewSet(ChooserViewSet):
    """Lets editors pick members (e.g. a course's organisers) by searching, not from a list of every account."""

    model = User
    icon = "user"
    choose_one_text = "Choose a member"
    choose_another_text = "Choose another member"
    edit_item_text = "Edit this member"
    per_page = 20
    choose_view_class = MemberChooseView
    choose_results_view_class = MemberChooseResultsView

    def get_object_list(self):
        return User.objects.filter(is_active=True).order_by("username")


member_chooser_viewset = MemberChooserViewSet("member_chooser", url_prefix="members/choose")


@hooks.register("register_admin_viewset")
def register_member_chooser():
    return member_chooser_viewset
