"""URLs of the moderation app; included at the site root by p2pu_site/urls.py."""

from django.urls import path

from . import views

app_name = "moderation"
urlpatterns = [
    path("contribute/", views.contribute, name="contribute"),
    path("moderation/", views.queue, name="queue"),
    path("moderation/reviews/<int:task_state_id>/", views.review, name="review"),
    path("moderation/members/", views.members, name="members"),
    path("moderation/members/<str:username>/", views.member, name="member"),
    path("moderation/members/<str:username>/trust/", views.set_trust, name="set_trust"),
    path("moderation/members/<str:username>/block/", views.block, name="block"),
    path("moderation/blocks/<int:block_id>/undo/", views.undo, name="undo_block"),
    path("moderation/log/", views.audit_log, name="log"),
]
