"""A GIN index on the whole indexed document (title and body) of Wagtail's database search backend on PostgreSQL.

Searches match `title || body`, so that every word may be in either; without this index PostgreSQL reads every
row of the index table to answer a query. SQLite keeps its own full-text table and needs nothing.
"""

from django.db import migrations

INDEX = "search_indexentry_document_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
