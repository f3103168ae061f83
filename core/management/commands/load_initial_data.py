from django.conf import settings
from django.core.management.base import BaseCommand

from core.demo.build import DEMO_ACCOUNTS, DEMO_PASSWORD, build_demo


class Command(BaseCommand):
    help = "Create the demo schools, courses, wiki and pages (and, with DEBUG on, demo accounts). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-demo-accounts",
            action="store_true",
            help="Create the demo accounts even with DEBUG off (never do this on a public site).",
        )

    def handle(self, *args, **options):
        with_accounts = settings.DEBUG or options["with_demo_accounts"]
        self.stdout.write("Loading demo content…")
        created = build_demo(lambda line: self.stdout.write(line), with_accounts=with_accounts)
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content ready: {created} things created."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo content already loaded: nothing to do."))
        if with_accounts:
            names = ", ".join(account[0] for account in DEMO_ACCOUNTS)
            self.stdout.write(f"Demo accounts (password “{DEMO_PASSWORD}”): {names}")
