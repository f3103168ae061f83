"""URLs of the badges app; included at the site root by p2pu_site/urls.py.

The fixed documents come before `<slug>`: badge slugs can't take their names (see `RESERVED_SLUGS`).
"""

from django.urls import path, re_path

from . import views

app_name = "badges"
urlpatterns = [
    path("badges/", views.badge_index, name="index"),
    path("badges/issuer.json", views.issuer_json, name="issuer"),
    path("badges/jwks.json", views.jwks_json, name="jwks"),
    re_path(r"^badges/keys/(?P<kid>[A-Za-z0-9_-]{20,64})\.json$", views.key_json, name="key"),
    path("badges/assertions/<uuid:uuid>.json", views.assertion_json, name="assertion_json"),
    path("badges/assertions/<uuid:uuid>.jwt", views.assertion_credential, name="assertion_credential"),
    re_path(
        r"^badges/assertions/(?P<uuid>[0-9a-f-]{36})\.(?P<extension>png|svg)$",
        views.assertion_image,
        name="assertion_image",
    ),
    path("badges/assertions/<uuid:uuid>/", views.assertion_detail, name="assertion"),
    path("badges/<slug:slug>.json", views.badge_json, name="badge_json"),
    re_path(r"^badges/(?P<slug>[-a-zA-Z0-9_]+)/image\.(?P<extension>png|svg)$", views.badge_image, name="image"),
    path("badges/<slug:slug>/", views.badge_detail, name="detail"),
    path("badges/<slug:slug>/submit/", views.submit, name="submit"),
    path("badges/<slug:slug>/award/", views.award, name="award"),
    path("badges/<slug:slug>/submissions/<int:pk>/", views.submission_detail, name="submission"),
]
