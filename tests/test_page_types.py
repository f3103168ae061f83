"""The page tree's rules, and every page type created through the real Wagtail editor form."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.models import StandardPage
from courses.models import CourseIndexPage, CourseKind, CoursePage
from home.models import HomePage
from schools.models import SchoolIndexPage, SchoolPage
from tests.factories import (
    CourseIndexPageFactory,
    SchoolIndexPageFactory,
    SchoolPageFactory,
    UserFactory,
    WikiIndexPageFactory,
    WikiPageFactory,
)
from wiki.models import WikiIndexPage, WikiPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {SchoolIndexPage, CourseIndexPage, WikiIndexPage, StandardPage})

    def test_schools(self):
        self.assertAllowedParentPageTypes(SchoolIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(SchoolIndexPage, {SchoolPage})
        self.assertAllowedParentPageTypes(SchoolPage, {SchoolIndexPage})
        self.assertAllowedSubpageTypes(SchoolPage, {CoursePage})

    def test_courses(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CourseIndexPage, set())
        self.assertAllowedParentPageTypes(CoursePage, {SchoolPage})
        self.assertAllowedSubpageTypes(CoursePage, set())

    def test_wiki(self):
        self.assertAllowedParentPageTypes(WikiIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(WikiIndexPage, {WikiPage})
        self.assertAllowedParentPageTypes(WikiPage, {WikiIndexPage, WikiPage})
        self.assertAllowedSubpageTypes(WikiPage, {WikiPage})

    def test_standard_pages(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_singletons(self):
        for model in (HomePage, SchoolIndexPage, CourseIndexPage, WikiIndexPage):
            self.assertEqual(model.max_count, 1, model)


class EditorCreatesEveryPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = UserFactory(username="editor-admin", is_superuser=True, is_staff=True)
        cls.organiser = UserFactory(username="organiser")
        cls.home = HomePage.objects.get()

    def setUp(self):
        self.client.force_login(self.admin)

    def body(self):
        return streamfield(
            [
                ("heading", {"text": "Welcome", "level": "h2"}),
                ("paragraph", rich_text("<p>Hello, peers.</p>")),
            ]
        )

    def test_index_pages(self):
        self.assertCanCreate(self.home, SchoolIndexPage, nested_form_data({"title": "Schools", "slug": "schools"}))
        self.assertCanCreate(self.home, CourseIndexPage, nested_form_data({"title": "Courses", "slug": "courses"}))
        self.assertCanCreate(self.home, WikiIndexPage, nested_form_data({"title": "Wiki", "slug": "wiki"}))

    def test_standard_page(self):
        data = nested_form_data({"title": "About", "slug": "about", "intro": "Who we are.", "body": self.body()})
        self.assertCanCreate(self.home, StandardPage, data)
        self.assertEqual(StandardPage.objects.get(slug="about").body[0].value["text"], "Welcome")

    def test_school_page(self):
        schools = SchoolIndexPageFactory(parent=self.home)
        data = nested_form_data(
            {
                "title": "School of Open",
                "slug": "open",
                "summary": "Open licensing.",
                "accent": "indigo",
                "body": self.body(),
            }
        )
        self.assertCanCreate(schools, SchoolPage, data)

    def test_course_page_with_tasks_and_organisers(self):
        school = SchoolPageFactory(parent=SchoolIndexPageFactory(parent=self.home))
        CourseIndexPageFactory(parent=self.home)
        data = nested_form_data(
            {
                "title": "A Gentle Introduction to Python",
                "slug": "python",
                "kind": CourseKind.objects.get(slug="study-group").pk,
                "language": "en",
                "summary": "Learn Python with peers.",
                "self_paced": "",
                "start_date": "2027-01-11",
                "effort": "6 weeks",
                "signup_status": "open",
                "discussion_mode": "discussion",
                "organisers": inline_formset([{"user": self.organiser.pk}]),
                "body": self.body(),
                "tasks": inline_formset(
                    [
                        {"title": "Say hello", "instructions": streamfield([("paragraph", rich_text("<p>Hi</p>"))])},
                        {"title": "Share code", "instructions": streamfield([]), "needs_evidence": "on"},
                    ]
                ),
            }
        )
        self.assertCanCreate(school, CoursePage, data)
        course = CoursePage.objects.get(slug="python")
        self.assertEqual([task.title for task in course.tasks.all()], ["Say hello", "Share code"])
        self.assertEqual([task.needs_evidence for task in course.tasks.all()], [False, True])
        self.assertEqual([link.user for link in course.organisers.all()], [self.organiser])

    def test_course_page_refuses_a_missing_start_date(self):
        school = SchoolPageFactory(parent=SchoolIndexPageFactory(parent=self.home))
        data = nested_form_data(
            {
                "title": "Undated",
                "slug": "undated",
                "kind": CourseKind.objects.get(slug="course").pk,
                "language": "en",
                "summary": "No date.",
                "signup_status": "open",
                "discussion_mode": "discussion",
                "organisers": inline_formset([]),
                "body": streamfield([]),
                "tasks": inline_formset([]),
                "action-publish": "publish",
            }
        )
        response = self.client.post(f"/admin/pages/add/courses/coursepage/{school.pk}/", data)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Give a start date")
        self.assertFalse(CoursePage.objects.filter(slug="undated").exists())

    def test_wiki_pages_nest(self):
        wiki = WikiIndexPageFactory(parent=self.home)
        parent = WikiPageFactory(parent=wiki, title="Handbook")
        data = nested_form_data({"title": "Tips", "slug": "tips", "summary": "", "body": self.body()})
        self.assertCanCreate(wiki, WikiPage, data)
        self.assertCanCreate(
            parent, WikiPage, nested_form_data({"title": "Deeper", "slug": "deeper", "body": self.body()})
        )
