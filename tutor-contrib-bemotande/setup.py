"""Packaging for tutor-contrib-bemotande, the Tutor plugin of bemotande-xblocks.

The course tarball travels inside the plugin as package data. It is built by ``make course``
at the repository root (``dist/bemotande-course.tar.gz``) and staged here when the plugin is
built; ``BEMOTANDE_COURSE_TARBALL`` names another tarball. A build from an sdist uses the copy
that the sdist carries.
"""
import os
import re
import shutil

from setuptools import find_packages, setup

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = "tutorbemotande"
STAGED = os.path.join(HERE, PACKAGE, "templates", "bemotande", "course", "bemotande-course.tar.gz")


def version():
    with open(os.path.join(HERE, PACKAGE, "__about__.py"), encoding="utf-8") as handle:
        return re.search(r'__version__ = "([^"]+)"', handle.read()).group(1)


def stage_course_tarball():
    source = os.environ.get("BEMOTANDE_COURSE_TARBALL") or os.path.join(
        os.path.dirname(HERE), "dist", "bemotande-course.tar.gz")
    if os.path.isfile(source):
        os.makedirs(os.path.dirname(STAGED), exist_ok=True)  # git keeps no empty folder: a fresh clone has none
        shutil.copyfile(source, STAGED)
    elif not os.path.isfile(STAGED):
        raise SystemExit("tutor-contrib-bemotande: no course tarball at {}: run `make course` at the "
                         "repository root first".format(source))


def package_data():
    files = []
    root = os.path.join(HERE, PACKAGE)
    for folder in ("patches", "templates"):
        for path, _dirs, names in os.walk(os.path.join(root, folder)):
            files += [os.path.relpath(os.path.join(path, name), root) for name in names
                      if not name.endswith((".pyc", ".gitignore"))]
    return {PACKAGE: sorted(files)}


stage_course_tarball()

with open(os.path.join(HERE, "README.md"), encoding="utf-8") as readme:
    LONG_DESCRIPTION = readme.read()

setup(
    name="tutor-contrib-bemotande",
    version=version(),
    description="Tutor plugin for bemotande-xblocks: the XBlocks in the openedx image and the "
                "course 'Bättre bemötande' imported with `tutor local do importbemotande`.",
    long_description=LONG_DESCRIPTION,
    long_description_content_type="text/markdown",
    license="AGPL-3.0",
    packages=find_packages(include=[PACKAGE, PACKAGE + ".*"]),
    package_data=package_data(),
    include_package_data=False,
    zip_safe=False,
    python_requires=">=3.10",
    install_requires=["tutor>=21.0.0,<23.0.0"],
    entry_points={"tutor.plugin.v1": ["bemotande = tutorbemotande.plugin"]},
    classifiers=[
        "Natural Language :: Swedish",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
    ],
)
