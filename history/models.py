from django.db import models


class RevisionNote(models.Model):
    """The one-line summary an editor gave for a revision ("Fixed the meeting time"), shown in public history."""

    revision = models.OneToOneField(
        "wagtailcore.Revision", on_delete=models.CASCADE, primary_key=True, related_name="note"
    )
    summary = models.CharField(max_length=200)

    def __str__(self):
        return self.summary
