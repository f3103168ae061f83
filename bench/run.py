"""Benchmarks: `make bench` (or `python bench/run.py --n 1000 --requests 30`).

Each run seeds a throwaway database (a temporary SQLite file, or BENCH_DATABASE_URL, which it fills),
prints p50/p95 render times and query counts, and writes them to bench/results/<suite>.json.
"""

import argparse
import json
from pathlib import Path

from harness import setup_django

RESULTS = Path(__file__).resolve().parent / "results"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000, help="how many courses and wiki pages to seed")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page")
    args = parser.parse_args()

    database = setup_django()
    print(f"Benchmarking on {database.split('@')[-1]}")

    from django.test import Client

    import pages

    client = Client(HTTP_HOST="localhost")
    rows = pages.run(client, args.n, args.requests)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "pages.json").write_text(json.dumps({"n": args.n, "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
