"""JSON handlers with one error convention: HTTP 400 and ``{"error": "<translated text>"}``."""
import functools
import json
import math

from webob import Response
from xblock.core import XBlock

from .errors import N_, InputError

#: Default largest request body a JSON handler reads (bytes).
MAX_BODY_BYTES = 64 * 1024


def json_response(data, status=200):
    """A JSON :class:`webob.Response`."""
    return Response(body=json.dumps(data, ensure_ascii=False).encode("utf-8"), status=status,
                    content_type="application/json", charset="utf-8")


def _reject_constant(name):
    raise InputError(N_("The request contains a number that is not finite ({name})."), name=name)


def parse_json_body(request, max_bytes=MAX_BODY_BYTES):
    """Return the request body as a dict, or raise :class:`InputError`.

    Refuses bodies over ``max_bytes`` before reading them whole, invalid UTF-8 and JSON, the
    non-standard constants NaN/Infinity, and anything that is not a JSON object.
    """
    length = request.content_length
    if length is not None and length > max_bytes:
        raise InputError(N_("The request is too large."))
    body = request.body_file.read(max_bytes + 1) if length is None else request.body
    if len(body) > max_bytes:
        raise InputError(N_("The request is too large."))
    try:
        data = json.loads(body.decode("utf-8"), parse_constant=_reject_constant)
    except InputError:
        raise
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(N_("The request is not valid JSON.")) from exc
    if not isinstance(data, dict):
        raise InputError(N_("The request must be a JSON object."))
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
                return json_response({"error": exc.translate(translator.gettext)}, status=400)
        return wrapper
    return decorator


def require_number(data, key, minimum=None, maximum=None):
    """``data[key]`` as a finite float within bounds, else :class:`InputError` naming ``key``."""
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InputError(N_("“{key}” must be a number."), key=key)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise InputError(N_("“{key}” is out of range."), key=key)
    return float(value)


def require_string(data, key, max_length=None):
    """``data[key]`` as a str (optionally at most ``max_length`` characters)."""
    value = data.get(key)
    if not isinstance(value, str):
        raise InputError(N_("“{key}” must be text."), key=key)
    if max_length is not None and len(value) > max_length:
        raise InputError(N_("“{key}” is too long."), key=key)
    return value
