"""The learning part of the demo community, loaded by `load_initial_data` after the pages exist.

Members signed up to courses with real progress, a second round of the Python study group, an application
awaiting an answer, a waiting list on a small study group, announcements and follows. Every step finds before
it creates, so a second run changes nothing.
"""

import datetime

from django.utils import timezone

from courses.models import CoursePage, CourseTask
from wiki.models import WikiPage

from .models import Announcement, AnnouncementDelivery, Follow, Round, Signup, TaskCompletion, task_content
from .schedule import ensure_first_round

PYTHON = "gentle-introduction-to-python"
JAVASCRIPT = "javascript-for-the-curious"
CIRCLE = "circulo-de-conversacion"
WEBMAKING = "webmaking-101-challenge"

# (course, username, round number or None, tasks done (by position), evidence {position: url}, status)
SIGNUPS = [
    (PYTHON, "learner", 1, [0, 1], {1: "https://notes.example.org/lee/think-python-chapter-1"}, "active"),
    (PYTHON, "chen", 1, [0, 1, 2, 3, 4], {3: "https://gist.github.com/chenwei/right-justify"}, "active"),
    (PYTHON, "dana", 1, [0], {}, "active"),
    (
        PYTHON,
        "emeka",
        1,
        [0, 1, 2, 3, 4, 5, 6],
        {
            3: "https://github.com/emeka-n/think-python/blob/main/right_justify.py",
            5: "https://github.com/emeka-n/no-e-words",
            6: "https://emeka.example.net/blog/what-a-study-group-taught-me",
        },
        "active",
    ),
    (PYTHON, "farah", 1, [], {}, "active"),
    (PYTHON, "hana", 1, [0, 1, 2], {}, "active"),
    (PYTHON, "gabriel", 2, [0, 1], {}, "active"),
    (JAVASCRIPT, "chen", 1, [0], {}, "active"),
    (JAVASCRIPT, "learner", 1, [], {}, "pending"),
    (JAVASCRIPT, "farah", 1, [], {}, "pending"),
    (CIRCLE, "ada", 1, [0], {}, "active"),
    (CIRCLE, "chen", 1, [], {}, "active"),
    (CIRCLE, "dana", 1, [0, 1], {}, "active"),
    (CIRCLE, "farah", 1, [], {}, "active"),
    (CIRCLE, "hana", 1, [], {}, "waiting"),
    (CIRCLE, "learner", 1, [], {}, "waiting"),
    (WEBMAKING, "learner", None, [0], {}, "active"),
    (
        WEBMAKING,
        "bruno",
        None,
        [0, 1, 2],
        {
            1: "https://bruno-lima.example.net/my-first-page/",
            2: "https://bruno-lima.example.net/remix/",
        },
        "active",
    ),
    (WEBMAKING, "dana", None, [0, 1], {1: "https://dana-k.example.com/webmaking/"}, "active"),
]

ANSWERS = {
    ("learner", JAVASCRIPT): "I finished the Python study group's first weeks and want to make my club's website "
    "interactive: a small events calendar. I have written a little Python, no JavaScript yet.",
    ("farah", JAVASCRIPT): "I teach community workshops and want to build simple quizzes for them. "
    "I know HTML and CSS, and I have copied JavaScript snippets without understanding them.",
}

ANNOUNCEMENTS = [
    (
        PYTHON,
        1,
        "ada",
        "Welcome! Week 1: say hello and read chapter 1",
        "Hello everyone, and welcome to the study group!\n\n"
        "This week: install Python and say hello (task 1), then read chapter 1 of Think Python (task 2). "
        "Mark each task done on the course page as you go, so we can all see how the group is doing.\n\n"
        "We meet on Tuesday at 19:00 London time in #p2pu-python on Libera Chat. Bring one question. "
        "If IRC is new to you, the wiki has a short guide.\n\n"
        "See you there,\nAda and Bruno",
        datetime.timedelta(days=9),
    ),
    (
        PYTHON,
        1,
        "bruno",
        "Week 2: variables, and a note on Tuesday's logs",
        "Great first meeting: fourteen of you came, and the questions about integer division were excellent.\n\n"
        "This week is chapter 2: variables, expressions and statements. Try breaking the examples on purpose. "
        "The log of Tuesday's meeting is on the wiki for those who missed it.\n\n"
        "If you have fallen behind, don't worry: you can keep going at your own pace, or move to the spring "
        "round from the course page.\n\nBruno",
        datetime.timedelta(days=2),
    ),
]

# The learner completed this task before the organisers added a line to it, so the dashboard tells them.
EARLIER_INSTRUCTIONS = {
    (PYTHON, 1): "Write down one thing that surprised you.",
}

FOLLOWS = [
    ("learner", "page", PYTHON),
    ("learner", "person", "ada"),
    ("learner", "wiki", "staying-motivated"),
    ("ada", "wiki", "organiser-handbook"),
    ("hana", "person", "ada"),
    ("chen", "page", WEBMAKING),
]


def load(builder):
    courses = {
        course.slug: course for course in CoursePage.objects.filter(slug__in=[PYTHON, JAVASCRIPT, CIRCLE, WEBMAKING])
    }
    if len(courses) < 4:
        return
    users = builder.users
    prepare_courses(builder, courses)
    rounds = rounds_of(builder, courses)
    for course_slug, username, round_number, done, evidence, status in SIGNUPS:
        user = users.get(username)
        if user is None:
            continue
        course = courses[course_slug]
        sign_up(builder, user, course, rounds.get((course_slug, round_number)), status)
        complete(builder, user, course, done, evidence)
    announce(builder, courses, rounds, users)
    follow(builder, courses, users)


