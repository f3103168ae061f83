from bs4 import BeautifulSoup

from home.models import HomePageFeaturedSchool
from tests.factories import SchoolPageFactory, StandardPageFactory, WikiPageFactory


def test_home_page_shows_featured_schools_open_courses_and_recent_changes(client, site_tree, make_course):
    home = site_tree.home
    home.hero_heading = "Learn anything, together"
    home.save()
    second = SchoolPageFactory(parent=site_tree.schools, title="School of Open", slug="open")
    HomePageFeaturedSchool.objects.create(page=home, school=second, sort_order=0)
    HomePageFeaturedSchool.objects.create(page=home, school=site_tree.school, sort_order=1)
    make_course(title="Open course")
    make_course(title="Closed course", signup_status="closed")
    make_course(title="Draft course", live=False)
    wiki_page = WikiPageFactory(parent=site_tree.wiki, title="Glossary")
    wiki_page.save_revision().publish()

    response = client.get("/")

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find("h1").text == "Learn anything, together"
    assert [a.text for a in html.select(".school-card__title a")] == ["School of Open", "School of Webcraft"]
    open_titles = [a.text for a in html.select(".course-card__title a")]
    assert open_titles == ["Open course"]
    changes = [a.text for a in html.select(".change-list__item a")]
    assert changes[0] == "Glossary"
    assert "Draft course" not in changes


def test_navigation_and_footer_come_from_the_page_tree(client, site_tree):
    StandardPageFactory(parent=site_tree.home, title="About", slug="about", show_in_menus=True)
    StandardPageFactory(parent=site_tree.home, title="Code of conduct", slug="code-of-conduct")
    site_tree.schools.show_in_menus = True
    site_tree.schools.save()

    response = client.get("/about/")

    html = BeautifulSoup(response.content, "html.parser")
    assert [a.text for a in html.select(".main-menu a")] == ["Schools", "Badges", "About"]
    assert html.select_one(".main-menu a[aria-current=page]").text == "About"
    community = [a.text for a in html.select(".site-footer nav[aria-label=Community] a")]
    assert community == ["About", "Code of conduct"]
    explore = [a.text for a in html.select(".site-footer nav[aria-label=Explore] a")]
    assert explore == ["Schools", "Courses", "Wiki", "Badges", "Recent changes", "Search"]
