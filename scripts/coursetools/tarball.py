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


#: Largest total of file sizes an uploaded archive may unpack to (the course is ~30 MB, its videos included).
MAX_TOTAL_BYTES = 512 * 1024 * 1024
#: Largest unpacked / packed ratio once past :data:`RATIO_FLOOR` (OLX and video compress far less).
MAX_RATIO = 100
RATIO_FLOOR = 16 * 1024 * 1024
#: Most entries an archive may hold.
MAX_ENTRIES = 20000
#: Longest file or folder name in bytes (what ext4 and most file systems allow).
MAX_NAME_BYTES = 255


def _check_name(name):
    normal = posixpath.normpath(name)
    if name.startswith(("/", "\\")) or normal.startswith("..") or "/../" in "/{}/".format(name) \
            or ":" in name.split("/")[0] or "\x00" in name:
        raise UnsafeArchive("unsafe path in archive: {}".format(name))
    for part in normal.split("/"):
        if len(part.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES:
            raise UnsafeArchive("a name in the archive is longer than {} bytes: {}...".format(
                MAX_NAME_BYTES, part[:40]))
    return normal


def safe_members(tar, packed_size=None):
    """The regular files and folders of ``tar``, checked while the archive is read.

    Raises :class:`UnsafeArchive` for a link, device, absolute path or ``..``; a name over
    :data:`MAX_NAME_BYTES`; the same path twice; a file and a folder of the same name; more than
    :data:`MAX_ENTRIES` entries; more than :data:`MAX_TOTAL_BYTES` unpacked or, past
    :data:`RATIO_FLOOR`, more than :data:`MAX_RATIO` times ``packed_size`` (a compression bomb).
    Sizes come from the entry headers, which is what extraction would write, and are checked
    before any entry's data is read.
    """
    members, files, folders, total = [], set(), set(), 0
    for member in tar:
        normal = _check_name(member.name)
        if not (member.isfile() or member.isdir()):
            raise UnsafeArchive("links and special files are not allowed: {}".format(member.name))
        if len(members) >= MAX_ENTRIES:
            raise UnsafeArchive("the archive holds more than {} entries".format(MAX_ENTRIES))
        parents = {"/".join(normal.split("/")[:i]) for i in range(1, normal.count("/") + 1)}
        if member.isdir():
            if normal in files:
                raise UnsafeArchive("a file and a folder have the same name: {}".format(normal))
            folders.add(normal)
        else:
            if normal in files:
                raise UnsafeArchive("the archive holds the same file twice: {}".format(normal))
            if normal in folders:
                raise UnsafeArchive("a file and a folder have the same name: {}".format(normal))
            files.add(normal)
        clash = parents & files
        if clash:
            raise UnsafeArchive("a file and a folder have the same name: {}".format(sorted(clash)[0]))
        folders |= parents
        total += member.size
        if total > MAX_TOTAL_BYTES:
            raise UnsafeArchive("the archive unpacks to more than {} MiB".format(MAX_TOTAL_BYTES // 2 ** 20))
        if packed_size and total > RATIO_FLOOR and total > MAX_RATIO * packed_size:
            raise UnsafeArchive("the archive unpacks to more than {} times its size".format(MAX_RATIO))
        members.append(member)
    return members


def read_archive(path):
    """Return {relative path below the folder holding course.xml: bytes} from a course tarball."""
    with tarfile.open(path, "r:*") as tar:
        members = safe_members(tar, os.path.getsize(path))
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
