"""Packaging for bemotande-xblocks."""
import os
import re

from setuptools import find_packages, setup

HERE = os.path.dirname(os.path.abspath(__file__))


def version():
    with open(os.path.join(HERE, "xblocks", "__init__.py"), encoding="utf-8") as handle:
        return re.search(r'__version__ = "([^"]+)"', handle.read()).group(1)


def package_data():
    """Every non-Python file shipped inside the blocks (static, templates, catalogues, XML)."""
    files = []
    root = os.path.join(HERE, "xblocks")
    for folder, _dirs, names in os.walk(root):
        if "__pycache__" in folder:
            continue
        for name in names:
            if not name.endswith((".py", ".pyc")):
                files.append(os.path.relpath(os.path.join(folder, name), root))
    return {"xblocks": sorted(files)}


with open(os.path.join(HERE, "README.md"), encoding="utf-8") as readme:
    LONG_DESCRIPTION = readme.read()

setup(
    name="bemotande-xblocks",
    version=version(),
    description="Open edX XBlocks and course for 'Bättre bemötande': meeting asylum seekers "
                "and refugees well (video lessons with reflections, the Swedish asylum process).",
    long_description=LONG_DESCRIPTION,
    long_description_content_type="text/markdown",
    license="AGPL-3.0",
    packages=find_packages(include=["xblocks", "xblocks.*"]),
    package_data=package_data(),
    include_package_data=False,
    zip_safe=False,
    python_requires=">=3.11",
    # web-fragments is not listed: XBlock < 6.2 depends on it itself and XBlock >= 6.2 ships the
    # `web_fragments` package inside its own distribution (a second copy would clash with it).
    # lxml: the platform pins 5.3.x; we need 5.3 or newer.
    install_requires=[
        "XBlock>=5.2",
        "Django>=5.2",
        "lxml>=5.3",
        "nh3",
    ],
    entry_points={
        "xblock.v1": [
            "video_lesson = xblocks.video_lesson:VideoLessonBlock",
            "asylum_timeline = xblocks.asylum_timeline:AsylumTimelineBlock",
            "self_assessment = xblocks.self_assessment:SelfAssessmentBlock",
        ],
        # The LMS adds this app and connects its account-retirement receiver (docs/PRIVACY.md).
        "lms.djangoapp": ["bemotande_retirement = xblocks.retirement.apps:RetirementConfig"],
    },
    classifiers=[
        "Framework :: Django",
        "Framework :: Django :: 5.2",
        "Natural Language :: Swedish",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
    ],
)
