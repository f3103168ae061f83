"""Block and roll back: one action against a spammer, undone as completely as the pages allow."""

from django.test import Client

from wagtail.models import ModelLogEntry, Page, WorkflowState

import pytest

from moderation.block import BlockRefused, block_member, undo_block
from moderation.models import Block
from moderation.signals import member_blocked, member_unblocked
from people.models import User
from tests.factories import CoursePageFactory, WikiPageFactory
from tests.history.factories import publish_version
from tests.moderation.editor import course_data, edit
from tests.people.factories import admin, contributor, moderator, trusted

pytestmark = pytest.mark.django_db


def text_of(page):
    return Page.objects.get(pk=page.pk).specific.body[0].value.source


@pytest.fixture
def scene(site_tree, make_course):
    ada, bruno, mo = trusted("ada"), trusted("bruno"), moderator("mo")
    spammer = trusted("spammer", first_name="Sp", last_name="Ammer")

    spam_page = WikiPageFactory(
        parent=site_tree.wiki, title="Cheap pills", slug="cheap-pills", owner=spammer, live=False
    )
    publish_version(spam_page, spammer, body=[("paragraph", "<p>Buy now!</p>")])

    vandalised = WikiPageFactory(parent=site_tree.wiki, title="Glossary", slug="glossary", owner=ada)
    good = publish_version(vandalised, ada, body=[("paragraph", "<p>Terms we use.</p>")])
    publish_version(vandalised, spammer, body=[("paragraph", "<p>SPAM SPAM</p>")])

    approved = CoursePageFactory(parent=site_tree.school, title="Knitting", slug="knitting", owner=spammer)
    approved_revision = approved.save_revision(user=spammer)
    approved_revision.publish(user=mo)  # approved by a moderator: the spammer's course was fine then

    fixed = WikiPageFactory(parent=site_tree.wiki, title="Tips", slug="tips", owner=ada)
    publish_version(fixed, ada, body=[("paragraph", "<p>Tip one.</p>")])
    publish_version(fixed, spammer, body=[("paragraph", "<p>Spam tip.</p>")])
    publish_version(fixed, bruno, body=[("paragraph", "<p>Tip one, tidied.</p>")])

    proposal_target = make_course(title="Python", slug="python")
    client = Client()
    client.force_login(spammer)
    edit(client, proposal_target, course_data(proposal_target, action="submit", summary="Visit spam.example"))

    return locals()


@pytest.fixture
def heard():
    events = []

    def listen(signal_name):
        def receiver(sender, user, moderator, **kwargs):
            events.append((signal_name, user.username, moderator.username))

        return receiver

    blocked, unblocked = listen("blocked"), listen("unblocked")
    member_blocked.connect(blocked, dispatch_uid="test-blocked")
    member_unblocked.connect(unblocked, dispatch_uid="test-unblocked")
    yield events
    member_blocked.disconnect(dispatch_uid="test-blocked")
    member_unblocked.disconnect(dispatch_uid="test-unblocked")


def test_one_action_deactivates_the_spammer_and_rolls_back_their_changes(scene, heard):
    spammer, mo = scene["spammer"], scene["mo"]
    session = Client()
    session.force_login(spammer)

    block = block_member(spammer, mo, "Spam links on wiki pages")

    spammer.refresh_from_db()
    assert not spammer.is_active and spammer.is_blocked and spammer.block_reason == "Spam links on wiki pages"
    assert not spammer.can_participate
    assert not session.get("/").wsgi_request.user.is_authenticated  # their open sessions stop working
    assert not Page.objects.get(pk=scene["spam_page"].pk).live
    assert text_of(scene["vandalised"]) == "<p>Terms we use.</p>"
    assert Page.objects.get(pk=scene["approved"].pk).live
    assert Page.objects.get(pk=scene["approved"].pk).live_revision_id == scene["approved_revision"].pk
    assert text_of(scene["fixed"]) == "<p>Tip one, tidied.</p>"  # someone improved it since: left alone
    assert WorkflowState.objects.get(requested_by=spammer).status == "cancelled"
    assert heard == [("blocked", "spammer", "mo")]
    entry = ModelLogEntry.objects.get(action="moderation.block")
    assert (entry.user, entry.object_id, entry.data["reason"]) == (mo, str(spammer.pk), "Spam links on wiki pages")
    assert (len(block.rollback["unpublished"]), len(block.rollback["reverted"]), len(block.rollback["cancelled"])) == (
        1,
        1,
        1,
    )
    # The roll-back is a new version in the page's public history, not a deletion.
    history = Client().get(scene["vandalised"].url + "history/").content.decode()
    assert "Rolled back changes by Sp Ammer" in history


