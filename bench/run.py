"""Benchmarks: `make bench` runs every suite; `python bench/run.py --suite search --n 10000 --requests 30` one.

Each run seeds a throwaway database (a temporary SQLite file, or BENCH_DATABASE_URL, which it fills),
prints p50/p95 render times and query counts, and writes them to bench/results/<suite>.json.
"""

import argparse
import importlib
import json
from pathlib import Path

from harness import setup_django

RESULTS = Path(__file__).resolve().parent / "results"
# Suite name: its module in bench/ (named apart from the apps it measures).
SUITES = {
    "pages": "pages",
    "badges": "badge_pages",
    "discussion": "discussion_pages",
    "search": "search_latency",
    "learning": "learning_pages",
    "history": "history_pages",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, help="how much to seed (each suite has its own default, DEFAULT_N)")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page")
    parser.add_argument("--suite", choices=sorted(SUITES), default="pages", help="what to benchmark")
    args = parser.parse_args()

    database = setup_django()
    print(f"Benchmarking on {database.split('@')[-1]}")

    from django.test import Client

    suite = importlib.import_module(SUITES[args.suite])
    number = args.n or suite.DEFAULT_N
    client = Client(HTTP_HOST="localhost")
    rows = suite.run(client, number, args.requests)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{args.suite}.json").write_text(json.dumps({"n": number, "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
