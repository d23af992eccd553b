"""Workbench URLs plus range-capable media."""
from django.urls import re_path
from workbench.urls import urlpatterns as workbench_urlpatterns

from . import course_scenarios, media

course_scenarios.register()

urlpatterns = [
    re_path(r"^(?P<root_key>media|course-static)/(?P<path>.+)$", media.serve, name="range_media"),
] + list(workbench_urlpatterns)
