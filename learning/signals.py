"""Signals other apps listen to (badges award on completion)."""

from django.dispatch import Signal

# Sent after a learner's completed tasks on a course change (a task marked done or undone).
# Arguments: sender=CoursePage, user, course.
progress_changed = Signal()
