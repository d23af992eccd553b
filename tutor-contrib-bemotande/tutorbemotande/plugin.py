"""Tutor plugin for bemotande-xblocks.

Enabling it puts the XBlocks into the openedx image (patch ``openedx-dockerfile-post-python-
requirements``, pinned to this plugin's version unless ``BEMOTANDE_PIP_REQUIREMENT`` says
otherwise) together with the course tarball (patch ``openedx-dockerfile``), turns the
completion waffle switch on in the init job, lets authors use the blocks in libraries v2 when
``BEMOTANDE_LIBRARY_BLOCKS`` is true, and adds the ``importbemotande`` job to
``tutor local|dev|k8s do``.
"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import typing as t
from glob import glob

import click
from tutor import exceptions, hooks

from .__about__ import __version__

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = os.path.join(HERE, "templates")
# Where the openedx-dockerfile patch puts the tarball in the image.
COURSE_TARBALL = "/openedx/bemotande/bemotande-course.tar.gz"
WHEELS_DIR = ("build", "openedx", "bemotande", "wheels")

hooks.Filters.CONFIG_DEFAULTS.add_items([
    ("BEMOTANDE_VERSION", __version__),
    # Any pip requirement: the default pin, "git+https://…/bemotande-xblocks.git@v0.1.0",
    # a wheel URL, or the absolute path of a wheel on this machine (copied into the build context).
    ("BEMOTANDE_PIP_REQUIREMENT", "bemotande-xblocks=={{ BEMOTANDE_VERSION }}"),
    ("BEMOTANDE_COMPLETION_TRACKING", True),
    ("BEMOTANDE_LIBRARY_BLOCKS", False),
])

# Templates: only the course tarball is rendered into the environment, next to the openedx
# Dockerfile (env/build/openedx/bemotande/course/), so that the image build can copy it.
hooks.Filters.ENV_TEMPLATE_ROOTS.add_item(TEMPLATES)
hooks.Filters.ENV_TEMPLATE_TARGETS.add_item(("bemotande/course", "build/openedx"))


@hooks.Filters.IS_FILE_RENDERED.add()
def _copy_archives_as_they_are(result: bool, path: str) -> bool:
    """The tarball is not a Jinja template (Tutor only knows image and font extensions)."""
    if path.startswith("bemotande/") and path.endswith((".tar.gz", ".whl")):
        return False
    return result


for _path in sorted(glob(os.path.join(HERE, "patches", "*"))):
    with open(_path, encoding="utf-8") as _patch:
        hooks.Filters.ENV_PATCHES.add_item((os.path.basename(_path), _patch.read()))

with open(os.path.join(TEMPLATES, "bemotande", "tasks", "lms", "init"), encoding="utf-8") as _task:
    hooks.Filters.CLI_DO_INIT_TASKS.add_item(("lms", _task.read()))

# `tutor mounts add /path/to/bemotande-xblocks` builds a checkout into the image (pip install -e)
# and mounts it into the openedx containers, as Tutor does for edx-platform's own packages.
hooks.Filters.MOUNTED_DIRECTORIES.add_item(("openedx", "bemotande-xblocks"))


def local_wheel(requirement: str) -> str:
    """The host path when ``requirement`` names a wheel file on this machine, else ""."""
    value = requirement.strip()
    if not value.endswith(".whl") or "://" in value or value.startswith("git+"):
        return ""
    return os.path.expanduser(value)


def _project_root() -> str:
    context = click.get_current_context(silent=True)
    root = context.find_root().params.get("root") if context else None
    if not root:
        raise exceptions.TutorError("bemotande: cannot tell the Tutor project root")
    return root


def _stage_local_wheel(requirement: str) -> str:
    """Copy a local wheel into env/build/openedx/bemotande/wheels/; return its file name.

    Used by the Dockerfile patch while Tutor renders the environment (config save, images
    build), so a rebuilt wheel is picked up by the next build.
    """
    path = local_wheel(requirement)
    if not path:
        return ""
    if not os.path.isabs(path) or not os.path.isfile(path):
        raise exceptions.TutorError(
            "BEMOTANDE_PIP_REQUIREMENT={} is not an existing wheel file given by its absolute path".format(
                requirement))
    target_dir = os.path.join(_project_root(), "env", *WHEELS_DIR)
    os.makedirs(target_dir, exist_ok=True)
    name = os.path.basename(path)
    for old in glob(os.path.join(target_dir, "*.whl")):
        if os.path.basename(old) != name:
            os.remove(old)
    shutil.copyfile(path, os.path.join(target_dir, name))
    return name


hooks.Filters.ENV_TEMPLATE_FILTERS.add_item(("bemotande_local_wheel", _stage_local_wheel))

KEY_PATTERN = re.compile(r"^course-v1:[A-Za-z0-9_.-]+\+[A-Za-z0-9_.-]+\+[A-Za-z0-9_.-]+$")
PATH_PATTERN = re.compile(r"^/[A-Za-z0-9_./@+-]+$")


def _check_key(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    if value and not KEY_PATTERN.match(value):
        raise click.BadParameter("use the form course-v1:ORG+COURSE+RUN (letters, digits, '_', '.', '-')")
    return value


def _check_path(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    if not PATH_PATTERN.match(value) or "/../" in value + "/":
        raise click.BadParameter("an absolute path inside the CMS container, e.g. /openedx/data/course.tar.gz")
    return value


def job_script(tarball: str = COURSE_TARBALL, course_key: str = "") -> str:
    """The shell script that the job runs in the CMS container (Tutor renders it as Jinja)."""
    with open(os.path.join(HERE, "importer.py"), encoding="utf-8") as handle:
        importer = handle.read()
    key_args = " --course-key " + shlex.quote(course_key) if course_key else ""
    with open(os.path.join(TEMPLATES, "bemotande", "tasks", "cms", "importbemotande"), encoding="utf-8") as handle:
        template = handle.read()
    return (template.replace("@TARBALL@", shlex.quote(tarball))
            .replace("@KEY_ARGS@", key_args)
            .replace("@IMPORTER@", importer.rstrip("\n")))


@click.command(name="importbemotande", help=(
    "Import the course 'Bättre bemötande' from the tarball in the openedx image into the CMS. "
    "A second run with the same course key updates that course; it never makes a copy."))
@click.option("-k", "--course-key", default="", callback=_check_key,
              help="Course key to import into, course-v1:ORG+COURSE+RUN. Default: the tarball's "
                   "(course-v1:Bemotande+BB101+2026).")
@click.option("-t", "--tarball", default=COURSE_TARBALL, show_default=True, callback=_check_path,
              help="Course tarball, as a path inside the CMS container (with tutor local, files in "
                   "$(tutor config printroot)/data/cms-job/ are at /openedx/data/).")
def importbemotande(course_key: str, tarball: str) -> t.Iterable[tuple[str, str]]:
    yield ("cms", job_script(tarball, course_key))


hooks.Filters.CLI_DO_COMMANDS.add_item(importbemotande)
