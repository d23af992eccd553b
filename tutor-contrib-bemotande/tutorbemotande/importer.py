"""Prepare the course tarball for ``./manage.py cms import``.

This file runs inside the CMS job container of ``tutor local|k8s do importbemotande``: the job
script feeds it to the platform's Python on standard input, so it uses the standard library only
and must not import anything from this package.

    python importer.py --tarball T --into DIR [--course-key course-v1:ORG+COURSE+RUN]

It unpacks T into DIR/course safely (regular files and folders only, no absolute paths, no
``..``, bounded size), finds the one ``course.xml``, and, when a course key is given, rewrites
the course's org, number and run so that the import lands on that key. ``cms import`` takes the
key from ``course.xml`` (org, course, url_name = run) and updates a course that already has that
key instead of creating a second one, so the same key on a second run means an update.

It writes DIR/course_key (the key the import will use) and DIR/exists.py (the check the job
runs in ``./manage.py cms shell`` to say whether it creates or updates), prints what it did,
and exits 2 with an ``ERROR:`` line on bad input, before anything reaches the platform.
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import sys
import tarfile
import xml.etree.ElementTree as ET

KEY_PATTERN = re.compile(r"^course-v1:([A-Za-z0-9_.-]+)\+([A-Za-z0-9_.-]+)\+([A-Za-z0-9_.-]+)$")
MAX_MEMBERS = 20000
MAX_BYTES = 4 * 1024 ** 3


class JobError(Exception):
    """Bad input: the message is printed as ``ERROR: ...`` and the job stops."""


def parse_key(key):
    """``course-v1:ORG+COURSE+RUN`` -> (org, course, run); raises JobError otherwise."""
    match = KEY_PATTERN.match(key)
    if not match:
        raise JobError(
            "course key {!r} is not of the form course-v1:ORG+COURSE+RUN "
            "(letters, digits, '_', '.', '-')".format(key))
    return match.groups()


def _member_path(name):
    """The member's path parts, or JobError for absolute paths and '..'."""
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        raise JobError("unsafe tarball: absolute path {!r}".format(name))
    parts = [part for part in name.replace("\\", "/").split("/") if part not in ("", ".")]
    if ".." in parts:
        raise JobError("unsafe tarball: path {!r} leaves the folder".format(name))
    return parts


def safe_extract(tarball, dest):
    """Unpack regular files and folders of ``tarball`` under ``dest``; return the file count."""
    total = files = 0
    with tarfile.open(tarball, "r:*") as archive:
        members = archive.getmembers()
        if len(members) > MAX_MEMBERS:
            raise JobError("tarball has {} entries (at most {})".format(len(members), MAX_MEMBERS))
        for member in members:
            parts = _member_path(member.name)
            if not (member.isfile() or member.isdir()):
                raise JobError("unsafe tarball: {!r} is a link or a device".format(member.name))
            total += member.size
            if total > MAX_BYTES:
                raise JobError("tarball unpacks to more than {} bytes".format(MAX_BYTES))
        for member in members:
            parts = _member_path(member.name)
            if not parts:
                continue
            target = os.path.join(dest, *parts)
            if member.isdir():
                os.makedirs(target, exist_ok=True)
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with archive.extractfile(member) as source, open(target, "wb") as out:
                shutil.copyfileobj(source, out)
            files += 1
    return files


def find_course_root(folder):
    """The one folder under ``folder`` that holds course.xml (as Tutor's demo-course job)."""
    found = sorted(root for root, _dirs, names in os.walk(folder) if "course.xml" in names)
    if not found:
        raise JobError("no course.xml in the tarball")
    if len(found) > 1:
        raise JobError("several course.xml in the tarball: {}".format(
            ", ".join(os.path.relpath(path, folder) for path in found)))
    return found[0]


def _parse_course_xml(path):
    """course.xml as an ElementTree; a DTD or entity declaration is refused before parsing.

    The standard library's parser is used on purpose (the job must not need anything the
    platform image may lack); with declarations refused, entity expansion cannot happen.
    """
    with open(path, "rb") as handle:
        data = handle.read()
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        raise JobError("course.xml must not declare a DTD or entities")
    return ET.ElementTree(ET.fromstring(data))  # noqa: S314 (declarations refused above)


