"""What each role may do to courses and wiki pages in the Wagtail editor, on top of Wagtail's group permissions.

Wagtail's page permissions hang on pages in the tree, but the community's rules follow the content: any
contributor may start a course in any school and a wiki page anywhere in the wiki, may edit any wiki page and
propose changes to any course; trusted contributors publish wiki pages and the courses they organise without
review. Course, school and wiki page types return `CommunityPagePermissionTester` from `permissions_for_user`,
so the editor, the admin's buttons and the public "Edit this page" link all ask the same rules.
"""

from django.apps import apps

from wagtail.models import PagePermissionTester

from . import roles


def community_permissions(user, page):
    """The tester the community's page types return from `Page.permissions_for_user`."""
    return CommunityPagePermissionTester(user, page)


def is_organiser(user, page):
    """Organises this course (its creator, or listed as organiser in the database, not in an unpublished draft)."""
    if not user.is_authenticated:
        return False
    if page.owner_id == user.pk:
        return True
    CourseOrganiser = apps.get_model("courses", "CourseOrganiser")
    return CourseOrganiser.objects.filter(page_id=page.pk, user_id=user.pk).exists()


def organised_course_ids(user):
    """The courses a member organises or created, by id."""
    CourseOrganiser = apps.get_model("courses", "CourseOrganiser")
    CoursePage = apps.get_model("courses", "CoursePage")
    ids = set(CourseOrganiser.objects.filter(user=user).values_list("page_id", flat=True))
    return ids | set(CoursePage.objects.filter(owner=user).values_list("pk", flat=True))


def page_is(page, label):
    return issubclass(page.specific_class or type(page), apps.get_model(label))


class CommunityPagePermissionTester(PagePermissionTester):
    """Wagtail's tester, widened by the community roles for courses and the wiki (never narrowed)."""

    def _course(self):
        return page_is(self.page, "courses.CoursePage")

    def _wiki_page(self):
        return page_is(self.page, "wiki.WikiPage")

    def _takes_contributions(self):
        """New pages here may come from contributors: courses in a school, pages in the wiki."""
        return page_is(self.page, "schools.SchoolPage") or page_is(self.page, "wiki.WikiIndexPage") or self._wiki_page()

    def _organiser(self):
        if not hasattr(self, "_organiser_cache"):
            self._organiser_cache = self._course() and is_organiser(self.user, self.page)
        return self._organiser_cache

    def can_add_subpage(self):
        if super().can_add_subpage():
            return True
        if not (roles.is_contributor(self.user) and self._takes_contributions()):
            return False
        return any(model.can_create_at(self.page) for model in self.page.specific_class.creatable_subpage_models())

    def can_edit(self):
        if super().can_edit():
            return True
        return roles.is_contributor(self.user) and (self._wiki_page() or self._course())

    def can_publish(self):
        if super().can_publish():
            return True
        return roles.is_trusted(self.user) and (self._wiki_page() or self._organiser())

    def can_publish_subpage(self):
        if super().can_publish_subpage():
            return True
        # A new course's creator becomes its organiser, so trusted contributors publish new courses and wiki pages.
        return roles.is_trusted(self.user) and self.can_add_subpage()

    def can_delete(self, ignore_bulk=False):
        if super().can_delete(ignore_bulk=ignore_bulk):
            return True
        # Contributors may throw away a draft they started, as long as it was never published.
        page = self.page
        return (
            roles.is_contributor(self.user)
            and (self._wiki_page() or self._course())
            and page.owner_id == self.user.pk
            and not page.live
            and page.first_published_at is None
            and page.is_leaf()
        )

    def can_move(self):
        # Moving pages around the tree is for staff, whatever a contributor may delete.
        return super().can_delete(ignore_bulk=True)

    def can_copy(self):
        # Copying creates pages elsewhere in the tree: staff only.
        return super().can_edit()

    def can_set_view_restrictions(self):
        # Making a page private is a staff decision, even for trusted contributors.
        return super().can_publish()
