from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from . import indexing  # noqa: F401 — connects the comment receivers
        from .suggestions import forget_vocabulary

        page_published.connect(forget_vocabulary, dispatch_uid="search.forget_vocabulary_published")
        page_unpublished.connect(forget_vocabulary, dispatch_uid="search.forget_vocabulary_unpublished")
