"""WSGI entry point for app servers (gunicorn p2pu_site.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "p2pu_site.settings.production")

application = get_wsgi_application()
