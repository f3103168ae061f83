"""URLs of the people app; included at the site root by p2pu_site/urls.py."""

app_name = "people"
urlpatterns = []
