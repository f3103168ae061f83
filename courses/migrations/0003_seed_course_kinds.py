"""The kinds every site starts with; admins add their own terms in the Wagtail admin."""

from django.db import migrations

KINDS = [
    ("Course", "Courses", "course", "A course with a start date, tasks and an organiser who keeps the pace.", 10),
    ("Study Group", "Study Groups", "study-group", "Peers meet regularly to work through open materials together.", 20),
    ("Challenge", "Challenges", "challenge", "A set of tasks you take on at your own pace, alone or with others.", 30),
]


def seed_kinds(apps, schema_editor):
    CourseKind = apps.get_model("courses", "CourseKind")
    for name, plural, slug, description, order in KINDS:
        CourseKind.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "plural_name": plural, "description": description, "sort_order": order},
        )


class Migration(migrations.Migration):
    dependencies = [("courses", "0002_initial")]

    operations = [migrations.RunPython(seed_kinds, migrations.RunPython.noop)]
