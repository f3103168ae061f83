"""URLs of the history app; included at the site root by p2pu_site/urls.py. Page histories are page actions."""

from django.urls import path

from . import views

app_name = "history"
urlpatterns = [
    path("recent-changes/", views.recent_changes_view, name="recent_changes"),
    path("recent-changes/feed/", views.RecentChangesFeed(), name="recent_changes_feed"),
]
