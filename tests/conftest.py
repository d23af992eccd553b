"""Shared test set-up: repository paths and the Django settings of the demo site."""
import os
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPTS = os.path.join(REPO, "scripts")
if SCRIPTS not in sys.path:
    sys.path.insert(0, SCRIPTS)

# Every test process gets its own workbench database so runs never share learner state.
os.environ.setdefault("BEMOTANDE_VAR", tempfile.mkdtemp(prefix="bemotande-var-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "devsite.settings")
