from bs4 import BeautifulSoup

from courses.models import CourseKind
from tests.factories import SchoolPageFactory


def test_school_page_groups_its_courses_by_kind(client, site_tree, make_course):
    challenge = CourseKind.objects.get(slug="challenge")
    study_group = CourseKind.objects.get(slug="study-group")
    make_course(title="Webmaking 101", kind=challenge)
    make_course(title="Python", kind=study_group)
    make_course(title="HTML and CSS")
    make_course(title="Hidden draft", live=False)

    response = client.get(site_tree.school.url)

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    groups = {
        group.find("h2").text: [a.text for a in group.select(".course-card__title a")]
        for group in html.select(".kind-group")
    }
    assert list(groups) == ["Courses", "Study Groups", "Challenges"]
    assert groups == {"Courses": ["HTML and CSS"], "Study Groups": ["Python"], "Challenges": ["Webmaking 101"]}
    assert "3 courses" in html.select_one(".school-hero__count").text


def test_school_without_courses_says_so(client, site_tree):
    response = client.get(site_tree.school.url)

    assert "This school has no courses yet." in response.content.decode()


def test_schools_index_lists_schools_with_live_course_counts(client, site_tree, make_course):
    other = SchoolPageFactory(parent=site_tree.schools, title="School of Open", slug="open")
    make_course()
    make_course()
    make_course(live=False)

    response = client.get(site_tree.schools.url)

    html = BeautifulSoup(response.content, "html.parser")
    counts = {
        card.select_one(".school-card__title").text: card.select_one(".school-card__count").text
        for card in html.select(".school-card")
    }
    assert counts == {"School of Webcraft": "2 courses", other.title: "0 courses"}
