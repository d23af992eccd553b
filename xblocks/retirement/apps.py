"""The plugin app: the platform's plugin loader reads ``plugin_app`` and connects the receiver.

``signals_config`` is the edx-django-utils plugin format (``openedx.core.djangoapps.plugins``): for the
LMS, the function ``retire_learner_text`` in ``xblocks.retirement.receivers`` receives
``USER_RETIRE_LMS_MISC``, which ``LMSAccountRetirementView.post`` (``POST
/api/user/v1/accounts/retire_misc/``, a step of the retirement pipeline) sends with ``user=``.
"""
from django.apps import AppConfig

RETIREMENT_SIGNAL = "openedx.core.djangoapps.user_api.accounts.signals.USER_RETIRE_LMS_MISC"


class RetirementConfig(AppConfig):
    """Connects our retirement receiver in the LMS; adds no models, URLs or settings."""

    name = "xblocks.retirement"
    label = "bemotande_retirement"
    verbose_name = "Bättre bemötande: account retirement"
    plugin_app = {
        "signals_config": {
            "lms.djangoapp": {
                "relative_path": "receivers",
                "receivers": [{"receiver_func_name": "retire_learner_text", "signal_path": RETIREMENT_SIGNAL,
                               "dispatch_uid": "bemotande_xblocks.retire_learner_text"}],
            },
        },
    }
