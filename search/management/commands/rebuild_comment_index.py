"""Rebuild the search index of discussion comments, with a progress bar.

With Elasticsearch, comments go into a fresh index that replaces the old one only when complete (searches keep
working meanwhile). With the database backend, the comments' rows of Wagtail's index table are rewritten in one
transaction. Pages are reindexed by Wagtail's own `update_index` (which, on the database backend, also covers
comments).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from discussion.models import Comment
from search.conf import conf
from search.models import SearchableComment


class Command(BaseCommand):
    help = "Rebuild the search index of discussion comments (visible comments only)."

    def add_arguments(self, parser):
        parser.add_argument("--chunk-size", type=int, default=conf.INDEX_CHUNK_SIZE, help="comments per batch")

    def handle(self, *args, chunk_size, **options):
        self.verbosity = options["verbosity"]
        if conf.USE_ELASTICSEARCH:
            from search.documents import client, rebuild

            name, done = rebuild(client(), chunk_size, self.progress)
            self.stdout.write(
                self.style.SUCCESS(f"Indexed {done} comments into {name}, now searched as {conf.COMMENT_INDEX}.")
            )
        else:
            done = self.rebuild_database_index(chunk_size)
            self.stdout.write(self.style.SUCCESS(f"Indexed {done} comments in the database search index."))

    def rebuild_database_index(self, chunk_size):
        backend = get_search_backend()
        index = backend.get_index_for_model(SearchableComment)
        comments = SearchableComment.get_indexed_objects().select_related("page").order_by("pk")
        total = comments.count()
        done = 0
        self.progress(done, total)
        with transaction.atomic():
            IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(Comment)).delete()
            last_pk = 0
            while done < total:
                chunk = list(comments.filter(pk__gt=last_pk)[:chunk_size])
                if not chunk:
                    break
                index.add_items(SearchableComment, chunk)
                done += len(chunk)
                last_pk = chunk[-1].pk
                self.progress(done, total)
        return done

    def progress(self, done, total):
        """A bar redrawn in place on a terminal; a line per tenth of the way in a log."""
        if self.verbosity < 1:
            return
        width = 30
        filled = int(width * done / total) if total else width
        line = f"  comments [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
        if self.stdout.isatty():
            self.stdout.write("\r" + line, ending="\n" if done >= total else "")
        elif filled // 3 != getattr(self, "_last_tenth", None):
            self._last_tenth = filled // 3
            self.stdout.write(line)
