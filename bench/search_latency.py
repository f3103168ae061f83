"""Search latency: /search/ with facets, autocomplete and /courses/?q= over N pages and 5×N comments.

    .venv/bin/python bench/run.py --suite search --n 10000 --requests 30
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/p2pu_bench_search .venv/bin/python bench/run.py --suite search --n 10000

Pages are 60 % courses (in eight schools), 35 % wiki pages and 5 % standard pages; comments hang under courses
and wiki pages, a third of them replies. Text is drawn from a vocabulary with a long tail (topic words are
common, made-up names rare), so query words match realistic shares of the documents. Pages are created through
Wagtail (indexing switched off meanwhile), comments are inserted in bulk, and Wagtail's `update_index` builds
the index once at the end.
"""

import random
import time

from harness import measure, print_table, progress

DEFAULT_N = 10000  # pages (and five times as many comments)

# One string each, split into words: easier to read and extend than a list of quoted words.
TOPICS = (  # noqa: SIM905
    "python javascript html css accessibility design photography gardening beekeeping cooking baking fermentation "
    "knitting sewing woodworking pottery drawing painting music guitar piano singing poetry writing journalism "
    "statistics algebra geometry calculus physics chemistry biology ecology astronomy geology climate energy "
    "history philosophy economics law psychology sociology anthropology language spanish french arabic chinese "
    "teaching facilitation community organising mapping data visualisation spreadsheets databases linux networks "
    "security privacy robotics electronics arduino printing soldering cycling running yoga meditation nutrition "
    "health nursing firstaid parenting finance budgeting entrepreneurship marketing video podcasting radio film "
    "theatre dance architecture urbanism permaculture composting recycling repair translation wikipedia openness"
).split()
COMMON = (  # noqa: SIM905
    "the a and of to in for with on we you our your is are this that it as at by from be will can learn learning "
    "together week weeks each every group people peers share notes start begin first next step steps task tasks "
    "course study questions answers project projects help practice reading readings video call meet meeting online "
    "free open beginners intermediate advanced introduction basics guide tips ideas examples resources tools "
    "skills hands small friendly welcome anyone everyone local school library home work time hour hours pace own"
).split()
SYLLABLES = "ka lo mi ne ru ta ve zo pi da fe gu hi jo ku li mo nu pe ri so tu wa yo".split()  # noqa: SIM905


def vocabulary(rng, size=6000):
    """Made-up names for the long tail: rare words, each in a handful of documents."""
    return sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4))) for _ in range(size)})


class Writer:
    """Text about a topic: mostly everyday words, the topic and two related ones, the odd other topic, rare names.

    Each topic ends up in about 3 % of pages and 1.5 % of comments; everyday words are in most documents.
    """

    def __init__(self, rng):
        self.rng = rng
        self.tail = vocabulary(rng)
        self.common_weights = [1 / (rank + 1) ** 0.7 for rank in range(len(COMMON))]

    def related(self, topic):
        position = TOPICS.index(topic)
        return [TOPICS[(position + step) % len(TOPICS)] for step in (1, 7)]

    def words(self, count, topic=None, related=()):
        rng, words = self.rng, []
        for _ in range(count):
            roll = rng.random()
            if topic and roll < 0.10:
                words.append(topic)
            elif related and roll < 0.15:
                words.append(rng.choice(related))
            elif roll < 0.17:
                words.append(rng.choice(TOPICS))
            elif roll < 0.88:
                words.append(rng.choices(COMMON, self.common_weights)[0])
            else:
                words.append(rng.choice(self.tail))
        return words

    def text(self, count, topic=None, related=()):
        words = self.words(count, topic, related)
        sentences = [" ".join(words[i : i + 12]).capitalize() + "." for i in range(0, len(words), 12)]
        return " ".join(sentences)

    def page_text(self, count, topic):
        return self.text(count, topic, self.related(topic))

    def title(self, topic):
        extra = self.rng.choice(self.related(topic) + self.tail[:300])
        pattern = self.rng.choice(["{t} for beginners", "{t} and {e} together", "Open {t} circle", "{t} in practice"])
        return pattern.format(t=topic.capitalize(), e=extra)


