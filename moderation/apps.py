from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = "Moderation"

    def ready(self):
        from wagtail.signals import task_approved, task_rejected, task_submitted

        from history.signals import page_reverted
        from people.signals import member_signed_up

        from . import receivers

        member_signed_up.connect(receivers.give_learner_role, dispatch_uid="moderation.learner_role")
        task_approved.connect(receivers.count_approval, dispatch_uid="moderation.count_approval")
        task_rejected.connect(receivers.count_changes_requested, dispatch_uid="moderation.count_changes_requested")
        task_submitted.connect(receivers.tell_organisers, dispatch_uid="moderation.tell_organisers")
        page_reverted.connect(receivers.count_revert, dispatch_uid="moderation.count_revert")
