"""Workbench URLs plus range-capable media, the tour as the first page, a favicon and the language switch."""
from django.urls import include, re_path
from workbench.urls import urlpatterns as workbench_urlpatterns

from . import course_scenarios, media, tour

course_scenarios.register()

urlpatterns = [
    re_path(r"^$", tour.index, name="tour"),
    re_path(r"^favicon\.ico$", tour.favicon_view, name="favicon"),
    re_path(r"^i18n/", include("django.conf.urls.i18n")),
    re_path(r"^(?P<root_key>media|course-static)/(?P<path>.+)$", media.serve, name="range_media"),
] + list(workbench_urlpatterns)
