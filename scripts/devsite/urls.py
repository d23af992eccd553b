"""Workbench URLs plus range-capable media, the tour as the first page, a favicon and the language switch."""
from django.urls import include, re_path
from workbench.urls import urlpatterns as workbench_urlpatterns

from . import course_scenarios, hosts, media, tour

course_scenarios.register()
hosts.register()  # scenarios of the host pages (tests/browser/hosts/)

urlpatterns = [
    re_path(r"^$", tour.index, name="tour"),
    re_path(r"^favicon\.ico$", tour.favicon_view, name="favicon"),
    re_path(r"^i18n/", include("django.conf.urls.i18n")),
    re_path(r"^(?P<root_key>media|course-static)/(?P<path>.+)$", media.serve, name="range_media"),
    re_path(r"^hosts/", include(hosts)),  # a block embedded as Studio, libraries v2 and the Learning MFE do
] + list(workbench_urlpatterns)
