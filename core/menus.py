"""The header and footer menus (the home page's children) are cached per site; any change that could alter them
clears them: a page near the top of the tree saved, published, unpublished, moved or deleted, a privacy setting
changed, a site edited."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

# Safety net: even a change no signal reports shows within this many seconds.
TIMEOUT = 10 * 60
# Sites' home pages are at depth 2, so their children, the menu's pages, at depth 3.
MENU_DEPTH = 3


def cache_key(site):
    return f"core:top-pages:{site.pk}"


def clear(**kwargs):
    cache.delete_many([cache_key(site) for site in Site.objects.all()])


def clear_if_near_top(sender, instance, **kwargs):
    if instance.depth is not None and instance.depth <= MENU_DEPTH:
        clear()


def connect():
    # Receivers with a sender only: a receiver on every model would cost Django its fast bulk deletes everywhere.
    # Saving a page sends post_save for its own class; deleting one sends post_delete for Page too.
    for model in get_page_models():
        post_save.connect(clear_if_near_top, sender=model, dispatch_uid=f"core.menus.{model._meta.label}_saved")
    post_delete.connect(clear_if_near_top, sender=Page, dispatch_uid="core.menus.page_deleted")
    page_published.connect(clear_if_near_top, dispatch_uid="core.menus.published")
    page_unpublished.connect(clear_if_near_top, dispatch_uid="core.menus.unpublished")
    post_page_move.connect(clear, dispatch_uid="core.menus.moved")
    for model in (PageViewRestriction, Site):
        post_save.connect(clear, sender=model, dispatch_uid=f"core.menus.{model.__name__}_saved")
        post_delete.connect(clear, sender=model, dispatch_uid=f"core.menus.{model.__name__}_deleted")
