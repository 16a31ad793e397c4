from django.utils.functional import SimpleLazyObject

from .models import Notification


def unread(request):
    """`unread_notifications`: the signed-in user's unread count, counted only if a template shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: Notification.objects.for_user(user).unread().count())}
