"""gettext catalogues of the blocks: extract, compile, check (``make extract_translations`` etc.).

Each domain folder (``xblocks/common``, ``xblocks/video_lesson``, ``xblocks/asylum_timeline``,
``xblocks/self_assessment``) has ``translations/<lang>/LC_MESSAGES/text.po`` for every language in
``LANGUAGES``. Message ids are English; the ``en`` catalogue is filled with the ids themselves so it
is always complete.
"""
import argparse
import gettext
import io
import json
import os
import re
import sys
from datetime import UTC, datetime

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOMAINS = ["xblocks/common", "xblocks/video_lesson", "xblocks/asylum_timeline", "xblocks/self_assessment",
           "scripts/devsite"]
LANGUAGES = ["sv", "en"]
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)
_PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def po_path(domain, lang, ext="po"):
    return os.path.join(REPO, domain, "translations", lang, "LC_MESSAGES", "text." + ext)


def extract(domain):
    """A catalogue template of every marked string in the domain's Python files."""
    template = Catalog(project="bemotande-xblocks", charset="utf-8")
    folder = os.path.join(REPO, domain)
    for filename, lineno, message, comments, context in extract_from_dir(
            folder, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("Translators:",)):
        template.add(message, locations=[(os.path.join(domain, filename), lineno)],
                     auto_comments=comments, context=context)
    return template


def _read(path, lang):
    if not os.path.exists(path):
        return Catalog(locale=lang, project="bemotande-xblocks", charset="utf-8")
    with open(path, "rb") as handle:
        return read_po(handle, locale=lang)


def _write_po(catalog, path):
    catalog.fuzzy = False  # a fuzzy header would drop charset and plural forms from the .mo
    os.makedirs(os.path.dirname(path), exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, no_location=True, omit_header=False, sort_output=True,
             ignore_obsolete=True)
    # Babel writes the current time into the header; drop it so extraction is reproducible.
    text = re.sub(rb'"(POT-Creation-Date|PO-Revision-Date): [^"]*\\n"\n', b"", buffer.getvalue())
    with open(path, "wb") as handle:
        handle.write(text)


def cmd_extract(domains):
    for domain in domains:
        template = extract(domain)
        for lang in LANGUAGES:
            path = po_path(domain, lang)
            catalog = _read(path, lang)
            catalog.update(template, no_fuzzy_matching=True)
            if lang == "en":
                for message in catalog:
                    # plural messages have a tuple of forms, empty ones as ("", "")
                    strings = message.string if isinstance(message.string, tuple) else (message.string,)
                    if message.id and (not all(strings) or message.fuzzy):
                        message.string = message.id
                        message.flags.discard("fuzzy")
            _write_po(catalog, path)
        print("{}: {} messages".format(domain, len(template)))


def _mo_bytes(catalog):
    catalog.fuzzy = False
    # Babel stamps the current time into the .mo header; a fixed one keeps builds reproducible.
    catalog.creation_date = catalog.revision_date = FIXED_DATE
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _read_file(path):
    with open(path, "rb") as handle:
        return handle.read()


def _mo_content(data):
    """What a compiled catalogue means: its messages and the headers that change how it is read.

    The tool's own header lines (``Generated-By: Babel 2.x``, dates) are left out, so a newer Babel
    does not make an up-to-date catalogue look stale.
    """
    translations = gettext.GNUTranslations(io.BytesIO(data))
    messages = {key: value for key, value in translations._catalog.items() if key != ""}  # noqa: SLF001
    headers = translations._info  # noqa: SLF001
    return messages, headers.get("content-type"), headers.get("plural-forms"), headers.get("language")


def cmd_compile(domains):
    for domain in domains:
        for lang in LANGUAGES:
            catalog = _read(po_path(domain, lang), lang)
            with open(po_path(domain, lang, "mo"), "wb") as handle:
                handle.write(_mo_bytes(catalog))


def cmd_fill(domains, mapping_file):
    """Set Swedish translations from a JSON file ``{"msgid": "svensk text", ...}``."""
    with open(mapping_file, encoding="utf-8") as handle:
        mapping = json.load(handle)
    for domain in domains:
        path = po_path(domain, "sv")
        catalog = _read(path, "sv")
        for message in catalog:
            key = message.id if isinstance(message.id, str) else message.id[0]
            if key in mapping:
                value = mapping[key]
                message.string = tuple(value) if isinstance(message.id, tuple) else value
                message.flags.discard("fuzzy")
        _write_po(catalog, path)


def problems(domains=DOMAINS):
    """Every reason the catalogues are not releasable (empty list when they are)."""
    found = []
    for domain in domains:
        template_ids = {m.id if isinstance(m.id, str) else m.id[0] for m in extract(domain) if m.id}
        for lang in LANGUAGES:
            path = po_path(domain, lang)
            if not os.path.exists(path):
                found.append("{}: missing".format(path))
                continue
            catalog = _read(path, lang)
            ids = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
            for missing in sorted(template_ids - ids):
                found.append("{} [{}]: not extracted yet: {!r}".format(domain, lang, missing))
            for message in catalog:
                if not message.id:
                    continue
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                ids_ = message.id if isinstance(message.id, tuple) else (message.id,)
                if not all(strings) or message.fuzzy:
                    found.append("{} [{}]: untranslated: {!r}".format(domain, lang, ids_[0]))
                    continue
                wanted = set(_PLACEHOLDER.findall(ids_[0]))
                for string in strings:
                    if set(_PLACEHOLDER.findall(string)) != wanted:
                        found.append("{} [{}]: placeholders differ: {!r}".format(domain, lang, ids_[0]))
            mo = po_path(domain, lang, "mo")
            if not os.path.exists(mo) or _mo_content(_read_file(mo)) != _mo_content(_mo_bytes(catalog)):
                found.append("{} [{}]: .mo out of date (make compile_translations)".format(domain, lang))
    return found


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=["extract", "compile", "check", "fill"])
    parser.add_argument("--domain", action="append", choices=DOMAINS,
                        help="only this domain folder (repeatable); default: all")
    parser.add_argument("--json", help="for fill: JSON file mapping msgid -> Swedish text "
                                       "(a list of forms for plurals)")
    args = parser.parse_args(argv)
    domains = args.domain or DOMAINS
    if args.command == "extract":
        cmd_extract(domains)
    elif args.command == "compile":
        cmd_compile(domains)
    elif args.command == "fill":
        cmd_fill(domains, args.json)
    else:
        found = problems(domains)
        for line in found:
            print(line)
        sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
