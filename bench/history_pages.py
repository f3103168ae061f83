"""Render times of page histories, differences and /recent-changes/ (HTML and Atom) on a busy site.

Seeds one wiki page with 200 published versions and 5 × N changes spread over 50 courses and wiki pages
(5,000 with the default --n 1000), by 40 members, half with an edit summary.
"""

from harness import measure, print_table, progress

DEFAULT_N = 1000  # changes site-wide, times five

HISTORY_VERSIONS = 200
CHANGED_PAGES = 50


def seed(number):
    from django.db import connection

    from courses.models import CourseKind, CoursePage
    from home.models import HomePage
    from schools.models import SchoolIndexPage, SchoolPage
    from tests.factories import CourseIndexPageFactory, UserFactory, WikiIndexPageFactory, WikiPageFactory
    from tests.history.factories import many_versions

    home = HomePage.objects.get()
    schools_index = home.add_child(instance=SchoolIndexPage(title="Schools", slug="schools"))
    school = schools_index.add_child(
        instance=SchoolPage(title="School of Webcraft", slug="webcraft", summary="A school.")
    )
    CourseIndexPageFactory(parent=home)
    wiki = WikiIndexPageFactory(parent=home)
    authors = [UserFactory(username=f"author{n}") for n in range(40)]
    body = [("paragraph", "<p>" + "Peer learning with open materials. " * 40 + "</p>")]

    busy = WikiPageFactory(parent=wiki, title="Organiser Handbook", slug="handbook", body=body)
    revisions = many_versions(busy, HISTORY_VERSIONS, authors)
    progress("history of one page", HISTORY_VERSIONS, HISTORY_VERSIONS)

    kind = CourseKind.objects.first()
    pages = [
        WikiPageFactory(parent=wiki, title=f"Wiki page {n}", slug=f"wiki-{n}", body=body)
        for n in range(CHANGED_PAGES // 2)
    ]
    pages += [
        school.add_child(
            instance=CoursePage(
                title=f"Course {n}",
                slug=f"course-{n}",
                kind=kind,
                summary="Learn together.",
                start_date="2027-01-11",
                body=body,
            )
        )
        for n in range(CHANGED_PAGES // 2)
    ]
    per_page = max(1, 5 * number // len(pages))
    for done, page in enumerate(pages, start=1):
        many_versions(page, per_page, authors)
        progress("recent changes", done * per_page, len(pages) * per_page)
    # A live database keeps its planner statistics up to date; bulk-loaded tables need telling.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return busy.url, revisions


def run(client, number, requests):
    history_url, revisions = seed(number)
    urls = [
        f"{history_url}history/",
        f"{history_url}history/?page=4",
        f"{history_url}history/compare/{revisions[-2].pk}/{revisions[-1].pk}/",
        "/recent-changes/",
        "/recent-changes/?area=courses&page=50",
        "/recent-changes/?member=author7",
        "/recent-changes/feed/",
        "/people/author7/",
    ]
    rows = [measure(client, url, requests) for url in urls]
    print_table(
        f"History of a page with {HISTORY_VERSIONS} versions; {5 * number} changes site-wide ({requests} requests each)",
        rows,
    )
    return rows
