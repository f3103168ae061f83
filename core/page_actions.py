"""Sub-pages that other apps hang under a page's own URL, e.g. `<course-url>history/` or `<course-url>join/`.

An app registers a view in its `AppConfig.ready()`:

    page_actions.register("history", page_history, models=[CoursePage, WikiPage])

and the view is called as `view(request, page, rest)`, where `rest` is what follows the action in the path
("" for `<page-url>history/`, "3/7/" for `<page-url>history/3/7/`). A child page with the same slug wins.
"""

from django.http import Http404

from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path

_actions = {}


def register(name, view, *, models):
    for model in models:
        _actions[(model, name)] = view


def lookup(page, name):
    for model in type(page).__mro__:
        view = _actions.get((model, name))
        if view is not None:
            return view
    return None


class PageActionsMixin(RoutablePageMixin):
    """Gives a page type the sub-pages registered for it in `core.page_actions`."""

    def route(self, request, path_components):
        # Child pages first: RoutablePageMixin alone would let an action pattern swallow every child's slug.
        if path_components:
            try:
                return super(RoutablePageMixin, self).route(request, path_components)
            except Http404:
                pass
        return super().route(request, path_components)

    @re_path(r"^(?P<action>[a-z][a-z0-9-]*)/(?P<rest>(?:[\w.-]+/)*)$", name="page_action")
    def page_action(self, request, action, rest=""):
        view = lookup(self, action)
        if view is None:
            raise Http404
        return view(request, self, rest)
