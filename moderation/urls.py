"""URLs of the moderation app; included at the site root by p2pu_site/urls.py."""

app_name = "moderation"
urlpatterns = []
