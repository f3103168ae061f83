"""Render times of the home page, /courses/ and a course page with N courses and N wiki pages."""

from harness import measure, print_table, progress

DEFAULT_N = 1000  # courses and wiki pages


def seed(number):
    from courses.models import CourseKind, CoursePage, CourseTask
    from home.models import HomePage, HomePageFeaturedSchool
    from schools.models import SchoolIndexPage, SchoolPage
    from tests.factories import CourseIndexPageFactory, WikiIndexPageFactory, WikiPageFactory

    home = HomePage.objects.get()
    schools_index = home.add_child(instance=SchoolIndexPage(title="Schools", slug="schools"))
    CourseIndexPageFactory(parent=home)
    wiki = WikiIndexPageFactory(parent=home)
    schools = [
        schools_index.add_child(instance=SchoolPage(title=f"School {n}", slug=f"school-{n}", summary="A school."))
        for n in range(8)
    ]
    for school in schools[:4]:
        HomePageFeaturedSchool.objects.create(page=home, school=school)
    kinds = list(CourseKind.objects.all())
    body = [("paragraph", "<p>" + "Peer learning with open materials. " * 40 + "</p>")]
    for n in range(number):
        course = schools[n % len(schools)].add_child(
            instance=CoursePage(
                title=f"Course {n}",
                slug=f"course-{n}",
                kind=kinds[n % len(kinds)],
                summary="Learn together with peers, at your own pace, with open materials.",
                start_date="2027-01-11",
                body=body,
            )
        )
        CourseTask.objects.bulk_create(
            CourseTask(page=course, title=f"Task {t}", instructions=body, sort_order=t) for t in range(10)
        )
        progress("courses", n + 1, number)
    for n in range(number):
        WikiPageFactory(parent=wiki, title=f"Wiki page {n}", body=body)
        progress("wiki pages", n + 1, number)
    return CoursePage.objects.first().url


def run(client, number, requests):
    course_url = seed(number)
    rows = [measure(client, url, requests) for url in ("/", "/courses/", "/courses/?page=40", course_url)]
    print_table(f"Pages with {number} courses and {number} wiki pages ({requests} requests each)", rows)
    return rows
