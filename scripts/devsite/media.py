"""A file view that answers HTTP Range requests (206 Partial Content), as browsers expect for video."""
import mimetypes
import os
import re

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse

mimetypes.add_type("video/webm", ".webm")
mimetypes.add_type("text/vtt", ".vtt")
mimetypes.add_type("video/mp4", ".mp4")

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
_CHUNK = 64 * 1024


class _Slice:
    """A file-like view of ``length`` bytes of ``handle`` starting at its current position."""

    def __init__(self, handle, length):
        self.handle, self.left = handle, length

    def read(self, size=-1):
        size = self.left if size is None or size < 0 else min(size, self.left)
        data = self.handle.read(size)
        self.left -= len(data)
        return data

    def close(self):
        self.handle.close()


def _resolve(root_key, path):
    root = settings.RANGE_MEDIA_ROOTS.get(root_key)
    if root is None:
        raise Http404("unknown media root")
    full = os.path.realpath(os.path.join(root, path))
    if not full.startswith(os.path.realpath(root) + os.sep) or not os.path.isfile(full):
        raise Http404("no such file")
    return full


def serve(request, root_key, path):
    """Serve ``path`` below the media root ``root_key``, honouring a single ``Range`` header."""
    full = _resolve(root_key, path)
    size = os.path.getsize(full)
    content_type = mimetypes.guess_type(full)[0] or "application/octet-stream"
    match = _RANGE.match(request.headers.get("Range", "").strip())
    if not match or not (match.group(1) or match.group(2)):
        response = FileResponse(open(full, "rb"), content_type=content_type)  # pylint: disable=consider-using-with
        response["Accept-Ranges"] = "bytes"
        return response
    first, last = match.groups()
    if first:
        start, end = int(first), min(int(last) if last else size - 1, size - 1)
    else:  # suffix range: the last N bytes
        start, end = max(size - int(last), 0), size - 1
    if start >= size or start > end:
        response = HttpResponse(status=416)
        response["Content-Range"] = "bytes */{}".format(size)
        return response
    handle = open(full, "rb")  # pylint: disable=consider-using-with
    handle.seek(start)
    response = FileResponse(_Slice(handle, end - start + 1), status=206, content_type=content_type)
    response["Content-Length"] = str(end - start + 1)
    response["Content-Range"] = "bytes {}-{}/{}".format(start, end, size)
    response["Accept-Ranges"] = "bytes"
    return response
