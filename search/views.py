"""/search/ (the results page) and /search/suggestions/ (autocomplete for the header box, as JSON)."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from core.ratelimit import RateLimit, client_ip

from . import results
from .conf import conf
from .engines import SearchUnavailable, get_engine
from .facets import Catalogue
from .privacy import hidden_paths, visible_pages
from .query import parse


@require_GET
def search(request):
    """Full-text search over courses, schools, wiki pages, standard pages and discussions, with facets."""
    found = results.run(request)
    return TemplateResponse(
        request,
        "search/search.html",
        {"search": found, "search_query": found.query.text},
        status=503 if found.unavailable else 200,
    )


@require_GET
def autocomplete(request):
    """Pages whose titles start with the words typed: `{"query": ..., "results": [{title, url, type, context}]}`."""
    # Visitors whose address is unknown share one count.
    address = client_ip(request) or "unknown"
    wait = RateLimit("search-autocomplete", ip=(address, [(conf.AUTOCOMPLETE_REQUESTS_PER_MINUTE, 60)])).hit()
    if wait:
        response = JsonResponse({"error": "Too many requests: try again in a minute.", "results": []}, status=429)
        response["Retry-After"] = str(wait)
        return response
    query = parse(request.GET.get("q", ""))
    suggestions = []
    if len(query.text) >= conf.AUTOCOMPLETE_MIN_LENGTH and query.terms:
        catalogue = Catalogue()
        hidden = hidden_paths(request)
        try:
            ids = get_engine().autocomplete(query, catalogue, hidden, conf.AUTOCOMPLETE_LIMIT)
        except SearchUnavailable:
            ids = []
        pages = visible_pages(hidden).filter(pk__in=ids).in_bulk()
        for pk in ids:
            if pk in pages:
                page = pages[pk]
                school = catalogue.school_of(page.path)
                result_type = catalogue.type_by_content_type[page.content_type_id]
                suggestions.append(
                    {
                        "title": page.title,
                        "url": page.get_url(request),
                        "type": result_type.label,
                        "context": school.title if school and school.pk != page.pk else "",
                    }
                )
    response = JsonResponse({"query": query.text, "results": suggestions})
    response["Cache-Control"] = "private, max-age=60"
    return response
