"""Start the demo site (workbench + range media) in a subprocess, for browser tests and benchmarks."""
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

SCRIPTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = os.path.dirname(SCRIPTS)

#: Debian's Chromium, driven by the browser tests and the benchmarks.
CHROMIUM = os.environ.get("BEMOTANDE_CHROMIUM", "/usr/bin/chromium")
#: Flags a headless Chromium needs on these machines (root, no GPU, a closed network) plus
#: autoplay for the video tests.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--autoplay-policy=no-user-gesture-required", "--mute-audio"]


def start(log_path=None, timeout=60, env=None):
    """Migrate a fresh database and run the site on a free port; returns (process, base URL).

    The caller stops it with ``process.terminate()``. ``log_path`` receives the server's output;
    ``env`` adds environment variables (e.g. ``{"BEMOTANDE_STORE": "lms"}``, see settings.py).
    """
    var = tempfile.mkdtemp(prefix="bemotande-site-")
    env = dict(os.environ, **(env or {}), BEMOTANDE_VAR=var, DJANGO_SETTINGS_MODULE="devsite.settings",
               PYTHONPATH=SCRIPTS + os.pathsep + REPO)
    subprocess.run([sys.executable, "-m", "django", "migrate", "--run-syncdb", "-v", "0"],
                   cwd=SCRIPTS, env=env, check=True)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log_path = log_path or os.path.join(var, "server.log")
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "django", "runserver", "--insecure", "--noreload", "127.0.0.1:{}".format(port)],
            cwd=SCRIPTS, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = "http://127.0.0.1:{}".format(port)
    deadline = time.time() + timeout
    while True:
        try:
            urllib.request.urlopen(url + "/", timeout=5).read()  # noqa: S310
            return process, url
        except OSError:
            if time.time() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError("the demo site did not start; see " + log_path) from None
            time.sleep(0.3)
