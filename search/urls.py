"""URLs of the search app; /search/ itself is named `search` in p2pu_site/urls.py (the header form uses it)."""

from django.urls import path

from . import views

app_name = "search"
urlpatterns = [
    path("search/suggestions/", views.autocomplete, name="autocomplete"),
]
