"""Write the support box (stödruta) of the module intros from course_export/support-lines.json.

Every support line (service, number, one-line description, source key and date) is written once
in the data file; ``every_page`` names the lines all pages show, and ``pages`` the extra lines of
each page::

    "every_page": ["112", "1177", "sjalvmordslinjen"],
    "pages": {"m07-intro": ["bris", "kvinnofridslinjen", ...], "m08-intro": ["bris"]}

The box goes between the marker comments in ``course_export/html/<page>.html``; the rest of the
page is left as it is. To give a new page a box, put the two markers where it belongs (see
``coursetools/supportbox.py``) and add the page under ``pages``. ``make course`` fails, naming the
file, while a page's box differs from the data file.
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path[:0] = [p for p in (HERE, REPO) if p not in sys.path]

from coursetools import supportbox  # noqa: E402

COURSE = os.path.join(REPO, "course_export")


def sync(course=COURSE):
    """Rewrite every listed page's box; returns the pages that changed."""
    data = supportbox.load(course)
    if data is None:
        raise SystemExit("{} has no {}".format(course, supportbox.DATA))
    return supportbox.write(course, data)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--course", default=COURSE)
    args = parser.parse_args(argv)
    try:
        changed = sync(args.course)
    except supportbox.SupportDataError as exc:
        print("sync_support: {}: {}".format(supportbox.DATA, exc), file=sys.stderr)
        return 1
    print("support box written:", ", ".join(changed) if changed else "no page changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
