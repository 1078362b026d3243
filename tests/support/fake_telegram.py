"""A stand-in for the Telegram Bot API, for tests that must never touch the network.

:class:`FakeTelegram` answers Bot API methods the way Telegram would (enough
for Enlace) and records every call. Two transports use it:

- :class:`RecordingRequest`, a python-telegram-bot ``BaseRequest`` that hands
  calls straight to it, for handler tests through the real ``Application``;
- :class:`FakeBotApiServer`, an HTTP server on 127.0.0.1 that speaks the Bot
  API over HTTP (JSON, form and multipart bodies; long-polling
  ``getUpdates``), for end-to-end tests that run ``enlace run`` as a process
  with ``telegram.base_url`` pointing at it.

Failures can be injected (:meth:`FakeTelegram.fail_next`) to test retries:
an HTTP error (5xx, 429 with ``retry_after``) or ``status=0``, a lost answer:
the call takes effect but the connection drops before the bot hears back (a
timeout, as when Telegram accepted a message and the network failed).
:meth:`FakeTelegram.fail_randomly` injects them at random on every method.
Chats for ``getChat``/``getChatMember`` are set in :attr:`FakeTelegram.chats`.
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import random
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

from telegram.request import BaseRequest, RequestData

BOT_USER = {
    "id": 999000,
    "is_bot": True,
    "first_name": "Enlace",
    "username": "enlace_ofai_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}


@dataclass
class Call:
    """One Bot API call as the bot made it."""

    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.time)

    @property
    def text(self) -> str:
        return str(self.params.get("text") or self.params.get("caption") or "")

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None

    def buttons(self) -> list[tuple[str, str]]:
        """(text, callback_data or url) of every inline button, row by row."""
        markup = self.params.get("reply_markup") or {}
        if isinstance(markup, str):
            markup = json.loads(markup)
        return [
            (b["text"], b.get("callback_data") or b.get("url") or "")
            for row in markup.get("inline_keyboard", [])
            for b in row
        ]


@dataclass
class _Failure:
    method: str
    status: int
    description: str
    retry_after: int | None
    remaining: int


SENDING_METHODS = {
    "sendMessage", "sendPhoto", "sendDocument", "sendLocation", "editMessageText",
    "editMessageReplyMarkup", "sendMediaGroup",
}


class FakeTelegram:
    """The Bot API's behaviour, in memory. Thread-safe."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._lock = threading.Condition()
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._failures: list[_Failure] = []
        self.confirmed_offset = 0
        self.lost_answers = 0
        self._random: tuple[random.Random, float, set[str] | None, tuple[int, ...]] | None = None
        #: chat id -> {"chat": {...}, "member": {...}} or {"migrated_to": id}
        self.chats: dict[int, dict[str, Any]] = {}
        self.files: dict[str, bytes] = {}  # file_id -> what a download after getFile returns
        self.downloads: list[str] = []  # file ids downloaded, in order

    # -- what tests do -------------------------------------------------------
    def push_update(self, update: dict[str, Any]) -> int:
        """Queue an update for ``getUpdates``; gives it an ``update_id`` if it has none."""
        with self._lock:
            update.setdefault("update_id", next(self._update_ids))
            self._updates.append(update)
            self._lock.notify_all()
            return update["update_id"]

    def fail_next(
        self, method: str, *, status: int = 500, count: int = 1, retry_after: int | None = None,
        description: str = "Internal Server Error",
    ) -> None:
        """Answer the next ``count`` calls of ``method`` with an error."""
        if status == 429:
            description = f"Too Many Requests: retry after {retry_after or 1}"
            retry_after = retry_after or 1
        with self._lock:
            self._failures.append(_Failure(method, status, description, retry_after, count))

    def fail_randomly(self, rate: float, *, seed: int = 0, methods: set[str] | None = None,
                      statuses: tuple[int, ...] = (500, 502, 429, 0)) -> None:
        """From now on, fail a ``rate`` share of calls (of ``methods``, default all but
        ``getUpdates``) with one of ``statuses`` (0: a lost answer), chosen at random."""
        self._random = (random.Random(seed), rate, methods, statuses)

    def sent(self, method: str | None = None, chat_id: int | None = None) -> list[Call]:
        """Successful sending calls, optionally of one method or to one chat."""
        with self._lock:
            return [
                c for c in self.calls
                if c.method in SENDING_METHODS | {"answerCallbackQuery", "sendChatAction"}
                and not c.params.get("_failed")
                and (method is None or c.method == method)
                and (chat_id is None or c.chat_id == chat_id)
            ]

    def wait_for(self, predicate, timeout: float = 10.0) -> list[Call]:
        """Block until ``predicate(calls)`` is true (bounded by ``timeout``)."""
        deadline = time.time() + timeout
        with self._lock:
            while not predicate(list(self.calls)):
                left = deadline - time.time()
                if left <= 0:
                    raise TimeoutError("the bot did not make the expected calls in time")
                self._lock.wait(min(left, 0.1))
            return list(self.calls)

    # -- what the bot does ---------------------------------------------------
    def handle(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Answer one Bot API call: (HTTP status, JSON body)."""
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._get_updates(params)}
        with self._lock:
            call = Call(method, params)
            self.calls.append(call)
            failure = self._take_failure(method)
            if failure and failure.status:
                call.params["_failed"] = failure.status
            self._lock.notify_all()
        if failure and not failure.status:  # done, but the answer never reaches the bot
            self._result(method, params)
            with self._lock:
                self.lost_answers += 1
            return 0, {"lost": True}
        if failure:
            body: dict[str, Any] = {
                "ok": False, "error_code": failure.status, "description": failure.description,
            }
            if failure.retry_after is not None:
                body["parameters"] = {"retry_after": failure.retry_after}
            return failure.status, body
        try:
            return 200, {"ok": True, "result": self._result(method, params)}
        except _ChatProblem as problem:
            body = {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"}
            if problem.chat is not None:
                body["description"] = "Bad Request: group chat was upgraded to a supergroup chat"
                body["parameters"] = {"migrate_to_chat_id": problem.chat["migrated_to"]}
            return 400, body

    def _take_failure(self, method: str) -> _Failure | None:
        for failure in self._failures:
            if failure.method == method and failure.remaining > 0:
                failure.remaining -= 1
                return failure
        if self._random is not None:
            rng, rate, methods, statuses = self._random
            if (methods is None or method in methods) and rng.random() < rate:
                status = rng.choice(statuses)
                if status == 429:
                    return _Failure(method, 429, "Too Many Requests: retry after 1", 1, 0)
                return _Failure(method, status, "Internal Server Error", None, 0)
        return None

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 2.0)
        deadline = time.time() + timeout
        with self._lock:
            if offset:
                self.confirmed_offset = max(self.confirmed_offset, offset)
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates and time.time() < deadline:
                self._lock.wait(deadline - time.time())
            return list(self._updates)

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method in ("getChat", "getChatMember"):
            return self._chat_info(method, params)
        if method in SENDING_METHODS:
            return self._message(method, params)
        if method == "getFile":
            file_id = str(params.get("file_id"))
            return {"file_id": file_id, "file_unique_id": "u", "file_size": 1,
                    "file_path": f"photos/{file_id}.jpg"}
        return True

    def _chat_info(self, method: str, params: dict[str, Any]) -> Any:
        chat = self.chats.get(int(params.get("chat_id") or 0))
        if chat is None or "migrated_to" in chat:
            raise _ChatProblem(chat)
        if method == "getChat":
            return {"accent_color_id": 0, "max_reaction_count": 11, **chat["chat"]}
        return chat["member"]

    def _message(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params.get("chat_id") or 0)
        message: dict[str, Any] = {
            "message_id": int(params.get("message_id") or next(self._message_ids)),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "from": BOT_USER,
        }
        if "text" in params:
            message["text"] = params["text"]
        if method == "sendDocument":
            message["document"] = {"file_id": "doc-" + str(message["message_id"]),
                                   "file_unique_id": "d" + str(message["message_id"])}
        if method == "sendPhoto":
            message["photo"] = [{"file_id": "photo-" + str(message["message_id"]),
                                 "file_unique_id": "p" + str(message["message_id"]),
                                 "width": 1, "height": 1}]
        if "caption" in params:
            message["caption"] = params["caption"]
        return message


class _ChatProblem(Exception):
    def __init__(self, chat: dict[str, Any] | None) -> None:
        super().__init__("chat problem")
        self.chat = chat


def _decode(value: Any) -> Any:
    """Bot API parameters arrive as JSON strings for objects; undo that."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


class RecordingRequest(BaseRequest):
    """A python-telegram-bot request object that calls :class:`FakeTelegram`, not the network."""

    def __init__(self, fake: FakeTelegram) -> None:
        self.fake = fake

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None, read_timeout=None,
        write_timeout=None, connect_timeout=None, pool_timeout=None,
    ) -> tuple[int, bytes]:
        if "/file/" in url:  # a download after getFile: the bytes set in ``fake.files``
            file_id = url.rsplit("/", 1)[-1].removesuffix(".jpg")
            self.fake.downloads.append(file_id)
            return 200, self.fake.files.get(file_id, b"")
        api_method = url.rsplit("/", 1)[-1]
        params: dict[str, Any] = {}
        if request_data is not None:
            params = {k: _decode(v) for k, v in request_data.json_parameters.items()}
            if request_data.multipart_data:
                params.update({k: "<file>" for k in request_data.multipart_data})
        status, body = self.fake.handle(api_method, params)
        if status == 0:
            from telegram.error import TimedOut

            raise TimedOut("the answer was lost")
        return status, json.dumps(body).encode()


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        return None

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        if "/file/" in self.path:  # a download after getFile: the bytes set in ``fake.files``
            file_id = self.path.rsplit("/", 1)[-1].removesuffix(".jpg")
            self.server.fake.downloads.append(file_id)
            content = self.server.fake.files.get(file_id, b"")
            self.send_response(200)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)
            return
        self._answer({})

    def do_POST(self) -> None:  # noqa: N802 - stdlib name
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        self._answer(self._params(raw))

    def _params(self, raw: bytes) -> dict[str, Any]:
        kind = self.headers.get("Content-Type", "")
        if kind.startswith("application/json"):
            return json.loads(raw or b"{}")
        if kind.startswith("multipart/form-data"):
            message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
                b"Content-Type: " + kind.encode() + b"\r\n\r\n" + raw
            )
            params: dict[str, Any] = {}
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                if part.get_filename():
                    params[name] = "<file>"
                    self.server.fake_files.append((name, part.get_filename(),
                                                   part.get_payload(decode=True)))
                else:
                    params[name] = _decode(part.get_payload(decode=True).decode())
            return params
        return {k: _decode(v) for k, v in parse_qsl(raw.decode())}

    def _answer(self, params: dict[str, Any]) -> None:
        parts = self.path.strip("/").split("/")
        method = parts[-1] if parts else ""
        status, body = self.server.fake.handle(method, params)
        if status == 0:  # the call took effect; drop the connection before answering
            self.close_connection = True
            self.connection.shutdown(2)
            return
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeTelegram
    fake_files: list[tuple[str, str, bytes]]

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A bot that stops while long-polling hangs up on us: that is not an error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class FakeBotApiServer:
    """The stand-in Bot API over HTTP on 127.0.0.1, in a background thread.

    ``base_url`` is what goes into ``telegram.base_url`` (python-telegram-bot
    appends the token and the method).
    """

    def __init__(self, fake: FakeTelegram | None = None) -> None:
        self.fake = fake or FakeTelegram()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self.fake
        self._server.fake_files = []
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def files(self) -> list[tuple[str, str, bytes]]:
        """Files uploaded by the bot: (field, filename, content)."""
        return self._server.fake_files

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/bot"

    def __enter__(self) -> FakeBotApiServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
