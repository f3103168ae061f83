"""URLs of the discussion app; included at the site root by p2pu_site/urls.py."""

from django.urls import path

from . import views

app_name = "discussion"
urlpatterns = [
    path("discussion/pages/<int:page_id>/comments/", views.post_comment, name="post"),
    path("discussion/comments/<int:pk>/", views.permalink, name="comment"),
    path("discussion/comments/<int:pk>/reply/", views.reply, name="reply"),
    path("discussion/comments/<int:pk>/edit/", views.edit, name="edit"),
    path("discussion/comments/<int:pk>/delete/", views.delete, name="delete"),
    path("discussion/comments/<int:pk>/like/", views.like, name="like"),
    path("discussion/comments/<int:pk>/flag/", views.flag, name="flag"),
    path("discussion/comments/<int:pk>/accept/", views.accept, name="accept"),
    path("discussion/comments/<int:pk>/remove/", views.remove, name="remove"),
    path("discussion/settings/", views.notification_settings, name="settings"),
    path("discussion/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
