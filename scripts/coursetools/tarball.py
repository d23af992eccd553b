"""Deterministic course tarballs (Studio export layout) and safe extraction of uploaded ones."""
import gzip
import io
import os
import posixpath
import tarfile

ROOT_FOLDER = "course"
#: Fixed metadata so the same source gives a byte-identical archive.
FIXED_MTIME = 1767225600  # 2026-01-01T00:00:00Z


class UnsafeArchive(ValueError):
    """The archive holds a link, an absolute path, a ``..`` component or a device."""


def _entry(name, is_dir, size=0):
    info = tarfile.TarInfo(name)
    info.mtime = FIXED_MTIME
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.type = tarfile.DIRTYPE if is_dir else tarfile.REGTYPE
    info.mode = 0o755 if is_dir else 0o644
    info.size = size
    return info


def build_tarball(files, target):
    """Write ``files`` (sorted list of (archive path below course/, absolute source path)) to ``target``.

    Entries are sorted, owned by 0:0 with fixed times and modes; gzip carries no name or time.
    """
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        dirs = set()
        for relative, _source in files:
            parts = relative.split("/")[:-1]
            for i in range(len(parts)):
                dirs.add("/".join(parts[: i + 1]))
        entries = [(d, None) for d in dirs] + list(files)
        tar.addfile(_entry(ROOT_FOLDER, True))
        for relative, source in sorted(entries, key=lambda e: e[0]):
            name = "{}/{}".format(ROOT_FOLDER, relative)
            if source is None:
                tar.addfile(_entry(name, True))
            else:
                with open(source, "rb") as handle:
                    data = handle.read()
                tar.addfile(_entry(name, False, len(data)), io.BytesIO(data))
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    tmp = target + ".part"
    with open(tmp, "wb") as out, gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0,
                                               compresslevel=9) as gz:
        gz.write(raw.getvalue())
    os.replace(tmp, target)


def safe_members(tar):
    """The regular files and folders of ``tar``; raises :class:`UnsafeArchive` for anything else."""
    members = []
    for member in tar.getmembers():
        name = member.name
        normal = posixpath.normpath(name)
        if name.startswith(("/", "\\")) or normal.startswith("..") or "/../" in "/{}/".format(name) \
                or ":" in name.split("/")[0]:
            raise UnsafeArchive("unsafe path in archive: {}".format(name))
        if not (member.isfile() or member.isdir()):
            raise UnsafeArchive("links and special files are not allowed: {}".format(name))
        members.append(member)
    return members


def read_archive(path):
    """Return {relative path below the folder holding course.xml: bytes} from a course tarball."""
    with tarfile.open(path, "r:*") as tar:
        members = safe_members(tar)
        roots = [m.name[: -len("course.xml")] for m in members
                 if m.isfile() and posixpath.basename(m.name) == "course.xml" and m.name.count("/") <= 1]
        if len(roots) != 1:
            raise UnsafeArchive("the archive must hold exactly one course.xml at its top or one folder down")
        root = roots[0]
        files = {}
        for member in members:
            if member.isfile() and member.name.startswith(root):
                files[member.name[len(root):]] = tar.extractfile(member).read()
        return files
