"""The importbemotande job: the script Tutor launches, run here against a stand-in manage.py."""
import json
import os
import re

from .conftest import COURSE_TARBALL

TARBALL_KEY = "course-v1:Bemotande+BB101+2026"


def _import_script(project, *args):
    scripts = project.job_scripts("importbemotande", "--tarball", COURSE_TARBALL, *args)
    assert [service for service, _script in scripts] == ["cms-job"]
    return scripts[0][1]


def _workdir(output):
    return re.search(r"preparing \S+ in (\S+)", output).group(1)


def test_default_run_imports_the_tarball_under_its_own_key(project, platform):
    script = _import_script(project)
    result = platform.run(script)
    assert result.returncode == 0, result.stderr
    shell, imported = platform.calls()
    assert shell["argv"][:3] == ["cms", "shell", "-c"]
    assert 'CourseKey.from_string("{}")'.format(TARBALL_KEY) in shell["code"]
    assert imported["argv"][:3] == ["cms", "import", "../data"]
    assert imported["argv"][3].endswith("/course") and len(imported["argv"]) == 4
    assert '<course url_name="2026" org="Bemotande" course="BB101"' in imported["course_xml"]
    assert "course/2026.xml" in imported["files"]
    assert imported["policies"]["2026"]["course/2026"]["advanced_modules"] == [
        "video_lesson", "asylum_timeline", "self_assessment"]
    assert "{} does not exist yet: the import creates it".format(TARBALL_KEY) in result.stdout
    assert "INFO: bemotande: {} created. Studio: http://studio.".format(TARBALL_KEY) in result.stdout
    assert not os.path.exists(_workdir(result.stdout)), "the unpacked copy is removed"


def test_every_static_file_of_the_tarball_reaches_the_import(project, platform):
    import tarfile
    with tarfile.open(COURSE_TARBALL) as archive:
        expected = sorted(m.name[len("course/"):] for m in archive.getmembers() if m.isfile())
    assert platform.run(_import_script(project)).returncode == 0
    assert platform.calls()[-1]["files"] == expected


def test_chosen_course_key_and_second_run_updates_the_same_course(project, platform):
    key = "course-v1:Kommun.Malmo+BB1+2027_ht"
    script = _import_script(project, "--course-key", key)
    first = platform.run(script)
    assert first.returncode == 0, first.stderr
    second = platform.run(script, existing=key)
    assert second.returncode == 0, second.stderr
    imports = [call for call in platform.calls() if call["argv"][1] == "import"]
    assert len(imports) == 2
    for call in imports:
        assert '<course url_name="2027_ht" org="Kommun.Malmo" course="BB1"' in call["course_xml"]
        assert "course/2027_ht.xml" in call["files"] and "course/2026.xml" not in call["files"]
        assert list(call["policies"]) == ["2027_ht"]
        policy = call["policies"]["2027_ht"]
        assert list(policy) == ["course/2027_ht"]
        assert policy["course/2027_ht"]["display_name"].startswith("Bättre bemötande")
    assert "creates it" in first.stdout
    assert "{} exists: the import updates it in place (no second course)".format(key) in second.stdout
    assert "{} updated.".format(key) in second.stdout


def test_bad_course_key_is_refused_before_the_job_starts(project):
    project.forget_docker_calls()
    result = project.tutor("local", "do", "importbemotande", "--course-key", "Bemotande/BB101/2026", check=False)
    assert result.returncode != 0
    assert "course-v1:ORG+COURSE+RUN" in result.stderr
    assert not [call for call in project.docker_calls() if "run" in call]


def test_bad_tarball_path_is_refused(project):
    result = project.tutor("local", "do", "importbemotande", "--tarball", "course.tar.gz;rm -rf /", check=False)
    assert result.returncode != 0
    assert "absolute path inside the CMS container" in result.stderr


def test_missing_tarball_stops_before_the_platform(project, platform, tmp_path):
    missing = str(tmp_path / "none.tar.gz")
    result = platform.run(project.job_scripts("importbemotande", "--tarball", missing)[0][1])
    assert result.returncode == 2
    assert "ERROR: bemotande: no course tarball at " + missing in result.stderr
    assert platform.calls() == []


def test_unsafe_tarball_stops_before_the_platform(project, platform, tmp_path):
    import io
    import tarfile
    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(evil, "w:gz") as archive:
        data = b'<course url_name="x" org="o" course="c"/>'
        info = tarfile.TarInfo("course/course.xml")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
        info = tarfile.TarInfo("course/../../escaped.txt")
        info.size = 1
        archive.addfile(info, io.BytesIO(b"x"))
    result = platform.run(project.job_scripts("importbemotande", "--tarball", str(evil))[0][1])
    assert result.returncode == 2
    assert "leaves the folder" in result.stderr
    assert platform.calls() == []
    assert not (tmp_path / "escaped.txt").exists()


def test_job_script_is_what_the_plugin_wrote(project):
    """Tutor renders job scripts as Jinja: the embedded importer must come through unchanged."""
    from tutorbemotande import importer
    script = _import_script(project)
    with open(importer.__file__, encoding="utf-8") as handle:
        assert handle.read().rstrip("\n") in script
    assert "{%" not in script and "{{" not in script
    assert json.dumps(COURSE_TARBALL)[1:-1] in script
