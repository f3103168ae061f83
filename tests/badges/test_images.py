"""Badge images: the generated default, uploads (PNG or safe SVG only) and baked downloads that round-trip."""

import io
import json

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from openbadges_bakery import unbake
from PIL import Image

from badges.images import check_svg, default_image_png, initials, validate_badge_image

from .factories import AssertionFactory, BadgeFactory

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">'
    b'<circle cx="128" cy="128" r="120" fill="#0f766e"/></svg>'
)


def png_bytes(size=256, colour="#c2410c"):
    output = io.BytesIO()
    Image.new("RGB", (size, size), colour).save(output, format="PNG")
    return output.getvalue()


def test_default_image_is_a_square_png_in_the_badges_colour():
    teal = Image.open(io.BytesIO(default_image_png("Pythonista", "teal"))).convert("RGBA")
    coral = Image.open(io.BytesIO(default_image_png("Pythonista", "coral"))).convert("RGBA")

    assert teal.size == (512, 512)
    assert teal.getpixel((256, 40)) == (15, 118, 110, 255)  # the rosette's edge is the badge colour
    assert coral.getpixel((256, 40)) == (194, 65, 12, 255)
    assert teal.getpixel((2, 2))[3] == 0, "the corners are transparent"
    assert initials("Great Facilitator") == "GF"
    assert initials("pythonista") == "P"


def test_baked_png_round_trips_to_the_assertion(client, badge_world):
    assertion = AssertionFactory(badge=badge_world.completion, recipient=badge_world.learner)

    response = client.get(f"/badges/assertions/{assertion.uuid}.png")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="web-literate-lena.png"'
    baked = json.loads(unbake(io.BytesIO(response.content)))
    assert baked == client.get(f"/badges/assertions/{assertion.uuid}.json").json()
    assert Image.open(io.BytesIO(response.content)).size == (512, 512), "still a good image"


def test_uploaded_png_is_served_and_baked(client, badge_world):
    badge = BadgeFactory(image=SimpleUploadedFile("webmaker.png", png_bytes()))
    assertion = AssertionFactory(badge=badge)

    assert client.get(f"/badges/{badge.slug}/image.png").content == png_bytes()
    baked = client.get(assertion.baked_url)
    assert json.loads(unbake(io.BytesIO(baked.content)))["id"].endswith(f"/badges/assertions/{assertion.uuid}.json")


def test_uploaded_svg_is_served_and_baked_as_svg(client, badge_world):
    badge = BadgeFactory(image=SimpleUploadedFile("open.svg", SVG, content_type="image/svg+xml"))
    assertion = AssertionFactory(badge=badge)

    image = client.get(badge.image_url)
    assert badge.image_url.endswith("/image.svg")
    assert image["Content-Type"] == "image/svg+xml"
    assert client.get(f"/badges/{badge.slug}/image.png").status_code == 302
    baked = client.get(assertion.baked_url)
    assert baked["Content-Disposition"].endswith('.svg"')
    # For hosted assertions the SVG carries the assertion, and its verify address is the assertion's.
    assert unbake(io.BytesIO(baked.content)).endswith(f"/badges/assertions/{assertion.uuid}.json")


@pytest.mark.parametrize(
    ("svg", "message"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "<script>"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>', "event handlers"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
            b'<image xlink:href="https://tracker.example/x.png"/></svg>',
            "link to other files",
        ),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>', "<foreignobject>"),
        (b"<html><body>not an svg</body></html>", "not an SVG"),
        (b"<svg", "could not be read"),
    ],
)
def test_unsafe_or_broken_svgs_are_refused(svg, message):
    with pytest.raises(ValidationError, match=message):
        check_svg(svg)


def test_only_pngs_and_svgs_of_a_sensible_size_are_accepted(settings):
    validate_badge_image(SimpleUploadedFile("ok.png", png_bytes()))
    validate_badge_image(SimpleUploadedFile("ok.svg", SVG))
    with pytest.raises(ValidationError, match="PNG or an SVG"):
        validate_badge_image(SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff\xe0" + b"0" * 100))
    with pytest.raises(ValidationError, match="too small"):
        validate_badge_image(SimpleUploadedFile("tiny.png", png_bytes(size=32)))
    settings.BADGES_MAX_IMAGE_BYTES = 100
    with pytest.raises(ValidationError, match="too large"):
        validate_badge_image(SimpleUploadedFile("big.png", png_bytes()))
