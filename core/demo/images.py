"""Cover images drawn locally with Pillow, so the demo needs no downloads."""

import io
import random

from PIL import Image, ImageDraw, ImageFilter

PALETTES = {
    "teal": ["#0f766e", "#14b8a6", "#99f6e4", "#f0fdfa", "#f59e0b"],
    "coral": ["#c2410c", "#fb923c", "#fed7aa", "#fff7ed", "#0f766e"],
    "indigo": ["#3730a3", "#6366f1", "#c7d2fe", "#eef2ff", "#f472b6"],
    "amber": ["#a14a06", "#f59e0b", "#fde68a", "#fffbeb", "#0e7490"],
    "plum": ["#86198f", "#d946ef", "#f5d0fe", "#fdf4ff", "#facc15"],
    "moss": ["#3f6212", "#84cc16", "#d9f99d", "#f7fee7", "#0369a1"],
}

WIDTH, HEIGHT, SCALE = 1280, 720, 2


def _hex(colour, alpha=255):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4)) + (alpha,)


def cover_jpeg(seed, accent="teal"):
    """A 1280×720 abstract cover: gradient, soft shapes and a pattern, all derived from `seed`."""
    rng = random.Random(seed)  # noqa: S311 — art, not security
    dark, mid, light, paper, pop = PALETTES.get(accent, PALETTES["teal"])
    width, height = WIDTH * SCALE, HEIGHT * SCALE

    base = Image.new("RGBA", (width, height), _hex(paper))
    gradient = Image.linear_gradient("L").rotate(rng.choice([0, 45, 90, 135]), expand=False).resize((width, height))
    base = Image.composite(Image.new("RGBA", (width, height), _hex(light)), base, gradient)

    # Each soft shape is a blurred mask over a solid colour, so edges fade without dark halos.
    # Blurred shapes have no detail to lose, so they are drawn small and scaled up: far faster.
    small = (width // 8, height // 8)
    for _ in range(rng.randint(3, 5)):
        radius = rng.randint(small[1] // 5, small[1] // 2)
        x, y = rng.randint(-radius // 2, small[0]), rng.randint(-radius // 2, small[1])
        mask = Image.new("L", small, 0)
        ImageDraw.Draw(mask).ellipse((x - radius, y - radius, x + radius, y + radius), fill=rng.randint(90, 170))
        mask = mask.filter(ImageFilter.GaussianBlur(radius=18 * SCALE / 8)).resize(
            (width, height), Image.Resampling.BICUBIC
        )
        base.paste(Image.new("RGBA", (width, height), _hex(rng.choice([mid, dark, light]))), (0, 0), mask)

    crisp = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(crisp)
    pattern = rng.choice(["dots", "arcs", "stripes"])
    if pattern == "dots":
        step = 46 * SCALE
        x0, y0 = rng.randint(0, width // 2), rng.randint(0, height // 3)
        rows, cols = rng.randint(4, 7), rng.randint(5, 9)
        for row in range(rows):
            for col in range(cols):
                cx, cy, r = x0 + col * step, y0 + row * step, 7 * SCALE
                draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=_hex(dark, 150))
    elif pattern == "arcs":
        cx, cy = rng.randint(width // 2, width), rng.randint(height // 2, height)
        for ring in range(6):
            r = (120 + ring * 70) * SCALE
            draw.arc(
                (cx - r, cy - r, cx + r, cy + r),
                150,
                300,
                fill=_hex(dark, 170),
                width=10 * SCALE,
            )
    else:
        for index in range(rng.randint(5, 8)):
            offset = index * 70 * SCALE + rng.randint(0, 20)
            draw.line(
                (offset - height, height, offset, 0),
                fill=_hex(mid, 140),
                width=22 * SCALE,
            )

    r = rng.randint(70, 120) * SCALE
    cx, cy = (
        rng.randint(width // 6, width - width // 6),
        rng.randint(height // 4, height - height // 4),
    )
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=_hex(pop, 235))
    inner = r // 2
    draw.ellipse((cx - inner, cy - inner, cx + inner, cy + inner), fill=_hex(paper, 255))

    image = Image.alpha_composite(base, crisp).convert("RGB").resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, progressive=True)
    return buffer.getvalue()
