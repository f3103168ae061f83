"""URLs of the discussion app; included at the site root by p2pu_site/urls.py."""

app_name = "discussion"
urlpatterns = []
