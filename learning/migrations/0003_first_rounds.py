"""Courses with a start date run as round 1 from that date: give the ones that exist already their round 1."""

from django.db import migrations


def add_first_rounds(apps, schema_editor):
    CoursePage = apps.get_model("courses", "CoursePage")
    Round = apps.get_model("learning", "Round")
    have_rounds = Round.objects.values("course_id")
    courses = CoursePage.objects.filter(self_paced=False, start_date__isnull=False).exclude(pk__in=have_rounds)
    Round.objects.bulk_create(Round(course_id=course.pk, number=1, start_date=course.start_date) for course in courses)


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0002_rounds_signups_completions_announcements"),
    ]

    operations = [
        migrations.RunPython(add_first_rounds, migrations.RunPython.noop),
    ]
