"""Badge pages and Open Badges documents with N badges and N awards of one badge (N members)."""

from harness import measure, print_table, progress

DEFAULT_N = 1000  # badges, and holders of one badge


def seed(number):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from badges.awarding import issue
    from badges.models import Badge, BadgeCourse, EarningPath
    from courses.models import CourseKind, CoursePage
    from home.models import HomePage
    from schools.models import SchoolIndexPage, SchoolPage

    home = HomePage.objects.get()
    schools = home.add_child(instance=SchoolIndexPage(title="Schools", slug="schools"))
    school = schools.add_child(instance=SchoolPage(title="School of Webcraft", slug="webcraft", summary="Web."))
    course = school.add_child(
        instance=CoursePage(
            title="Web Literacy",
            slug="web-literacy",
            kind=CourseKind.objects.first(),
            summary="Read, write and participate on the web.",
            self_paced=True,
        )
    )
    kinds = list(EarningPath.values)
    for n in range(number):
        badge = Badge.objects.create(
            name=f"Badge {n}",
            slug=f"badge-{n}",
            description="Shows its holder can build and share a small web project.",
            criteria="Build it, **publish it** and explain it to a peer.",
            earned_by=kinds[n % len(kinds)],
        )
        BadgeCourse.objects.create(badge=badge, course=course)
        progress("badges", n + 1, number)
    popular = Badge.objects.get(slug="badge-0")
    User = get_user_model()
    members = User.objects.bulk_create(
        User(username=f"member{n}", email=f"member{n}@example.org", email_confirmed_at=timezone.now())
        for n in range(number)
    )
    for n, member in enumerate(members):
        issue(popular, member, earned_by=popular.earned_by, course=course)
        progress("awards", n + 1, number)
    return popular, popular.assertions.first()


def run(client, number, requests):
    badge, assertion = seed(number)
    urls = [
        "/badges/",
        "/badges/?page=4",
        badge.get_absolute_url(),
        badge.json_url,
        "/badges/issuer.json",
        assertion.get_absolute_url(),
        assertion.json_url,
        assertion.baked_url,
        assertion.credential_url,
    ]
    rows = [measure(client, url, requests) for url in urls]
    print_table(f"Badges with {number} badges and {number} holders of one badge ({requests} requests each)", rows)
    return rows
