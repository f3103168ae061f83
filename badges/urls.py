"""URLs of the badges app; included at the site root by p2pu_site/urls.py."""

app_name = "badges"
urlpatterns = []
