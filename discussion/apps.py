from django.apps import AppConfig
from django.db.models.signals import post_migrate


class DiscussionConfig(AppConfig):
    name = "discussion"
    verbose_name = "Discussion"

    def ready(self):
        from . import receivers

        post_migrate.connect(receivers.grant_moderation_permission, sender=self)
