"""The badges part of the demo community, loaded by `load_initial_data` after the pages exist.

Badges of all three kinds on real demo courses, holders, a peer-assessed submission still in review, an
organiser's award to the `learner` demo account, and the completion badges of whoever the learning demo took
through every task of a course (the `learner` account too, if it does). Every step finds before it creates.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from courses.models import CoursePage

from .awarding import award_for_completion, completion_model, issue, record_organiser_award
from .models import Badge, BadgeCourse, EarningPath, Review, Submission

BADGES = [
    {
        "slug": "pythonista",
        "name": "Pythonista",
        "course": "gentle-introduction-to-python",
        "earned_by": EarningPath.COMPLETION,
        "colour": "teal",
        "description": "Wrote and shared real Python programs with a study group, from a first print() to a small "
        "project of their own.",
        "criteria": "Work through **every task** of *A Gentle Introduction to Python*:\n\n"
        "- install Python and run your first program;\n"
        "- practise variables, loops and functions with the group;\n"
        "- share a small project and give feedback on someone else's.\n\n"
        "The badge is awarded as soon as the last task is marked done.",
    },
    {
        "slug": "webmaker",
        "name": "Webmaker",
        "course": "html-and-css-from-scratch",
        "earned_by": EarningPath.PEER_ASSESSMENT,
        "colour": "coral",
        "min_reviews": 2,
        "min_average_rating": "3.5",
        "description": "Built and published a web page by hand, with semantic HTML and CSS that works on a phone.",
        "criteria": "Publish a page you made yourself and submit its address with a short note:\n\n"
        "1. it uses **semantic HTML** (headings in order, lists, landmarks);\n"
        "2. its CSS works on a phone and a desktop;\n"
        "3. images have alt text and the text has enough contrast.\n\n"
        "Two members who hold the badge, or the course's organisers, review it.",
    },
    {
        "slug": "great-facilitator",
        "name": "Great Facilitator",
        "course": "introduction-to-contributing",
        "earned_by": EarningPath.ORGANISER_AWARD,
        "colour": "indigo",
        "description": "Helped a group learn together: ran sessions, welcomed newcomers and kept the conversation "
        "kind and useful.",
        "criteria": "Organisers award this badge to participants who **facilitate**: running a session or a call, "
        "answering questions in the discussion, or welcoming newcomers so they stay.",
    },
]

# username, badge slug, days ago
HOLDERS = [
    ("ada", "webmaker", 210),
    ("chen", "webmaker", 330),
    ("bruno", "pythonista", 120),
]

AWARDS = [
    (
        "hana",
        "learner",
        "great-facilitator",
        "Lee ran the Thursday newcomers' call three weeks in a row and turned every first question into a first "
        "contribution.",
    ),
    (
        "hana",
        "farah",
        "great-facilitator",
        "Farah's guide to writing a good first issue is now the one we send every newcomer.",
    ),
]

# Still in review: one review of the two it needs.
SUBMISSION = {
    "learner": "emeka",
    "badge": "webmaker",
    "evidence_url": "https://emeka.example.org/bird-count/",
    "text": "A one-page site for our neighbourhood bird count: a table of sightings, a form to add one, and a "
    "layout that collapses to one column on a phone. I checked the headings with a screen reader and fixed the "
    "contrast of the links after the first round of feedback from the study group.",
    "reviews": [
        (
            "ada",
            4,
            "Lovely, clean markup and the table has proper headers. The form labels could say which fields are "
            "required, but this meets the criteria.",
        ),
    ],
}


def load(builder):
    """Add what is missing; `builder.users` maps usernames to members, `builder.note()` reports progress."""
    badges = {spec["slug"]: badge(builder, spec) for spec in BADGES}
    badges = {slug: item for slug, item in badges.items() if item is not None}
    for username, slug, days_ago in HOLDERS:
        if username in builder.users and slug in badges:
            hold(builder, badges[slug], builder.users[username], days_ago)
    for organiser, recipient, slug, note in AWARDS:
        if organiser in builder.users and recipient in builder.users and slug in badges:
            award(builder, badges[slug], builder.users[organiser], builder.users[recipient], note)
    if SUBMISSION["badge"] in badges:
        submission(builder, badges[SUBMISSION["badge"]])
    catch_up_completions(builder, [item for item in badges.values() if item.is_completion])


def badge(builder, spec):
    course = CoursePage.objects.filter(slug=spec["course"]).first()
    if course is None:
        return None
    existing = Badge.objects.filter(slug=spec["slug"]).first()
    if existing:
        return existing
    fields = {key: value for key, value in spec.items() if key not in {"slug", "course"}}
    created = Badge.objects.create(slug=spec["slug"], **fields)
    BadgeCourse.objects.create(badge=created, course=course)
    builder.note(f"badge “{created.name}”")
    return created


def hold(builder, badge, member, days_ago):
    evidence = [{"id": badge.courses[0].full_url, "name": f"Earned in {badge.courses[0].title}"}]
    _, created = issue(
        badge,
        member,
        earned_by=badge.earned_by,
        course=badge.courses[0],
        evidence=evidence,
        notify=False,
    )
    if created:
        badge.assertions.filter(recipient=member).update(issued_on=timezone.now() - datetime.timedelta(days=days_ago))
        builder.note(f"{badge.name} badge for {member.username}")


def award(builder, badge, organiser, recipient, note):
    _, created = record_organiser_award(badge, organiser, recipient, note=note, course=badge.courses[0], notify=False)
    if created:
        builder.note(f"{badge.name} awarded to {recipient.username}")


def submission(builder, badge):
    learner = builder.users.get(SUBMISSION["learner"])
    if learner is None:
        return
    item, created = Submission.objects.get_or_create(
        badge=badge,
        learner=learner,
        defaults={"evidence_url": SUBMISSION["evidence_url"], "text": SUBMISSION["text"]},
    )
    if created:
        builder.note(f"{badge.name} submission by {learner.username}")
    for reviewer, rating, comment in SUBMISSION["reviews"]:
        if reviewer not in builder.users:
            continue
        _, created = Review.objects.get_or_create(
            submission=item, reviewer=builder.users[reviewer], defaults={"rating": rating, "comment": comment}
        )
        if created:
            builder.note(f"review of {learner.username}’s {badge.name} submission")


def catch_up_completions(builder, badges):
    """Award completion badges for tasks the learning demo completed before the badges existed."""
    TaskCompletion = completion_model()
    if TaskCompletion is None:
        return
    for badge in badges:
        for course in badge.courses:
            learners = TaskCompletion.objects.filter(task__page=course).values_list("user", flat=True).distinct()
            for user in get_user_model().objects.filter(pk__in=learners):
                for assertion in award_for_completion(user, course, notify=False):
                    builder.note(f"{assertion.badge.name} badge for {user.username} (completed {course.title})")