def read_key(course_root):
    """The key that ``cms import`` derives from course.xml."""
    root = _parse_course_xml(os.path.join(course_root, "course.xml")).getroot()
    org, number, run = (root.get(name) for name in ("org", "course", "url_name"))
    if root.tag != "course" or not (org and number and run):
        raise JobError("course.xml must be <course org=... course=... url_name=...>")
    return "course-v1:{}+{}+{}".format(org, number, run)


def rekey(course_root, key):
    """Rewrite course.xml, course/<run>.xml and policies/<run>/ for ``key``."""
    org, number, run = parse_key(key)
    pointer = os.path.join(course_root, "course.xml")
    tree = _parse_course_xml(pointer)
    old_run = tree.getroot().get("url_name")
    tree.getroot().set("org", org)
    tree.getroot().set("course", number)
    tree.getroot().set("url_name", run)
    tree.write(pointer, encoding="utf-8", xml_declaration=False)
    if run == old_run:
        return
    old_xml = os.path.join(course_root, "course", old_run + ".xml")
    if os.path.exists(old_xml):
        os.replace(old_xml, os.path.join(course_root, "course", run + ".xml"))
    old_policies = os.path.join(course_root, "policies", old_run)
    if os.path.isdir(old_policies):
        new_policies = os.path.join(course_root, "policies", run)
        os.replace(old_policies, new_policies)
        policy = os.path.join(new_policies, "policy.json")
        if os.path.exists(policy):
            with open(policy, encoding="utf-8") as handle:
                data = json.load(handle)
            if "course/" + old_run in data:
                data["course/" + run] = data.pop("course/" + old_run)
            with open(policy, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, indent=2)


EXISTS_CHECK = """from opaque_keys.edx.keys import CourseKey
from xmodule.modulestore.django import modulestore
found = modulestore().has_course(CourseKey.from_string("KEY"), ignore_case=True)
print("BEMOTANDE_EXISTING=%s" % found if found else "BEMOTANDE_NEW")
"""


def prepare(tarball, into, course_key=""):
    """Unpack, re-key if asked, write course_key and exists.py; return (key, course folder)."""
    if course_key:
        parse_key(course_key)
    if not os.path.isfile(tarball):
        raise JobError("no course tarball at {}".format(tarball))
    digest = hashlib.sha256()
    with open(tarball, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    unpacked = os.path.join(into, "unpacked")
    os.makedirs(unpacked)
    try:
        count = safe_extract(tarball, unpacked)
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise JobError("cannot read {}: {}".format(tarball, exc))
    print("INFO: bemotande: unpacked {} files from {} (sha256 {})".format(
        count, tarball, digest.hexdigest()[:16]))
    course = os.path.join(into, "course")
    os.replace(find_course_root(unpacked), course)
    original = read_key(course)
    if course_key and course_key != original:
        rekey(course, course_key)
        print("INFO: bemotande: course key {} (the tarball's is {})".format(course_key, original))
    key = read_key(course)
    if key == original:
        print("INFO: bemotande: course key {} (from the tarball)".format(key))
    with open(os.path.join(into, "course_key"), "w", encoding="utf-8") as handle:
        handle.write(key)
    with open(os.path.join(into, "exists.py"), "w", encoding="utf-8") as handle:
        handle.write(EXISTS_CHECK.replace("KEY", key))
    return key, course


def main(argv=None):
    parser = argparse.ArgumentParser(description="Prepare the bemotande course tarball for cms import.")
    parser.add_argument("--tarball", required=True)
    parser.add_argument("--into", required=True, help="an empty folder for the unpacked course")
    parser.add_argument("--course-key", default="")
    args = parser.parse_args(argv)
    try:
        prepare(args.tarball, args.into, args.course_key)
    except JobError as exc:
        print("ERROR: bemotande: {}".format(exc), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
