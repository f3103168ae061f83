from django.apps import AppConfig


class BadgesConfig(AppConfig):
    name = "badges"

    def ready(self):
        from learning.signals import progress_changed
        from moderation.signals import member_blocked, member_unblocked

        from . import receivers

        progress_changed.connect(receivers.on_progress_changed, dispatch_uid="badges.progress_changed")
        member_blocked.connect(receivers.on_member_blocked, dispatch_uid="badges.member_blocked")
        member_unblocked.connect(receivers.on_member_unblocked, dispatch_uid="badges.member_unblocked")
