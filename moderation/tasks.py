"""Background work: emails go out after the request, on a worker when a TASKS backend is configured."""

from django.contrib.auth import get_user_model

from wagtail.models import TaskState

from django_tasks import task

from people.models import reachable

from . import emails


@task()
def send_trust_change(member_id, promoted, automatic):
    for member in reachable(get_user_model().objects.filter(pk=member_id)):
        emails.send_trust_change(member, promoted=promoted, automatic=automatic)


@task()
def send_proposal_to_organisers(task_state_id, organiser_ids):
    state = TaskState.objects.select_related("workflow_state__requested_by").filter(pk=task_state_id).first()
    organisers = list(reachable(get_user_model().objects.filter(pk__in=organiser_ids)))
    if state is not None and organisers:
        emails.send_proposal_to_organisers(state.workflow_state.content_object.specific, state, organisers)