def seed(pages, comments, rng):
    from django.db.models.signals import post_save

    from modelsearch.index import get_indexed_models
    from modelsearch.signal_handlers import post_save_signal_handler

    from core.models import StandardPage
    from courses.models import CourseKind, CoursePage
    from home.models import HomePage
    from schools.models import SchoolIndexPage, SchoolPage
    from tests.factories import CourseIndexPageFactory, WikiIndexPageFactory
    from wiki.models import WikiPage

    # Wagtail indexes each page as it is saved; here the index is built once at the end instead.
    for model in get_indexed_models():
        post_save.disconnect(post_save_signal_handler, sender=model)

    writer = Writer(rng)
    home = HomePage.objects.get()
    schools_index = home.add_child(instance=SchoolIndexPage(title="Schools", slug="schools"))
    CourseIndexPageFactory(parent=home)
    wiki = WikiIndexPageFactory(parent=home)
    schools = [
        schools_index.add_child(
            instance=SchoolPage(
                title=f"School of {topic.capitalize()}", slug=f"school-{n}", summary=writer.page_text(20, topic)
            )
        )
        for n, topic in enumerate(TOPICS[:8])
    ]
    kinds = list(CourseKind.objects.all())
    statuses = ["open", "moderated", "closed"]
    languages = ["en", "en", "en", "es", "fr", "de"]
    counts = {"courses": int(pages * 0.6), "wiki": int(pages * 0.35)}
    counts["standard"] = pages - counts["courses"] - counts["wiki"] - len(schools)
    created = []
    for n in range(counts["courses"]):
        topic = rng.choice(TOPICS)
        course = schools[n % len(schools)].add_child(
            instance=CoursePage(
                title=writer.title(topic),
                slug=f"course-{n}",
                kind=kinds[n % len(kinds)],
                language=rng.choice(languages),
                summary=writer.page_text(25, topic),
                signup_status=rng.choice(statuses),
                self_paced=True,
                body=[("paragraph", f"<p>{writer.page_text(rng.randint(60, 160), topic)}</p>")],
            )
        )
        created.append((course.pk, topic))
        progress("courses", n + 1, counts["courses"])
    wiki_parents = [wiki]
    for n in range(counts["wiki"]):
        topic = rng.choice(TOPICS)
        parent = rng.choice(wiki_parents[:50])
        page = parent.add_child(
            instance=WikiPage(
                title=writer.title(topic),
                slug=f"wiki-{n}",
                summary=writer.page_text(15, topic),
                body=[("paragraph", f"<p>{writer.page_text(rng.randint(80, 300), topic)}</p>")],
            )
        )
        wiki_parents.append(page)
        created.append((page.pk, topic))
        progress("wiki pages", n + 1, counts["wiki"])
    # Standard pages under one "Guides" page: the home page's children are the site's menu.
    guides = home.add_child(instance=StandardPage(title="Guides", slug="guides", intro=writer.text(20)))
    for n in range(max(counts["standard"] - 1, 0)):
        topic = rng.choice(TOPICS)
        guides.add_child(
            instance=StandardPage(
                title=writer.title(topic),
                slug=f"page-{n}",
                intro=writer.page_text(20, topic),
                body=[("paragraph", f"<p>{writer.page_text(100, topic)}</p>")],
            )
        )
        progress("standard pages", n + 1, counts["standard"] - 1)
    insert_comments(created, comments, writer, rng)
    return writer


def insert_comments(page_ids, total, writer, rng):
    """Comments straight into their three tables (django-contrib-comments, -xtd, discussion), in batches."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from wagtail.models import Page

    from django_comments.models import Comment as BaseComment
    from django_comments_xtd.models import XtdComment

    from discussion.models import Comment
    from tests.factories import UserFactory

    users = [UserFactory(username=f"bench{n}") for n in range(50)]
    page_type = ContentType.objects.get_for_model(Page)
    now = timezone.now()
    roots = []
    batch = 2000
    for start in range(0, total, batch):
        rows = []
        for _ in range(start, min(start + batch, total)):
            page_id, topic = rng.choice(page_ids)
            text = writer.text(rng.randint(10, 60), topic if rng.random() < 0.6 else None)
            user = rng.choice(users)
            rows.append(
                BaseComment(
                    content_type=page_type,
                    object_pk=str(page_id),
                    site_id=1,
                    user=user,
                    user_name=user.username,
                    comment=text,
                    submit_date=now,
                    is_public=True,
                )
            )
        BaseComment.objects.bulk_create(rows)
        xtd, discussion = [], []
        for row in rows:
            parent = rng.choice(roots) if roots and rng.random() < 0.33 else None
            page_id = int(parent[1] if parent else row.object_pk)
            xtd.append(
                XtdComment(
                    comment_ptr_id=row.pk,
                    thread_id=parent[0] if parent else row.pk,
                    parent_id=parent[0] if parent else row.pk,
                    level=1 if parent else 0,
                    order=1,
                )
            )
            discussion.append(Comment(xtdcomment_ptr_id=row.pk, page_id=page_id, body_html=f"<p>{row.comment}</p>"))
            if not parent:
                roots.append((row.pk, page_id))
        XtdComment._base_manager._insert(xtd, fields=XtdComment._meta.local_concrete_fields)
        Comment._base_manager._insert(discussion, fields=Comment._meta.local_concrete_fields)
        progress("comments", min(start + batch, total), total)


def build_index():
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("update_index", verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # what autovacuum does soon after a bulk load on a real server
    print(f"  index built in {time.perf_counter() - started:.0f} s")


def run(client, number, requests):
    from django.conf import settings

    settings.SEARCH_AUTOCOMPLETE_REQUESTS_PER_MINUTE = 10**9
    rng = random.Random(7)
    writer = seed(number, number * 5, rng)
    build_index()
    queries = [
        "/search/?q=gardening",
        "/search/?q=photography",
        f"/search/?q={writer.tail[100]}",
        "/search/?q=python+beginners",
        "/search/?q=community+mapping",
        "/search/?q=data+visualisation",
        "/search/?q=history+language&type=course&open=1",
        "/search/?q=music+practice&school=school-3&page=3",
        '/search/?q="for+beginners"',
        "/search/suggestions/?q=gard",
        "/search/suggestions/?q=open+ci",
        "/courses/?q=cooking+together",
        "/wiki/?q=statistics",
    ]
    rows = [measure(client, url, requests) for url in queries]
    print_table(f"Search over {number} pages and {number * 5} comments ({requests} requests each)", rows)
    return rows
