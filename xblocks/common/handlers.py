"""JSON handlers with one error convention: HTTP 400 and ``{"error": "<translated text>"}``."""
import functools
import json
import math

from webob import Response
from xblock.core import XBlock

from .errors import N_, InputError
from .text import has_surrogate

#: Default largest request body a JSON handler reads (bytes).
MAX_BODY_BYTES = 64 * 1024
#: Deepest nesting of arrays and objects a request may have (our real requests need 6).
MAX_DEPTH = 32
#: Body types that are not JSON; Django has already consumed a multipart body, so it cannot be read.
_FORM_TYPES = ("multipart/", "application/x-www-form-urlencoded")


class UnsupportedMediaType(InputError):
    """The request body is a form, not JSON: HTTP 415."""

    status = 415


def json_response(data, status=200):
    """A JSON :class:`webob.Response`.

    Text is written as UTF-8; should a lone surrogate ever reach a reply (it cannot come from a
    request, see :func:`parse_json_body`), it is written as a ``\\udxxx`` escape instead of failing.
    """
    try:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        body = json.dumps(data, ensure_ascii=True).encode("ascii")
    return Response(body=body, status=status, content_type="application/json", charset="utf-8")


def check_json_value(data, max_depth=MAX_DEPTH):
    """Refuse (:class:`InputError`) nesting deeper than ``max_depth`` and any lone surrogate.

    Walks the value without recursion, keys included, so no input can exhaust the stack here.
    """
    pending = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, str):
            if has_surrogate(value):
                raise InputError(N_("The request contains text that is not valid Unicode."))
            continue
        if not isinstance(value, (dict, list)):
            continue
        if depth > max_depth:
            raise InputError(N_("The request is nested too deeply."))
        if isinstance(value, dict):
            pending.extend((key, depth) for key in value)
            pending.extend((item, depth + 1) for item in value.values())
        else:
            pending.extend((item, depth + 1) for item in value)


def _reject_constant(name):
    raise InputError(N_("The request contains a number that is not finite ({name})."), name=name)


def parse_json_body(request, max_bytes=MAX_BODY_BYTES):
    """Return the request body as a dict, or raise :class:`InputError`.

    Refuses form bodies (multipart or urlencoded: :class:`UnsupportedMediaType`, 415), bodies over
    ``max_bytes`` before reading them whole, invalid UTF-8 and JSON, the non-standard constants
    NaN/Infinity, nesting deeper than :data:`MAX_DEPTH` (a few thousand levels would exhaust the
    parser's stack), lone UTF-16 surrogates anywhere (``"\\ud800"`` is valid JSON but not text:
    stored, it would make every later UTF-8 page and reply of that learner fail, so it is refused
    rather than silently replaced, which would change what the learner wrote without telling them),
    and anything that is not a JSON object.
    """
    if (request.content_type or "").lower().startswith(_FORM_TYPES):
        raise UnsupportedMediaType(N_("The request must be sent as JSON."))
    length = request.content_length
    if length is not None and length > max_bytes:
        raise InputError(N_("The request is too large."))
    try:
        body = request.body_file.read(max_bytes + 1) if length is None else request.body
    except Exception as exc:  # pylint: disable=broad-exception-caught
        # e.g. Django's RawPostDataException when a middleware has already read the stream
        raise InputError(N_("The request is not valid JSON.")) from exc
    if len(body) > max_bytes:
        raise InputError(N_("The request is too large."))
    try:
        data = json.loads(body.decode("utf-8"), parse_constant=_reject_constant)
    except InputError:
        raise
    except RecursionError as exc:
        raise InputError(N_("The request is nested too deeply.")) from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(N_("The request is not valid JSON.")) from exc
    if not isinstance(data, dict):
        raise InputError(N_("The request must be a JSON object."))
    check_json_value(data)
    return data


def json_api(method="POST", max_bytes=MAX_BODY_BYTES):
    """Decorate a block method ``fn(self, data) -> dict`` as an XBlock JSON handler.

    ``data`` is the parsed body for POST and the query parameters for GET. An
    :class:`InputError` raised by ``fn`` (or by parsing) becomes HTTP 400 with the message in the
    learner's language (``self.translator().gettext``); ``fn`` must raise before it writes any
    state, so a refused request changes nothing.
    """
    def decorator(fn):
        @XBlock.handler
        @functools.wraps(fn)
        def wrapper(self, request, suffix=""):  # pylint: disable=unused-argument
            translator = self.translator()
            if request.method != method:
                return json_response({"error": translator.gettext(
                    N_("This action only accepts {method} requests.")).format(method=method)}, status=405)
            try:
                data = parse_json_body(request, max_bytes) if method == "POST" else dict(request.GET)
                return json_response(fn(self, data))
            except InputError as exc:
                return json_response({"error": exc.translate(translator.gettext)}, status=error_status(exc))
        return wrapper
    return decorator


def error_status(exc):
    """The HTTP status for a refused request: 400 unless the error says otherwise (415, 403)."""
    return getattr(exc, "status", 400)


def require_number(data, key, minimum=None, maximum=None):
    """``data[key]`` as a finite float within bounds, else :class:`InputError` naming ``key``."""
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InputError(N_("“{key}” must be a number."), key=key)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise InputError(N_("“{key}” is out of range."), key=key)
    return float(value)


def require_string(data, key, max_length=None):
    """``data[key]`` as a str (optionally at most ``max_length`` characters), never with a lone surrogate."""
    value = data.get(key)
    if not isinstance(value, str) or has_surrogate(value):
        raise InputError(N_("“{key}” must be text."), key=key)
    if max_length is not None and len(value) > max_length:
        raise InputError(N_("“{key}” is too long."), key=key)
    return value
