from django.apps import AppConfig
from django.db.models.signals import post_migrate


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "Learning"

    def ready(self):
        from wagtail.signals import page_published

        from core import page_actions
        from courses.models import CoursePage
        from moderation.signals import member_blocked, member_unblocked

        from . import organiser_views, receivers, views

        for name, view in {
            "join": views.join,
            "leave": views.leave,
            "move": views.move,
            "tasks": views.tasks,
            "participants": organiser_views.participants,
            "progress": organiser_views.progress_table,
            "rounds": organiser_views.rounds,
            "announcements": organiser_views.announcements,
        }.items():
            page_actions.register(name, view, models=[CoursePage])

        page_published.connect(receivers.course_published, sender=CoursePage, dispatch_uid="learning.course_published")
        member_blocked.connect(receivers.places_after_block, dispatch_uid="learning.member_blocked")
        member_unblocked.connect(receivers.places_after_block, dispatch_uid="learning.member_unblocked")
        post_migrate.connect(receivers.grant_manage_permission, sender=self)
