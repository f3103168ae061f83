from wagtail.search import index

from discussion.models import Comment, visible_comments

from .conf import conf
from .text import comment_text


class SearchableComment(index.Indexed, Comment):
    """Discussion comments as Wagtail's database search backend indexes them, beside the pages.

    A proxy: no table of its own. Only comments anyone may read are indexed (`get_indexed_objects`), and the
    search still filters through `visible_comments()` when it reads them back. Comments don't send the post_save
    signal Wagtail listens to under this class, so `search.indexing` follows `comment_changed` instead. With
    Elasticsearch, comments have their own index (`search.documents.CommentDocument`), so there are no
    search_fields here and Wagtail leaves them out of its page index.
    """

    search_fields = [] if conf.USE_ELASTICSEARCH else [index.SearchField("search_text")]
    search_auto_update = False

    class Meta:
        proxy = True

    @classmethod
    def get_indexed_objects(cls):
        return cls.objects.filter(pk__in=visible_comments().values("pk"))

    @property
    def search_text(self):
        return comment_text(self)
