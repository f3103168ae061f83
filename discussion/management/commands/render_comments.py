from django.core.management.base import BaseCommand

from discussion.models import Comment
from discussion.rendering import render_markdown


class Command(BaseCommand):
    help = (
        "Render every comment's Markdown again (after the rendering or sanitising rules change). "
        "Only the stored HTML changes; the text people wrote is kept as it is."
    )

    batch = 500

    def handle(self, *args, **options):
        comments = Comment.objects.filter(deleted_at__isnull=True).order_by("pk")
        total = comments.count()
        changed = done = 0
        for start in range(0, total, self.batch):
            batch = list(comments[start : start + self.batch].only("pk", "comment", "body_html"))
            stale = []
            for comment in batch:
                html = render_markdown(comment.comment)
                if html != comment.body_html:
                    comment.body_html = html
                    stale.append(comment)
            Comment.objects.bulk_update(stale, ["body_html"])
            changed += len(stale)
            done += len(batch)
            self.stdout.write(f"\r  {done}/{total} comments", ending="")
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"{changed} of {total} comments rendered anew."))
