from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from search import views as search_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # One log-in page for everyone, with the site's rate limits: Wagtail's own would bypass them.
    path("admin/login/", RedirectView.as_view(pattern_name="people:login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    # Each app's URLs sit at the root so it can name its own paths (/accounts/, /people/, /dashboard/…).
    path("", include("people.urls")),
    path("", include("moderation.urls")),
    path("", include("history.urls")),
    path("", include("learning.urls")),
    # django-comments-xtd's own views are deliberately not mounted: they skip the discussion's checks.
    path("", include("discussion.urls")),
    path("", include("badges.urls")),
    path("", include("search.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
