"""The roles and the "Staff review" workflow come from a data migration, coherent with Wagtail's own groups."""

from django.contrib.auth.models import Group

from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page, Workflow, WorkflowPage

import pytest

from moderation import roles
from moderation.models import StaffReviewTask
from tests.factories import WikiPageFactory
from tests.people.factories import contributor, member, moderator, trusted

pytestmark = pytest.mark.django_db


def codenames(group):
    return set(group.permissions.values_list("codename", flat=True))


def test_the_roles_exist_with_their_permissions():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Learners", "Contributors", "Trusted contributors", "Moderators"} <= names
    assert "Editors" not in names  # Contributors replace Wagtail's edit-everything group

    assert codenames(Group.objects.get(name="Learners")) == set()
    for name in ("Contributors", "Trusted contributors"):
        group = Group.objects.get(name=name)
        assert codenames(group) == {"access_admin", "add_image", "choose_image", "add_document", "choose_document"}
        # Their page rights follow the content (moderation.permissions), not a node of the tree.
        assert not GroupPagePermission.objects.filter(group=group).exists()
        assert set(
            GroupCollectionPermission.objects.filter(group=group).values_list("permission__codename", flat=True)
        ) == {
            "add_image",
            "choose_image",
            "add_document",
            "choose_document",
        }
    moderators = Group.objects.get(name="Moderators")
    assert {"block_member", "set_trust_level", "access_admin"} <= codenames(moderators)
    root_rights = set(
        GroupPagePermission.objects.filter(group=moderators, page__depth=1).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"} <= root_rights


def test_staff_review_is_the_one_active_workflow_and_covers_the_whole_tree(site_tree):
    (workflow,) = Workflow.objects.active()
    assert workflow.name == "Staff review"
    (task,) = [task.specific for task in workflow.tasks]
    assert isinstance(task, StaffReviewTask)
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]
    assert WorkflowPage.objects.get(page=Page.objects.get(depth=1)).workflow == workflow
    wiki_page = WikiPageFactory(parent=site_tree.wiki)
    assert wiki_page.get_workflow() == workflow
    assert Workflow.objects.get(name="Moderators approval").active is False


@pytest.mark.parametrize(
    ("make", "role"),
    [
        (lambda: member("lee"), "learner"),
        (lambda: contributor("cora"), "contributor"),
        (lambda: trusted("hana"), "trusted"),
        (lambda: moderator("mo"), "moderator"),
    ],
)
def test_each_member_has_one_highest_role(make, role):
    assert roles.role_of(make()) == role


def test_contributing_needs_a_confirmed_active_account():
    cora = contributor("cora")
    assert roles.is_contributor(cora)
    cora.email_confirmed_at = None
    assert not roles.is_contributor(cora)
