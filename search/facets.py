"""What results can be narrowed by (type, school, kind, language, open for sign-up) and how many each choice leaves.

Facets are disjunctive: the counts of one facet are taken with every *other* chosen filter applied, so choosing
"Courses" still shows how many wiki pages there are to switch to. Engines hand over their matches as `Group`
rows (one per distinct combination of facet values, with a count) or as ready counts; `facet_counts` does the
arithmetic for the former.
"""

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from courses.models import LANGUAGE_NAMES, CourseKind, SignupStatus
from schools.models import SchoolPage

FACETS = ("type", "school", "kind", "language", "open")
OPEN_STATUSES = (SignupStatus.OPEN, SignupStatus.MODERATED)


@dataclass(frozen=True)
class ResultType:
    key: str
    label: str
    plural: str
    model: str | None = None  # "app.Model" of a page type; None for discussion comments


RESULT_TYPES = (
    ResultType("course", "Course", "Courses", "courses.CoursePage"),
    ResultType("school", "School", "Schools", "schools.SchoolPage"),
    ResultType("wiki", "Wiki page", "Wiki pages", "wiki.WikiPage"),
    ResultType("page", "Page", "Pages", "core.StandardPage"),
    ResultType("discussion", "Discussion", "Discussions"),
)
TYPES_BY_KEY = {result_type.key: result_type for result_type in RESULT_TYPES}
DISCUSSION = TYPES_BY_KEY["discussion"]
PAGE_TYPES = tuple(result_type for result_type in RESULT_TYPES if result_type.model)


@dataclass(frozen=True)
class School:
    pk: int
    title: str
    slug: str
    path: str
    accent: str


class Catalogue:
    """Everything facets are labelled with, loaded once per request: schools, kinds and page content types."""

    def __init__(self):
        from django.apps import apps

        models = {result_type.key: apps.get_model(result_type.model) for result_type in PAGE_TYPES}
        content_types = ContentType.objects.get_for_models(*models.values())  # cached after the first request
        self.models = models
        self.type_by_content_type = {content_types[model].pk: TYPES_BY_KEY[key] for key, model in models.items()}
        self.content_type_by_type = {rt.key: ct for ct, rt in self.type_by_content_type.items()}
        self.page_content_types = list(self.type_by_content_type)
        self.schools = [
            School(*row)
            for row in SchoolPage.objects.live()
            .public()
            .order_by("title")
            .values_list("pk", "title", "slug", "path", "accent")
        ]
        self.schools_by_slug = {school.slug: school for school in self.schools}
        self.schools_by_path = {school.path: school for school in self.schools}
        # Schools all sit at one depth (children of the one schools index), so a page's school is a path prefix.
        self.school_path_length = len(self.schools[0].path) if self.schools else 0
        self.kinds = list(CourseKind.objects.all())
        self.kinds_by_slug = {kind.slug: kind for kind in self.kinds}
        self.kinds_by_pk = {kind.pk: kind for kind in self.kinds}

    def school_of(self, path):
        if not self.school_path_length:
            return None
        return self.schools_by_path.get(path[: self.school_path_length])


@dataclass
class Selection:
    """The filters a visitor chose, each validated against the catalogue; unknown values are listed and ignored."""

    type: ResultType | None = None
    school: School | None = None
    kind: CourseKind | None = None
    language: str | None = None
    open: bool = False
    ignored: list = field(default_factory=list)

    @classmethod
    def from_params(cls, params, catalogue):
        selection = cls()
        lookups = {
            "type": TYPES_BY_KEY,
            "school": catalogue.schools_by_slug,
            "kind": catalogue.kinds_by_slug,
            "language": {code: code for code in LANGUAGE_NAMES},
        }
        for name, known in lookups.items():
            value = params.get(name, "")
            if value and value in known:
                setattr(selection, name, known[value])
            elif value:
                selection.ignored.append(name)
        value = params.get("open", "")
        if value in ("1", "on", "true"):
            selection.open = True
        elif value:
            selection.ignored.append("open")
        return selection

    @property
    def is_active(self):
        return any(self.value(name) for name in FACETS)

    def value(self, name):
        """The chosen value of a facet in the form groups and counts use: a type key, slug, code or True."""
        chosen = getattr(self, name)
        if name == "type":
            return chosen.key if chosen else None
        if name in ("school", "kind"):
            return chosen.slug if chosen else None
        return chosen or None

    @property
    def course_only(self):
        """Kind, language and sign-up describe courses: choosing one narrows the results to courses."""
        return bool(self.kind or self.language or self.open)

    @property
    def includes_pages(self):
        return self.type is None or self.type.model is not None

    @property
    def includes_comments(self):
        return (self.type is None or self.type is DISCUSSION) and not self.course_only

    def page_types(self):
        if self.course_only:
            return [TYPES_BY_KEY["course"]] if self.type in (None, TYPES_BY_KEY["course"]) else []
        return [self.type] if self.type else list(PAGE_TYPES)


