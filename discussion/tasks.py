"""Background work: emails go out after the request, on a worker when a TASKS backend is configured."""

from django_tasks import task

from . import notifications
from .models import Comment


@task()
def send_comment_notifications(comment_id):
    comment = Comment.objects.select_related("user", "page").filter(pk=comment_id).first()
    return notifications.notify(comment) if comment else 0
