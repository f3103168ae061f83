from django.urls import path

import pytest
from bs4 import BeautifulSoup

from p2pu_site.urls import urlpatterns as site_urlpatterns


def broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("broken/", broken_view), *site_urlpatterns]


def test_404_page_is_the_sites_own(client, site_tree):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find("h1").text == "We couldn’t find that page"
    assert html.select_one("form[role=search]") is not None
    assert html.select_one(".site-header") is not None


@pytest.mark.urls("tests.test_error_pages")
def test_500_page_is_static_and_friendly(client, site_tree):
    client.raise_request_exception = False

    response = client.get("/broken/")

    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content
    assert b"/static/css/site.css" in response.content
