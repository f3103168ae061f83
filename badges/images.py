"""Badge images: checking uploads, drawing the default image, and baking assertions into images."""

import contextlib
import io
import math
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError

import defusedxml.ElementTree as SafeET
from openbadges_bakery import bake as bakery_bake
from PIL import Image, ImageDraw, ImageFont

from . import conf

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SIZE = 512
# Drawn at twice the size and scaled down, for smooth edges.
SCALE = 2

# The school accent colours of site.css: (main, tint).
PALETTE = {
    "teal": ("#0f766e", "#ddf3ef"),
    "coral": ("#c2410c", "#fdebdf"),
    "indigo": ("#4338ca", "#e7e8fb"),
    "amber": ("#a14a06", "#fcf0d8"),
    "plum": ("#86198f", "#f8e6f8"),
    "moss": ("#3f6212", "#ebf3dc"),
}

# SVG content that could run code or fetch from elsewhere when the image is opened on its own.
FORBIDDEN_SVG_TAGS = {"script", "foreignobject", "iframe", "embed", "object", "audio", "video"}


def validate_badge_image(file):
    """A PNG or a safe SVG, no bigger than the configured limit."""
    if file.size > conf.max_image_bytes():
        raise ValidationError(f"The image is too large: at most {conf.max_image_bytes() // 1024} KB.")
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head == PNG_SIGNATURE:
        try:
            with Image.open(file) as image:
                image.verify()
                width, height = image.size
        except Exception as error:
            raise ValidationError("This PNG could not be read: it may be damaged.") from error
        finally:
            file.seek(0)
        if min(width, height) < 90:
            raise ValidationError("The image is too small: make it at least 256 pixels wide.")
        return
    if file.name.lower().endswith(".svg"):
        check_svg(file.read())
        file.seek(0)
        return
    raise ValidationError("Upload a PNG or an SVG image.")


def check_svg(data):
    try:
        root = SafeET.fromstring(data)
    except Exception as error:
        raise ValidationError("This SVG could not be read: check that it is a valid SVG file.") from error
    if not root.tag.lower().endswith("svg"):
        raise ValidationError("This file is not an SVG image.")
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1].lower()
        if tag in FORBIDDEN_SVG_TAGS:
            raise ValidationError(f"SVG badge images can’t contain <{tag}> elements.")
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                raise ValidationError("SVG badge images can’t contain event handlers (on… attributes).")
            if local == "href" and not value.strip().startswith(("#", "data:image/")):
                raise ValidationError("SVG badge images can’t link to other files: embed everything in the SVG.")


@lru_cache(maxsize=4)
def _font(weight, size):
    path = Path(settings.BASE_DIR) / "static" / "fonts" / "fraunces-latin-wght-normal.woff2"
    font = ImageFont.truetype(str(path), size)
    # A FreeType without variable-font support draws the default weight.
    with contextlib.suppress(OSError):
        font.set_variation_by_axes([weight])
    return font


def initials(name):
    words = [word for word in name.replace("-", " ").split() if word[:1].isalnum()]
    letters = "".join(word[0] for word in words[:2]) or name[:1] or "?"
    return letters.upper()


def _hex(colour, alpha=255):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4)) + (alpha,)


def _mix(colour, other, amount):
    a, b = _hex(colour), _hex(other)
    return tuple(round(a[i] + (b[i] - a[i]) * amount) for i in range(3)) + (255,)


def default_image_png(name, colour):
    """A rosette in the badge's colour with its initials: the image of every badge without an upload."""
    main, tint = PALETTE.get(colour, PALETTE["teal"])
    size = SIZE * SCALE
    centre = size / 2
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    # Scalloped edge: a ring of overlapping circles around a disc.
    scallops, ring_radius, scallop_radius = 20, size * 0.415, size * 0.075
    for index in range(scallops):
        angle = 2 * math.pi * index / scallops
        x, y = centre + ring_radius * math.cos(angle), centre + ring_radius * math.sin(angle)
        draw.ellipse((x - scallop_radius, y - scallop_radius, x + scallop_radius, y + scallop_radius), fill=_hex(main))
    disc = ring_radius
    draw.ellipse((centre - disc, centre - disc, centre + disc, centre + disc), fill=_hex(main))

    # Inner medallion: a darker face, a light ring and a soft highlight.
    face = size * 0.35
    draw.ellipse((centre - face, centre - face, centre + face, centre + face), fill=_mix(main, "#000000", 0.22))
    ring = face - size * 0.022
    draw.ellipse(
        (centre - ring, centre - ring, centre + ring, centre + ring), outline=_hex(tint, 200), width=int(size * 0.008)
    )
    highlight = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    ImageDraw.Draw(highlight).ellipse(
        (centre - face * 0.85, centre - face * 0.95, centre + face * 0.85, centre + face * 0.15),
        fill=(255, 255, 255, 26),
    )
    image = Image.alpha_composite(image, highlight)
    draw = ImageDraw.Draw(image)

    # A small star above the initials.
    star_y, star_r = centre - face * 0.6, size * 0.042
    points = []
    for index in range(10):
        radius = star_r if index % 2 == 0 else star_r * 0.45
        angle = -math.pi / 2 + index * math.pi / 5
        points.append((centre + radius * math.cos(angle), star_y + radius * math.sin(angle)))
    draw.polygon(points, fill=_hex(tint))

    letters = initials(name)
    font_size = int(size * (0.3 if len(letters) == 1 else 0.24))
    font = _font(720, font_size)
    draw.text((centre, centre + size * 0.035), letters, font=font, fill=(255, 255, 255, 255), anchor="mm")

    image = image.resize((SIZE, SIZE), Image.Resampling.LANCZOS)
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def badge_image_bytes(badge):
    """The badge's image as stored (PNG or SVG), or its generated default PNG."""
    if badge.image:
        with badge.image.open("rb") as file:
            return file.read()
    return default_image_png(badge.name, badge.colour)


def bake(image_bytes, assertion_json):
    """The image with the assertion JSON baked in (an iTXt chunk in a PNG, an element in an SVG)."""
    baked = bakery_bake(io.BytesIO(image_bytes), assertion_json, io.BytesIO())
    return baked.getvalue()