def test_undo_restores_the_account_and_the_pages(scene, heard):
    spammer, mo = scene["spammer"], scene["mo"]
    block = block_member(spammer, mo, "Mistake")

    restored, skipped = undo_block(block, mo, note="It was a misunderstanding")

    spammer.refresh_from_db()
    assert spammer.is_active and not spammer.is_blocked and spammer.block_reason == ""
    assert Page.objects.get(pk=scene["spam_page"].pk).live
    assert text_of(scene["spam_page"]) == "<p>Buy now!</p>"
    assert text_of(scene["vandalised"]) == "<p>SPAM SPAM</p>"
    assert sorted(restored) == sorted([scene["spam_page"].pk, scene["vandalised"].pk]) and skipped == []
    assert heard == [("blocked", "spammer", "mo"), ("unblocked", "spammer", "mo")]
    block.refresh_from_db()
    assert block.undone_by == mo and not block.is_active
    assert ModelLogEntry.objects.get(action="moderation.unblock").data["note"] == "It was a misunderstanding"
    assert Client().login(username="spammer", password="correct horse battery staple")


def test_undo_leaves_pages_someone_changed_since(scene):
    block = block_member(scene["spammer"], scene["mo"], "Spam")
    publish_version(scene["vandalised"], scene["bruno"], body=[("paragraph", "<p>Terms, expanded.</p>")])

    restored, skipped = undo_block(block, scene["mo"])

    assert skipped == [scene["vandalised"].pk]
    assert text_of(scene["vandalised"]) == "<p>Terms, expanded.</p>"


def test_comments_are_hidden_and_shown_again_by_the_discussion(scene):
    from discussion.models import Comment
    from tests.discussion.factories import post

    spammer, mo = scene["spammer"], scene["mo"]
    comment = post(scene["proposal_target"], spammer, "Great course! Visit spam.example")

    block = block_member(spammer, mo, "Spam")
    assert Comment.objects.get(pk=comment.pk).hidden_by_block

    undo_block(block, mo)
    assert not Comment.objects.get(pk=comment.pk).hidden_by_block


@pytest.mark.parametrize(
    ("target", "by", "message"),
    [
        ("mo", "mo", "can't block yourself"),
        ("root", "mo", "Admins can't be blocked"),
        ("mo2", "mo", "Only an admin can block a moderator"),
    ],
)
def test_blocks_that_make_no_sense_are_refused(scene, target, by, message):
    people = {"mo": scene["mo"], "root": admin("root"), "mo2": moderator("mo2")}

    with pytest.raises(BlockRefused, match=message):
        block_member(people[target], people[by], "Nope")

    assert not Block.objects.exists()
    assert User.objects.get(pk=people[target].pk).is_active


def test_a_block_is_only_undone_once_and_a_blocked_member_only_blocked_once(scene):
    block = block_member(scene["spammer"], scene["mo"], "Spam")
    with pytest.raises(BlockRefused, match="already blocked"):
        block_member(User.objects.get(pk=scene["spammer"].pk), scene["mo"], "Again")

    undo_block(block, scene["mo"])
    with pytest.raises(BlockRefused, match="already undone"):
        undo_block(block, scene["mo"])


def test_moderators_block_and_undo_from_the_member_page(client, scene):
    client.force_login(scene["mo"])
    page = client.get("/moderation/members/spammer/").content.decode()
    assert "Block and roll back" in page

    missing = client.post("/moderation/members/spammer/block/", {"reason": "", "confirm": "on"}, follow=True)
    assert "Give a reason" in missing.content.decode()
    assert User.objects.get(username="spammer").is_active
    assert client.get("/moderation/members/spammer/block/").status_code == 405

    done = client.post("/moderation/members/spammer/block/", {"reason": "Spam", "confirm": "on"}, follow=True)
    assert "1 page(s) unpublished, 1 page(s) rolled back, 1 review(s) withdrawn" in done.content.decode()
    block = Block.objects.get()

    undone = client.post(f"/moderation/blocks/{block.pk}/undo/", {"note": "Appeal accepted"}, follow=True)
    assert "is unblocked; 2 page(s) restored." in undone.content.decode()
    log = client.get("/moderation/log/").content.decode()
    assert "Blocked and rolled back" in log and "Block undone" in log and "Appeal accepted" in log


def test_contributors_cannot_block_or_undo(client, scene):
    block = block_member(scene["spammer"], scene["mo"], "Spam")
    client.force_login(contributor("cora"))

    assert client.post(f"/moderation/blocks/{block.pk}/undo/").status_code == 403
    assert not User.objects.get(username="spammer").is_active