@dataclass(frozen=True)
class Group:
    """A number of matches sharing one value of every facet (None where a facet doesn't apply)."""

    type: str
    school: str | None
    kind: str | None
    language: str | None
    open: bool | None
    count: int

    def matches(self, selection, skip=None):
        for name in FACETS:
            wanted = selection.value(name) if name != skip else None
            if wanted is not None and getattr(self, name) != wanted:
                return False
        return True


@dataclass
class Counts:
    """How many matches there are with the chosen filters, without any, and per facet value."""

    total: int = 0
    unfiltered: int = 0
    facets: dict = field(default_factory=lambda: {name: Counter() for name in FACETS})


def facet_counts(groups, selection):
    counts = Counts()
    for group in groups:
        counts.unfiltered += group.count
        if group.matches(selection):
            counts.total += group.count
        for name in FACETS:
            value = getattr(group, name)
            if value is not None and group.matches(selection, skip=name):
                counts.facets[name][value] += group.count
    return counts


def page_group(catalogue, content_type_id, school_path, kind_id, language, signup_status, count):
    """A Group from one row of an engine's page aggregation."""
    is_course = catalogue.type_by_content_type[content_type_id].key == "course"
    school = catalogue.school_of(school_path or "")
    kind = catalogue.kinds_by_pk.get(kind_id)
    return Group(
        type=catalogue.type_by_content_type[content_type_id].key,
        school=school.slug if school else None,
        kind=kind.slug if kind else None,
        language=language if is_course else None,
        open=(signup_status in OPEN_STATUSES) if is_course else None,
        count=count,
    )


def comment_group(catalogue, page_path, count):
    school = catalogue.school_of(page_path or "")
    return Group(DISCUSSION.key, school.slug if school else None, None, None, None, count)


# Presenting facets


@dataclass
class Option:
    label: str
    count: int
    url: str
    selected: bool


@dataclass
class Facet:
    name: str
    heading: str
    options: list


def build_facets(counts, selection, catalogue, params):
    """The facet lists shown beside the results: options with a count, or chosen, each a link that toggles it."""

    def link(name, value):
        kept = {key: params[key] for key in ("q", *FACETS) if params.get(key) and key != name}
        if value is not None:
            kept[name] = value
        return "?" + urlencode(kept)

    def option(name, value, label, param=None):
        selected = selection.value(name) == value
        count = counts.facets[name].get(value, 0)
        if not (count or selected):
            return None
        return Option(label, count, link(name, None if selected else (param or value)), selected)

    def facet(name, heading, entries):
        options = [found for found in (option(name, *entry) for entry in entries) if found]
        return Facet(name, heading, options) if options else None

    languages = sorted(counts.facets["language"], key=lambda code: LANGUAGE_NAMES.get(code, code))
    if selection.language and selection.language not in languages:
        languages.append(selection.language)
    facets = [
        facet("type", "Type", [(rt.key, rt.plural) for rt in RESULT_TYPES]),
        facet("school", "School", [(school.slug, school.title) for school in catalogue.schools]),
        facet("kind", "Kind", [(kind.slug, kind.plural_name) for kind in catalogue.kinds]),
        facet("language", "Language", [(code, LANGUAGE_NAMES.get(code, code)) for code in languages]),
        facet("open", "Sign-up", [(True, "Open for sign-up", "1")]),
    ]
    return [found for found in facets if found]


def clear_filters_url(params):
    """Every result for the same words, on /search/ (from a listing too)."""
    return reverse("search") + "?" + urlencode({"q": params.get("q", "")})
