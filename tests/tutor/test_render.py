"""What Tutor renders with the plugin enabled: image, settings, init task, CLI."""
import hashlib
import os
import re
import subprocess
import sys
import zipfile

import pytest
import tutorbemotande
from tutor.__about__ import __version__ as TUTOR_VERSION
from tutorbemotande.__about__ import __version__

from .conftest import COURSE_TARBALL, REPO, make_project


def _sha256(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def _stage(dockerfile, name):
    """The text of one build stage of the openedx Dockerfile."""
    match = re.search(r"^FROM [^\n]* AS {}\n(.*?)(?=^FROM |\Z)".format(name), dockerfile, re.M | re.S)
    assert match, name
    return match.group(1)


def test_plugin_version_is_the_package_version():
    with open(os.path.join(REPO, "xblocks", "__init__.py"), encoding="utf-8") as handle:
        package_version = re.search(r'__version__ = "([^"]+)"', handle.read()).group(1)
    assert __version__ == package_version


def test_tutor_major_version_is_supported():
    assert TUTOR_VERSION.split(".")[0] in ("21", "22")


def test_plugin_is_listed_enabled(project):
    listing = project.tutor("plugins", "list").stdout
    assert re.search(r"^bemotande\s+\S*\s*enabled\s+{}".format(re.escape(__version__)), listing, re.M), listing


def test_image_installs_the_pinned_package_with_the_extra_requirements(project):
    dockerfile = project.read("build", "openedx", "Dockerfile")
    stage = _stage(dockerfile, "python-requirements")
    line = "$PIP_COMMAND install 'bemotande-xblocks=={}'".format(__version__)
    assert line in stage
    assert dockerfile.count("bemotande-xblocks==") == 1
    # Same place and form as Tutor's own OPENEDX_EXTRA_PIP_REQUIREMENTS: the pip cache mount.
    assert "--mount=type=cache,target=/openedx/.cache/pip,sharing=shared \\\n    " + line in stage


def test_image_carries_the_course_tarball(project):
    staged = os.path.join(project.root, "env", "build", "openedx", "bemotande", "course", "bemotande-course.tar.gz")
    assert _sha256(staged) == _sha256(COURSE_TARBALL)
    shipped = os.path.join(os.path.dirname(tutorbemotande.__file__), "templates", "bemotande", "course",
                           "bemotande-course.tar.gz")
    assert _sha256(shipped) == _sha256(COURSE_TARBALL), "the installed plugin carries the tarball"
    production = _stage(project.read("build", "openedx", "Dockerfile"), "production")
    assert "COPY --chown=app:app ./bemotande/course/ /openedx/bemotande/\n" in production


def test_job_default_tarball_is_where_the_image_puts_it(project):
    from tutorbemotande import plugin
    assert plugin.COURSE_TARBALL == "/openedx/bemotande/" + "bemotande-course.tar.gz"
    help_text = project.tutor("local", "do", "importbemotande", "--help").stdout
    assert "/openedx/bemotande/bemotande-course.tar.gz" in help_text
    assert "--course-key" in help_text


@pytest.mark.parametrize("mode", ["local", "k8s", "dev"])
def test_do_help_lists_the_job(project, mode):
    result = project.tutor(mode, "do", "--help")
    assert re.search(r"^\s+importbemotande\s", result.stdout, re.M), result.stdout
    assert project.tutor(mode, "do", "importbemotande", "--help").returncode == 0


def test_k8s_cms_job_runs_the_openedx_image(project):
    jobs = project.read("k8s", "jobs.yml")
    cms_job = jobs[jobs.index("name: cms-job"):]
    assert "image: " + project.tutor("config", "printvalue", "DOCKER_IMAGE_OPENEDX").stdout.strip() in cms_job


def test_settings_by_default_leave_libraries_alone(project):
    for service in ("cms", "lms"):
        for variant in ("production", "development"):
            assert "bemotande" not in project.read("apps", "openedx", "settings", service, variant + ".py")


def _run_settings(source, default):
    """Run the rendered settings lines after a platform-like LIBRARY_ENABLED_BLOCKS default."""
    start = source.index("# bemotande: BEMOTANDE_LIBRARY_BLOCKS")
    end = source.index("]\n", start) + 2
    namespace = {"LIBRARY_ENABLED_BLOCKS": list(default)} if default is not None else {}
    exec(compile(source[start:end], "settings", "exec"), namespace)
    return namespace["LIBRARY_ENABLED_BLOCKS"]


def test_library_blocks_opt_in(tmp_path):
    project = make_project(tmp_path, "BEMOTANDE_LIBRARY_BLOCKS=true")
    for variant in ("production", "development"):
        cms = project.read("apps", "openedx", "settings", "cms", variant + ".py")
        platform_default = ["problem", "video", "html", "drag-and-drop-v2"]
        ours = ["video_lesson", "asylum_timeline", "self_assessment"]
        assert _run_settings(cms, platform_default) == platform_default + ours
        assert _run_settings(cms, ["video_lesson"]) == ours
        # The snippet comes after the platform's settings are imported.
        assert cms.index("from cms.envs") < cms.index("# bemotande: BEMOTANDE_LIBRARY_BLOCKS")
        assert "bemotande" not in project.read("apps", "openedx", "settings", "lms", variant + ".py")


def test_init_task_turns_completion_tracking_on(project):
    scripts = project.job_scripts("init", "--limit=bemotande")
    assert ("lms-job", "# bemotande: completion events reach the completion API only with this switch on\n"
            "./manage.py lms waffle_switch --create completion.enable_completion_tracking on") in scripts
    assert all(service == "lms-job" for service, _script in scripts)


def test_init_task_can_leave_completion_alone(tmp_path):
    project = make_project(tmp_path, "BEMOTANDE_COMPLETION_TRACKING=false")
    scripts = [script for _service, script in project.job_scripts("init", "--limit=bemotande")]
    assert scripts and not any("waffle_switch" in script for script in scripts)


def test_git_url_requirement(tmp_path):
    url = "git+https://git.example.org/bemotande-xblocks.git@v" + __version__
    project = make_project(tmp_path, "BEMOTANDE_PIP_REQUIREMENT=" + url)
    stage = _stage(project.read("build", "openedx", "Dockerfile"), "python-requirements")
    assert "$PIP_COMMAND install '{}'".format(url) in stage
    assert "bemotande-xblocks==" not in stage


def _wheel(tmp_path):
    """A real wheel of bemotande-xblocks built from this checkout (the test script builds it once)."""
    wheel = os.environ.get("BEMOTANDE_TEST_WHEEL")
    if wheel:
        return wheel
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), REPO], check=True)
    return str(next(tmp_path.glob("bemotande_xblocks-*.whl")))


