"""URLs of the learning app; included at the site root by p2pu_site/urls.py."""

app_name = "learning"
urlpatterns = []
