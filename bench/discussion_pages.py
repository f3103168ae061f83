"""Render times of a course page whose discussion has N comments in deep threads (`--suite discussion`).

Named apart from the `discussion` app, which it imports. Measures the page as a visitor and as a signed-in member
(who gets like, reply and flag buttons), with the default 20 threads per page and with every thread on one page,
and the moderators' list in the admin.
"""

from harness import measure, print_table, progress

DEFAULT_N = 500  # comments on one course page

USERNAMES = ["ada", "bruno", "chen", "dana", "emeka", "farah", "gabriel", "hana"]


def seed(number):
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from courses.models import CourseKind, CoursePage
    from discussion.models import Comment
    from home.models import HomePage
    from people.models import User
    from schools.models import SchoolIndexPage, SchoolPage

    home = HomePage.objects.get()
    schools = home.add_child(instance=SchoolIndexPage(title="Schools", slug="schools"))
    school = schools.add_child(instance=SchoolPage(title="School of Webcraft", slug="webcraft", summary="A school."))
    course = school.add_child(
        instance=CoursePage(
            title="A Gentle Introduction to Python",
            slug="python",
            kind=CourseKind.objects.first(),
            summary="Learn Python together.",
            start_date="2027-01-11",
        )
    )
    members = [
        User.objects.create(username=name, email=f"{name}@example.org", email_confirmed_at=timezone.now())
        for name in USERNAMES
    ]
    moderator = User.objects.create(username="mod", is_staff=True, email_confirmed_at=timezone.now())
    moderator.groups.add(Group.objects.get(name="Moderators"))

    # Threads of 1 + 2 + 4 + 8 comments reach the deepest level (3); enough of them to make `number`.
    made = 0
    while made < number:
        level = [Comment.post(page=course, user=members[made % 8], text=f"Thread {made}: how is week 2 going?")]
        made += 1
        for _ in range(3):
            replies = []
            for parent in level:
                for index in range(2):
                    if made >= number:
                        break
                    text = f"Reply {made} with **Markdown**, `code` and a [link](https://example.org/{made})."
                    replies.append(
                        Comment.post(page=course, user=members[(made + index) % 8], text=text, parent=parent)
                    )
                    made += 1
                    progress("comments", made, number)
            level = replies
    return course.url, members[0], moderator


def run(client, number, requests):
    from django.conf import settings
    from django.test import Client

    course_url, member, moderator = seed(number)
    member_client = Client(HTTP_HOST="localhost")
    member_client.force_login(member)
    moderator_client = Client(HTTP_HOST="localhost")
    moderator_client.force_login(moderator)

    rows = [
        measure(client, course_url, requests),
        measure(member_client, course_url, requests),
        measure(moderator_client, "/admin/discussion/comment/", requests),
    ]
    rows[0]["url"] += " (visitor, 20 threads)"
    rows[1]["url"] += " (member, 20 threads)"
    settings.DISCUSSION_THREADS_PER_PAGE = 100_000
    for row, viewer in (
        (measure(client, course_url, requests), "visitor"),
        (measure(member_client, course_url, requests), "member"),
    ):
        row["url"] += f" ({viewer}, all {number})"
        rows.append(row)
    print_table(f"A course page with {number} comments in threads 3 replies deep ({requests} requests each)", rows)
    return rows
