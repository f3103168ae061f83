from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Follow(models.Model):
    """A member following a course, a wiki page or a person, to hear about what happens there."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "content_type", "object_id"], name="unique_follow"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.user} follows {self.content_type.model} {self.object_id}"

    @classmethod
    def _key(cls, target):
        # Pages are followed as Page rows, whatever their specific type, so every page has one key.
        from wagtail.models import Page

        if isinstance(target, Page):
            return ContentType.objects.get_for_model(Page), target.pk
        return ContentType.objects.get_for_model(target), target.pk

    @classmethod
    def follow(cls, user, target):
        content_type, object_id = cls._key(target)
        return cls.objects.get_or_create(user=user, content_type=content_type, object_id=object_id)[0]

    @classmethod
    def unfollow(cls, user, target):
        content_type, object_id = cls._key(target)
        cls.objects.filter(user=user, content_type=content_type, object_id=object_id).delete()

    @classmethod
    def is_following(cls, user, target):
        if not user.is_authenticated:
            return False
        content_type, object_id = cls._key(target)
        return cls.objects.filter(user=user, content_type=content_type, object_id=object_id).exists()

    @classmethod
    def followers_of(cls, target):
        """The members following `target`, as a User queryset."""
        from django.contrib.auth import get_user_model

        content_type, object_id = cls._key(target)
        return get_user_model().objects.filter(follows__content_type=content_type, follows__object_id=object_id)
