"""Tutor plugin tests: run only by scripts/test_tutor.sh, in a venv with Tutor and the plugin.

Every test drives the real ``tutor`` command of that venv in a throwaway ``TUTOR_ROOT``. What
cannot run here is replaced by recording stand-ins on PATH: ``docker`` (Tutor's call to
``docker compose run … cms-job sh -e -c <script>`` is recorded, and the script is then run
here) and the platform's ``./manage.py`` (records its arguments and what the import folder
holds at that moment).
"""
import importlib.util
import json
import os
import subprocess
import sys
import textwrap

import pytest

if importlib.util.find_spec("tutor") is None or importlib.util.find_spec("tutorbemotande") is None:
    # The top-level runs (.venv: unit, integration, …) have no Tutor: nothing to collect here.
    collect_ignore_glob = ["test_*.py"]

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COURSE_TARBALL = os.path.join(REPO, "dist", "bemotande-course.tar.gz")
BIN = os.path.dirname(sys.executable)

FAKE_DOCKER = """#!{python}
import json, os, sys
record = os.environ["FAKE_DOCKER_RECORD"]
calls = json.load(open(record)) if os.path.exists(record) else []
calls.append(sys.argv[1:])
json.dump(calls, open(record, "w"))
if "ls" in sys.argv[1:] and "--format" in sys.argv[1:]:
    print("[]")
"""

STANDIN_MANAGE = """#!{python}
import json, os, sys
call = {{"argv": sys.argv[1:]}}
if sys.argv[1:3] == ["cms", "shell"]:
    code = sys.argv[sys.argv.index("-c") + 1]
    compile(code, "exists.py", "exec")
    call["code"] = code
    existing = os.environ.get("STANDIN_EXISTING", "")
    print("BEMOTANDE_EXISTING=" + existing if existing else "BEMOTANDE_NEW")
if sys.argv[1:3] == ["cms", "import"]:
    folder = sys.argv[4]
    call["files"] = sorted(os.path.relpath(os.path.join(d, n), folder)
                           for d, _s, names in os.walk(folder) for n in names)
    call["course_xml"] = open(os.path.join(folder, "course.xml"), encoding="utf-8").read()
    call["policies"] = {{}}
    for run in os.listdir(os.path.join(folder, "policies")):
        policy = os.path.join(folder, "policies", run, "policy.json")
        if os.path.exists(policy):
            call["policies"][run] = json.load(open(policy, encoding="utf-8"))
with open(os.environ["STANDIN_RECORD"], "a", encoding="utf-8") as handle:
    handle.write(json.dumps(call) + "\\n")
"""


def _write_exe(path, text):
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(textwrap.dedent(text).format(python=sys.executable))
    os.chmod(path, 0o755)


class Project:
    """A throwaway Tutor project with the plugin enabled."""

    def __init__(self, root):
        self.root = str(root)
        self.fakes = os.path.join(self.root, "fake-bin")
        os.makedirs(self.fakes, exist_ok=True)
        _write_exe(os.path.join(self.fakes, "docker"), FAKE_DOCKER)
        self.docker_record = os.path.join(self.root, "docker-calls.json")

    def env(self):
        env = dict(os.environ)
        env.update(TUTOR_ROOT=self.root, TUTOR_PLUGINS_ROOT=os.path.join(self.root, "plugins"),
                   FAKE_DOCKER_RECORD=self.docker_record,
                   PATH=os.pathsep.join([self.fakes, BIN, env.get("PATH", "")]))
        return env

    def tutor(self, *args, check=True):
        result = subprocess.run([os.path.join(BIN, "tutor"), *args], env=self.env(), capture_output=True,
                                text=True, timeout=120, stdin=subprocess.DEVNULL, check=False)
        if check and result.returncode != 0:
            raise AssertionError("tutor {} failed ({}):\n{}\n{}".format(
                " ".join(args), result.returncode, result.stdout, result.stderr))
        return result

    def read(self, *path):
        with open(os.path.join(self.root, "env", *path), encoding="utf-8") as handle:
            return handle.read()

    def docker_calls(self):
        if not os.path.exists(self.docker_record):
            return []
        with open(self.docker_record, encoding="utf-8") as handle:
            return json.load(handle)

    def forget_docker_calls(self):
        if os.path.exists(self.docker_record):
            os.remove(self.docker_record)

    def job_scripts(self, *args):
        """Run ``tutor local do *args`` and return [(job service, rendered script)] it launched."""
        self.forget_docker_calls()
        self.tutor("local", "do", *args)
        scripts = []
        for call in self.docker_calls():
            if "run" in call and call[-4:-1] == ["sh", "-e", "-c"]:
                scripts.append((call[-5], call[-1]))
        return scripts


def make_project(root, *settings):
    project = Project(root)
    project.tutor("plugins", "enable", "bemotande")
    extra = [arg for setting in settings for arg in ("--set", setting)]
    project.tutor("config", "save", *extra)
    return project


@pytest.fixture(scope="session")
def project(tmp_path_factory):
    """The plugin enabled with its defaults."""
    assert os.path.isfile(COURSE_TARBALL), "build the course first: make course"
    return make_project(tmp_path_factory.mktemp("tutor-root"))


@pytest.fixture
def platform(tmp_path):
    """A folder standing in for /openedx/edx-platform: ./manage.py records every call."""
    folder = tmp_path / "edx-platform"
    folder.mkdir()
    (tmp_path / "data").mkdir()
    _write_exe(str(folder / "manage.py"), STANDIN_MANAGE)

    class Platform:
        path = str(folder)
        record = str(tmp_path / "manage-calls.jsonl")

        def run(self, script, existing=""):
            env = dict(os.environ, STANDIN_RECORD=self.record, STANDIN_EXISTING=existing,
                       PATH=os.pathsep.join([BIN, os.environ.get("PATH", "")]))
            return subprocess.run(["sh", "-e", "-c", script], cwd=self.path, env=env, capture_output=True,
                                  text=True, timeout=120, stdin=subprocess.DEVNULL, check=False)

        def calls(self):
            if not os.path.exists(self.record):
                return []
            with open(self.record, encoding="utf-8") as handle:
                return [json.loads(line) for line in handle]

    return Platform()
