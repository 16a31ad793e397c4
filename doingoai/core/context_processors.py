from django.conf import settings


def site(request):
    """Who we are, for every template: the host body and province come from configuration."""
    return {"site_config": settings.DOINGOAI}