def test_local_wheel_is_copied_into_the_build_context(tmp_path):
    wheel = _wheel(tmp_path / "wheel")
    with zipfile.ZipFile(wheel) as archive:
        assert "xblocks/video_lesson/block.py" in archive.namelist()
    project = make_project(tmp_path / "root", "BEMOTANDE_PIP_REQUIREMENT=" + wheel)
    name = os.path.basename(wheel)
    copied = os.path.join(project.root, "env", "build", "openedx", "bemotande", "wheels", name)
    assert _sha256(copied) == _sha256(wheel)
    stage = _stage(project.read("build", "openedx", "Dockerfile"), "python-requirements")
    assert ("RUN --mount=type=bind,source=bemotande/wheels,target=/tmp/bemotande-wheels \\\n"
            "    $PIP_COMMAND install '/tmp/bemotande-wheels/{}'".format(name)) in stage


def test_missing_local_wheel_is_refused_with_its_name(tmp_path):
    project = make_project(tmp_path)
    missing = str(tmp_path / "nowhere" / "bemotande_xblocks-9.9.9-py3-none-any.whl")
    result = project.tutor("config", "save", "--set", "BEMOTANDE_PIP_REQUIREMENT=" + missing, check=False)
    assert result.returncode != 0
    assert missing in result.stdout + result.stderr
    assert "not an existing wheel file" in result.stdout + result.stderr


def test_checkout_can_be_mounted(tmp_path):
    checkout = tmp_path / "bemotande-xblocks"
    checkout.mkdir()
    project = make_project(tmp_path / "root")
    project.tutor("mounts", "add", str(checkout))
    project.tutor("config", "save")
    dockerfile = project.read("build", "openedx", "Dockerfile")
    assert 'RUN $PIP_COMMAND install -e "/mnt/bemotande-xblocks"' in dockerfile
