"""Builds the demo community from `content.py`. Every step finds before it creates, so it can run twice."""

import io
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import slugify

from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model

from courses.models import (
    CourseIndexPage,
    CourseKind,
    CourseOrganiser,
    CoursePage,
    CourseTask,
)
from home.models import HomePage, HomePageFeaturedSchool
from schools.models import SchoolIndexPage, SchoolPage
from wiki.models import WikiIndexPage, WikiPage

from ..models import StandardPage
from . import content
from .images import cover_jpeg

# Each feature app adds its part of the demo community (roles, sign-ups, discussions, badges) in its demo.py,
# after the pages exist. Each `load(builder)` must find before it creates, like the rest of the demo.
DEMO_EXTENSIONS = ["moderation.demo", "learning.demo", "discussion.demo", "badges.demo"]

DEMO_PASSWORD = "changeme"  # noqa: S105 — dev-only demo accounts, created only when DEBUG is on
DEMO_ACCOUNTS = [
    # username, first name, last name, is_superuser
    ("admin", "Site", "Admin", True),
    ("moderator", "Mo", "Derator", False),
    ("contributor", "Cora", "Tributor", False),
    ("learner", "Lee", "Arner", False),
]


class DemoBuilder:
    def __init__(self, log):
        self.log = log
        self.created = 0
        self.users = {}

    def run(self, with_accounts):
        with transaction.atomic():
            self.members()
            if with_accounts:
                self.demo_accounts()
            self.embeds()
            home = self.home_page()
            schools_index = self.child(
                home,
                SchoolIndexPage,
                "schools",
                title="Schools",
                show_in_menus=True,
                intro="Every course, study group and challenge lives in a school. Find the one that fits what you want to learn.",
            )
            self.child(
                home,
                CourseIndexPage,
                "courses",
                title="Courses",
                show_in_menus=True,
                intro="Free courses, study groups and challenges from every school, run by peers.",
            )
            wiki_index = self.child(
                home,
                WikiIndexPage,
                "wiki",
                title="Wiki",
                show_in_menus=True,
                intro="Guides, handbooks and notes written by the community. Anyone can improve them.",
            )
            for slug, title, intro, body in content.STANDARD_PAGES:
                self.child(
                    home,
                    StandardPage,
                    slug,
                    title=title,
                    intro=intro,
                    body=body,
                    show_in_menus=slug == "about",
                )
            schools = {spec["slug"]: self.school(schools_index, spec) for spec in content.SCHOOLS}
            for spec in content.COURSES:
                self.course(schools[spec["school"]], spec)
            self.wiki(wiki_index)
            self.feature_schools(home, schools)
            for module in DEMO_EXTENSIONS:
                import_module(module).load(self)
        return self.created

    # People

    def members(self):
        User = get_user_model()
        for username, first, last in content.MEMBERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@example.org",
                },
            )
            if created:
                user.set_unusable_password()
                user.save(update_fields=["password"])
                self.note(f"member {username}")
            self.users[username] = user

    def demo_accounts(self):
        User = get_user_model()
        for username, first, last, is_superuser in DEMO_ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@example.org",
                    "is_superuser": is_superuser,
                    "is_staff": is_superuser,
                },
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
                self.note(f"demo account {username}")
            self.users[username] = user

    # Pages

    def home_page(self):
        home = HomePage.objects.get()
        if not home.hero_text:
            for field, value in content.HOME.items():
                setattr(home, field, value)
            home.title = "Home"
            home.save_revision().publish()
            self.note("home page")
        return home

    def child(self, parent, model, slug, user=None, **fields):
        """The child of `parent` with this slug, created and published if missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            return existing.specific
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)
        self.note(f"{model._meta.verbose_name} “{page.title}”")
        return page

    def school(self, index, spec):
        return self.child(
            index,
            SchoolPage,
            spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            accent=spec["accent"],
            body=spec["body"],
            image=self.image(spec["title"], spec["accent"]),
        )

    def course(self, school, spec):
        organisers = [self.users[name] for name in spec["organisers"]]
        if spec["slug"] == "introduction-to-contributing" and "contributor" in self.users:
            organisers.append(self.users["contributor"])
        return self.child(
            school,
            CoursePage,
            spec["slug"],
            user=organisers[0],
            title=spec["title"],
            kind=CourseKind.objects.get(slug=spec["kind"]),
            language=spec["language"],
            summary=spec["summary"],
            cover_image=self.image(spec["title"], school.accent),
            self_paced=spec["start"] is None,
            start_date=spec["start"],
            effort=spec["effort"],
            signup_status=spec["signup"],
            body=spec["body"],
            organisers=[CourseOrganiser(user=user) for user in organisers],
            tasks=[CourseTask(**task) for task in spec["tasks"]],
        )

    def wiki(self, index):
        pages = {None: index}
        for slug, parent_slug, title, summary, body in content.WIKI_PAGES:
            pages[slug] = self.child(
                pages[parent_slug],
                WikiPage,
                slug,
                title=title,
                summary=summary,
                body=body,
            )

    def feature_schools(self, home, schools):
        if home.featured_schools.exists():
            return
        home.featured_schools = [HomePageFeaturedSchool(school=school) for school in list(schools.values())[:4]]
        home.hero_cta_page = CourseIndexPage.objects.get()
        home.save_revision().publish()
        self.note("featured schools on the home page")

    # Media

    def image(self, title, accent):
        Image = get_image_model()
        image = Image.objects.filter(title=title).first()
        if image is None:
            data = cover_jpeg(title, accent)
            image = Image(
                title=title,
                file=ImageFile(io.BytesIO(data), name=f"{slugify(title)}.jpg"),
            )
            image.save()
            self.note(f"image “{title}”")
        return image

    def embeds(self):
        """Store the demo video's embed so pages render it without asking YouTube (there may be no internet)."""
        url = content.YOUTUBE_PYTHON
        video_id = url.rsplit("=", 1)[-1]
        _, created = Embed.objects.get_or_create(
            hash=get_embed_hash(url),
            defaults={
                "url": url,
                "type": "video",
                "html": f'<iframe width="640" height="360" src="https://www.youtube-nocookie.com/embed/{video_id}" '
                'title="Learn Python: full course for beginners" allow="encrypted-media; picture-in-picture" '
                "allowfullscreen></iframe>",
                "title": "Learn Python: full course for beginners",
                "provider_name": "YouTube",
                "width": 640,
                "height": 360,
            },
        )
        if created:
            self.note("video embed")

    def note(self, what):
        self.created += 1
        self.log(f"  created {what}")


def build_demo(log, with_accounts=None):
    """Create whatever demo content is missing; returns how many things were created."""
    if with_accounts is None:
        with_accounts = settings.DEBUG
    return DemoBuilder(log).run(with_accounts)
