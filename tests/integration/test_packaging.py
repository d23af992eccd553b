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
    assert not any(n.startswith(("tests/", "scripts/", "course_export/")) for n in names)
