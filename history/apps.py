from django.apps import AppConfig


class HistoryConfig(AppConfig):
    name = "history"
    verbose_name = "History"

    def ready(self):
        from core import page_actions
        from courses.models import CoursePage
        from schools.models import SchoolPage
        from wiki.models import WikiPage

        from .diff import use_url_comparison_for_embeds
        from .views import page_history

        page_actions.register("history", page_history, models=[CoursePage, WikiPage, SchoolPage])
        use_url_comparison_for_embeds()
