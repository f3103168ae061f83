"""Permissions an app grants to existing groups after each migrate, so nobody has to tick them by hand."""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission


def grant_to_groups(app_config, codename, group_names, using="default"):
    """Give the groups named `group_names` the permission `<app>.<codename>` (created first if need be)."""
    create_permissions(app_config, verbosity=0, using=using)
    permission = (
        Permission.objects.using(using).filter(content_type__app_label=app_config.label, codename=codename).first()
    )
    if permission is None:
        return
    for group in Group.objects.using(using).filter(name__in=group_names):
        group.permissions.add(permission)
