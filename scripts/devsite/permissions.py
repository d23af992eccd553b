"""Who counts as an author in the demo site (the XBlock workbench), for the blocks' Studio handlers.

The workbench has no login and no roles: the user is whatever ``?student=`` says. It is the
author's own tool on 127.0.0.1, so by default every workbench user is an author. Set
``BEMOTANDE_WORKBENCH_AUTHORS`` (Django setting, or the environment variable as a comma-separated
list) to a list of user ids to make everybody else a learner, e.g. to try the refusal by hand.
This is a convenience, not a security boundary: anyone can change ``?student=``.
"""
import os

from django.conf import settings


class WorkbenchStudioPermissions:
    """The ``studio_user_permissions`` service (``can_write``) as Studio's runtimes offer it."""

    runtime = None  # set by the workbench when it loads the service

    @staticmethod
    def authors():
        value = getattr(settings, "BEMOTANDE_WORKBENCH_AUTHORS", None)
        if value is None:
            value = os.environ.get("BEMOTANDE_WORKBENCH_AUTHORS", "*")
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        return list(value)

    def can_write(self, context_key):  # pylint: disable=unused-argument
        """True for the configured authors ("*": everybody)."""
        authors = self.authors()
        return "*" in authors or str(getattr(self.runtime, "user_id", "")) in authors

    def can_read(self, context_key):  # pylint: disable=unused-argument
        return True
