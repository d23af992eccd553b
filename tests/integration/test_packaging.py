"""The built wheel ships every template, static file, catalogue and content file, and the entry points."""
import os
import subprocess
import sys
import zipfile

from tests.conftest import REPO


def test_wheel_holds_package_data_and_entry_points(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "-w", str(tmp_path), REPO], check=True, capture_output=True)
    (wheel,) = [p for p in os.listdir(tmp_path) if p.endswith(".whl")]
    with zipfile.ZipFile(tmp_path / wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(archive.read(n).decode() for n in names if n.endswith("entry_points.txt"))
    expected = set()
    for folder, dirs, files in os.walk(os.path.join(REPO, "xblocks")):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in files:
            if not name.endswith(".pyc"):
                expected.add(os.path.relpath(os.path.join(folder, name), REPO).replace(os.sep, "/"))
    assert sorted(expected - names) == []
    assert "video_lesson = xblocks.video_lesson:VideoLessonBlock" in entry_points
    assert "asylum_timeline = xblocks.asylum_timeline:AsylumTimelineBlock" in entry_points
    assert "self_assessment = xblocks.self_assessment:SelfAssessmentBlock" in entry_points
    assert {"xblocks/self_assessment/translations/sv/LC_MESSAGES/text.mo",
            "xblocks/self_assessment/static/js/sa_main.js",
            "xblocks/self_assessment/templates/student_view.html"} <= names
    # The LMS plugin app that blanks learner text at account retirement (docs/PRIVACY.md).
    assert "[lms.djangoapp]\nbemotande_retirement = xblocks.retirement.apps:RetirementConfig" in entry_points
    assert not any(n.startswith(("tests/", "scripts/", "course_export/")) for n in names)


# What each supported Open edX release runs (Dec 2026); `make test-<stack>` sets BEMOTANDE_STACK.
STACKS = {
    "ulmo": {"python": (3, 11), "XBlock": "5.2.", "Django": "5.2.", "web-fragments": "3.1."},
    "verawood": {"python": (3, 12), "XBlock": "6.1.", "Django": "5.2.", "web-fragments": "3.1."},
    "willow": {"python": (3, 12), "XBlock": "6.3.", "Django": "5.2.", "web-fragments": None},
}


def _version(dist):
    from importlib import metadata
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def test_the_venv_is_the_stack_it_claims_to_be():
    import os

    stack = os.environ.get("BEMOTANDE_STACK")
    if not stack:
        import pytest
        pytest.skip("not run through make test-<stack>")
    expected = STACKS[stack]
    assert sys.version_info[:2] == expected["python"]
    assert _version("XBlock").startswith(expected["XBlock"])
    assert _version("Django").startswith(expected["Django"])
    assert _version("lxml").startswith("5.3.")  # the platform's pin
    if expected["web-fragments"] is None:
        # XBlock >= 6.2 ships web_fragments itself; a second distribution would overwrite its files.
        import web_fragments
        import xblock
        assert _version("web-fragments") is None
        assert os.path.dirname(os.path.dirname(web_fragments.__file__)) == os.path.dirname(
            os.path.dirname(xblock.__file__))
    else:
        assert _version("web-fragments").startswith(expected["web-fragments"])


def test_install_requires_is_satisfied_by_the_stack():
    """Every runtime requirement of the installed package resolves here (web-fragments is not one)."""
    from importlib import metadata

    from packaging.requirements import Requirement

    requirements = [Requirement(r) for r in metadata.requires("bemotande-xblocks") or []]
    names = {r.name.lower() for r in requirements}
    assert "web-fragments" not in names and {"xblock", "django", "lxml", "nh3"} <= names
    for requirement in requirements:
        if requirement.marker and not requirement.marker.evaluate():
            continue
        installed = _version(requirement.name)
        assert installed is not None and requirement.specifier.contains(installed, prereleases=True), \
            "{} needs {} but {} is installed".format(requirement.name, requirement.specifier, installed)
