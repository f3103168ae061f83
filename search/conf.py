"""Settings of the search app, each overridable in Django settings as `SEARCH_<NAME>`.

Read lazily (`conf.PER_PAGE`), so tests and deployments can change them without reloading the module.
"""

from django.conf import settings

DEFAULTS = {
    # Results on one page of /search/.
    "PER_PAGE": 10,
    # Longer queries are cut to this many characters, and to this many words and phrases.
    "MAX_QUERY_LENGTH": 200,
    "MAX_QUERY_TERMS": 12,
    # How deep anyone can page through one query's results (Google stops near 400; nobody reads that far).
    "MAX_RESULTS": 1000,
    # Characters of text around the first matches shown under each result.
    "SNIPPET_LENGTH": 220,
    # Suggestions under the header box, and the shortest input that asks for them.
    "AUTOCOMPLETE_LIMIT": 8,
    "AUTOCOMPLETE_MIN_LENGTH": 2,
    # Autocomplete requests one address may make per minute, counted in the shared cache.
    "AUTOCOMPLETE_REQUESTS_PER_MINUTE": 120,
    # Seconds the words behind "Did you mean…?" are kept in the cache (publishing refreshes them sooner).
    "VOCABULARY_TIMEOUT": 60 * 60,
    # Comments sent to Elasticsearch per bulk request when the comment index is rebuilt.
    "INDEX_CHUNK_SIZE": 500,
}


class SearchSettings:
    def __getattr__(self, name):
        if name not in DEFAULTS:
            raise AttributeError(name)
        return getattr(settings, f"SEARCH_{name}", DEFAULTS[name])

    @property
    def USE_ELASTICSEARCH(self):  # noqa: N802 — read like the other settings
        """Elasticsearch serves search when ELASTICSEARCH_URL is set (settings/base.py then selects Wagtail's ES8)."""
        return bool(getattr(settings, "ELASTICSEARCH_URL", ""))

    @property
    def COMMENT_INDEX(self):  # noqa: N802
        """The Elasticsearch alias comments are searched under; rebuilds swap the index behind it."""
        return f"{getattr(settings, 'ELASTICSEARCH_INDEX_PREFIX', 'p2pu')}-comments"


conf = SearchSettings()