def prepare_courses(builder, courses):
    """A question for the moderated course and a small capacity for the conversation circle, as organisers set them."""
    javascript, circle = courses[JAVASCRIPT], courses[CIRCLE]
    if not javascript.signup_question:
        javascript.signup_question = "What would you like to build with JavaScript, and have you programmed before?"
        javascript.save_revision(user=javascript.organisers.first().user, log_action=True).publish()
        builder.note(f"sign-up question on “{javascript.title}”")
    if circle.capacity is None:
        circle.capacity = 4
        circle.save_revision(user=circle.organisers.first().user, log_action=True).publish()
        builder.note(f"capacity of 4 on “{circle.title}”")


def rounds_of(builder, courses):
    rounds = {}
    for slug, course in courses.items():
        first = ensure_first_round(course)
        if first:
            rounds[(slug, 1)] = first
    python = courses[PYTHON]
    spring, created = Round.objects.get_or_create(
        course=python,
        number=2,
        defaults={
            "name": "Spring 2027",
            "start_date": datetime.date(2027, 4, 12),
            "meetings": [
                (
                    "meeting",
                    {
                        "title": "Weekly video meeting",
                        "date": "2027-04-15",
                        "time": "18:30:00",
                        "time_zone": "America/New_York",
                        "duration_minutes": 60,
                        "recurrence": "weekly",
                        "occurrences": 6,
                        "place_type": "video",
                        "video_url": "https://meet.jit.si/p2pu-python-spring-2027",
                        "irc_channel": "",
                        "irc_network": "irc.libera.chat",
                        "address": "",
                        "notes": "For learners in the Americas: same materials, an evening slot in New York.",
                    },
                )
            ],
        },
    )
    if created:
        builder.note(f"{spring.label} of “{python.title}”")
    rounds[(PYTHON, 2)] = spring
    return rounds


def confirm_email(user):
    """Only members with a confirmed address take part, so demo participants have one."""
    if user.email_confirmed_at is None:
        user.email_confirmed_at = timezone.now()
        type(user).objects.filter(pk=user.pk).update(email_confirmed_at=user.email_confirmed_at)


def sign_up(builder, user, course, round, status):
    if Signup.objects.filter(user=user, course=course).exists():
        return
    confirm_email(user)
    now = timezone.now()
    Signup.objects.create(
        user=user,
        course=course,
        round=round,
        status=status,
        answer=ANSWERS.get((user.username, course.slug), ""),
        created_at=now,
        status_changed_at=now,
        joined_at=now if status == Signup.Status.ACTIVE else None,
    )
    builder.note(f"{user.username} {Signup.Status(status).label.lower()} in “{course.title}”")


def complete(builder, user, course, positions, evidence):
    tasks = list(CourseTask.objects.filter(page=course).order_by("sort_order", "pk"))
    created = 0
    for position in positions:
        task = tasks[position]
        if TaskCompletion.objects.filter(user=user, task=task).exists():
            continue
        created += 1
        completion = TaskCompletion(user=user, task=task, course=course, evidence_url=evidence.get(position, ""))
        completion.completed_at = timezone.now() - datetime.timedelta(days=8 - position)
        completion.take_snapshot()
        earlier = EARLIER_INSTRUCTIONS.get((course.slug, position)) if user.username == "learner" else None
        if earlier:
            content = task_content(task)
            completion.task_instructions = [block for block in content["instructions"] if block["type"] != "paragraph"]
            completion.task_instructions.append({"type": "paragraph", "value": f"<p>{earlier}</p>"})
            completion.task_fingerprint = "changed-since"  # not the digest of the task as it is now
        completion.save()
    if created:
        builder.note(f"{user.username} completed {len(positions)} of {len(tasks)} tasks of “{course.title}”")


def announce(builder, courses, rounds, users):
    for slug, round_number, author, subject, body, age in ANNOUNCEMENTS:
        course = courses[slug]
        if Announcement.objects.filter(course=course, subject=subject).exists():
            continue
        round = rounds[(slug, round_number)]
        readers = list(
            Signup.objects.taking_part().filter(course=course, round=round).values_list("user_id", flat=True)
        )
        sent_at = timezone.now() - age
        announcement = Announcement.objects.create(
            course=course,
            round=round,
            author=users.get(author),
            subject=subject,
            body=body,
            created_at=sent_at,
            sent_at=sent_at,
            status=Announcement.Status.SENT,
            recipient_count=len(readers),
            sent_count=len(readers),
        )
        AnnouncementDelivery.objects.bulk_create(
            AnnouncementDelivery(announcement=announcement, user_id=user_id, sent_at=sent_at) for user_id in readers
        )
        builder.note(f"announcement “{subject}”")


def follow(builder, courses, users):
    for username, kind, key in FOLLOWS:
        user = users.get(username)
        if user is None:
            continue
        if kind == "page":
            target = courses[key]
        elif kind == "wiki":
            target = WikiPage.objects.filter(slug=key).first()
        else:
            target = users.get(key)
        if target is None or Follow.is_following(user, target):
            continue
        Follow.follow(user, target)
        builder.note(f"{username} follows {getattr(target, 'title', None) or target.username}")
