"""Workbench settings for `make demo` and the tests.

Extends xblock-sdk's settings: the database lives in ``$BEMOTANDE_VAR`` (default ``var/``), and
``/media/`` and ``/course-static/`` are served by a view that honours HTTP Range requests, which
browsers need to seek in a video (Django's static views always answer 200 with the whole file).
"""
import os

from workbench.settings import *  # noqa: F401,F403  pylint: disable=wildcard-import,unused-wildcard-import

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VAR_DIR = os.environ.get("BEMOTANDE_VAR", os.path.join(REPO_ROOT, "var"))
os.makedirs(VAR_DIR, exist_ok=True)

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3",
                         "NAME": os.path.join(VAR_DIR, "workbench.db")}}
ROOT_URLCONF = "devsite.urls"
LOGGING["handlers"]["logfile"]["filename"] = os.path.join(VAR_DIR, "workbench.log")  # noqa: F405
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
DEBUG = os.environ.get("BEMOTANDE_DEBUG", "") == "1"

#: URL prefix -> folder, served with Range support.
RANGE_MEDIA_ROOTS = {
    "media": os.path.join(REPO_ROOT, "build", "media"),
    "course-static": os.path.join(REPO_ROOT, "course_export", "static"),
}

# The UI language follows the browser (Accept-Language), so the blocks can be tested in sv and en.
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
if "django.middleware.locale.LocaleMiddleware" not in MIDDLEWARE:  # noqa: F405
    MIDDLEWARE = list(MIDDLEWARE)  # noqa: F405
    MIDDLEWARE.insert(MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware") + 1,
                      "django.middleware.locale.LocaleMiddleware")

# The platform's replace_urls service (devsite/services.py): handler replies and student_view_data
# carry /static/ URLs through it, as in the LMS.
WORKBENCH = dict(WORKBENCH)  # noqa: F405
WORKBENCH["services"] = dict(WORKBENCH.get("services", {}), replace_urls="devsite.services.CourseStaticUrls")

# Studio's permission service for the blocks' author handlers (see devsite/permissions.py).
WORKBENCH = dict(WORKBENCH)  # noqa: F405
WORKBENCH["services"] = dict(WORKBENCH.get("services", {}),
                             studio_user_permissions="devsite.permissions.WorkbenchStudioPermissions")

# BEMOTANDE_STORE=lms keeps learner state as the LMS does: one document per learner and block, read
# when a request starts and written whole when it ends (scripts/devsite/lms_store.py), so that
# overlapping requests lose writes as they would in production. BEMOTANDE_STORE_DELAY (seconds)
# stands in for the rest of an LMS request before the write.
if os.environ.get("BEMOTANDE_STORE") == "lms":
    WORKBENCH = dict(WORKBENCH, services=dict(WORKBENCH.get("services", {}),
                                              **{"field-data": "devsite.lms_store.LmsLikeFieldData"}))
