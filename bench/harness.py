"""What every benchmark needs: a throwaway database, a progress line, and timed requests."""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django():
    """Point Django at a fresh database: BENCH_DATABASE_URL if set, else a temporary SQLite file."""
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "p2pu_site.settings.test"
    url = os.environ.get("BENCH_DATABASE_URL")
    if not url:
        url = f"sqlite:///{tempfile.mkdtemp(prefix='p2pu-bench-')}/bench.sqlite3"
    os.environ["DATABASE_URL"] = url

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    return url


def progress(label, done, total):
    """A progress bar redrawn about twenty times over a long step."""
    if done != total and done % max(1, total // 20):
        return
    width = 30
    filled = int(width * done / total) if total else width
    end = "\n" if done >= total else ""
    print(f"\r  {label:<24} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end=end, flush=True)


def measure(client, url, requests):
    """p50 and p95 render time in milliseconds, and the query count of one warm request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)  # warm caches and image renditions
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    quantiles = statistics.quantiles(timings, n=20)
    return {"url": url, "p50_ms": statistics.median(timings), "p95_ms": quantiles[18], "queries": len(queries)}


def print_table(title, rows):
    print(f"\n{title}")
    print(f"  {'page':<52} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for row in rows:
        print(f"  {row['url']:<52} {row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f} {row['queries']:>8}")
