"""Account retirement in the LMS: remove what learners wrote in our blocks (docs/PRIVACY.md).

Installed as an Open edX plugin app (entry point ``lms.djangoapp``), so the platform connects
:func:`.receivers.retire_learner_text` to its ``USER_RETIRE_LMS_MISC`` signal. Nothing here is
imported by the blocks themselves.
"""
