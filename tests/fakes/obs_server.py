"""A fake OBS Studio speaking obs-websocket v5 (JSON), for tests.

A real websocket server (``websockets.sync.server``) on 127.0.0.1 and a free port, run in a
thread::

    with FakeObs(password="secret", scenes=["Intro", "Main", "Outro"], current="Intro") as obs:
        connector = ObsConnector(ConnectionSettings("OBS", "obs", base_url=obs.url, token="secret"))
        ...
        assert obs.current == "Main"

``scenes`` are given in the order OBS's Scenes dock shows them (top first). Like real
obs-websocket, ``GetSceneList`` numbers them from the bottom of the dock (``sceneIndex`` 0 is the
last one) and lists them in ``sceneIndex`` order.

What it does, as OBS does:

- Hello (op 0) with ``authentication {challenge, salt}`` (fresh per connection) when a password
  is set; Identify (op 1) is checked exactly: ``rpcVersion`` 1 (else close 4010) and, with a
  password, ``b64(sha256(b64(sha256(password + salt)) + challenge))`` (else close 4009, also when
  it is missing); then Identified (op 2);
- requests (op 6) ``GetSceneList``, ``SetCurrentProgramScene`` (600 for an unknown scene) and
  ``GetStreamStatus``; anything else gets code 204 (unknown request type).

Knobs for failure cases (all may be changed while the server runs):

``event_before_response``  send an unrelated event (op 5) and a response to another request id
                           before every response;
``drop_after``             close each connection right after answering this many requests
                           (0: right after Identified) …
``drop_times``             … for this many connections (then behave); ``None`` = every one;
``drop_mode``              ``"close"`` (close handshake, code 1001) or ``"abort"`` (TCP reset);
``hello_delay``            seconds to wait before Hello (``None``: never send it).

What it saw: ``requests`` (``(requestType, requestData)`` in order), ``connections`` (how many
were accepted), ``identified`` (how many completed the handshake), ``identify_messages``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import socket
import struct
import threading
from collections.abc import Iterable
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve

RPC_VERSION = 1
CLOSE_GOING_AWAY = 1001
CLOSE_NOT_IDENTIFIED = 4007
CLOSE_AUTHENTICATION_FAILED = 4009
CLOSE_UNSUPPORTED_RPC_VERSION = 4010

STATUS_SUCCESS = 100
STATUS_UNKNOWN_REQUEST_TYPE = 204
STATUS_MISSING_REQUEST_FIELD = 300
STATUS_RESOURCE_NOT_FOUND = 600


def expected_authentication(password: str, salt: str, challenge: str) -> str:
    """Computed here independently of the connector, straight from the protocol description."""
    secret = base64.b64encode(hashlib.sha256(password.encode() + salt.encode()).digest())
    return base64.b64encode(hashlib.sha256(secret + challenge.encode()).digest()).decode()


class FakeObs:
    def __init__(
        self,
        password: str | None = None,
        scenes: Iterable[str] = ("Intro", "Main", "Outro"),
        current: str | None = None,
        *,
        stream_active: bool = False,
        stream_duration_ms: int = 0,
        event_before_response: bool = False,
        drop_after: int | None = None,
        drop_times: int | None = 1,
        drop_mode: str = "close",
        hello_delay: float | None = 0.0,
    ) -> None:
        self.password = password
        self.scenes = list(scenes)  # dock order, top first
        self.current = current if current is not None else (self.scenes[0] if self.scenes else "")
        self.stream_active = stream_active
        self.stream_duration_ms = stream_duration_ms
        self.event_before_response = event_before_response
        self.drop_after = drop_after
        self.drop_times = drop_times
        if drop_mode not in ("close", "abort"):
            raise ValueError("drop_mode is 'close' or 'abort'")
        self.drop_mode = drop_mode
        self.hello_delay = hello_delay

        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.identify_messages: list[dict[str, Any]] = []
        self.connections = 0
        self.identified = 0
        self.drops = 0
        self.auth_failures = 0

        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._open: set[ServerConnection] = set()
        self._server: Server | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    # --- lifecycle --------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def start(self) -> FakeObs:
        self._server = serve(
            self._handle, "127.0.0.1", 0,
            ping_interval=None,  # like OBS: an idle client is not dropped for missing pongs
            close_timeout=1.0,
        )
        self.port = self._server.socket.getsockname()[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-obs", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
        with self._lock:
            open_connections = list(self._open)
        for connection in open_connections:
            self._abort(connection)
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeObs:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- what it saw ------------------------------------------------------------------------
    def request_types(self) -> list[str]:
        with self._lock:
            return [request_type for request_type, _ in self.requests]

    # --- protocol ---------------------------------------------------------------------------
    def _handle(self, connection: ServerConnection) -> None:
        with self._lock:
            self.connections += 1
            self._open.add(connection)
        try:
            self._session(connection)
        except ConnectionClosed:
            pass
        except OSError:
            pass  # aborted
        finally:
            with self._lock:
                self._open.discard(connection)

    def _session(self, connection: ServerConnection) -> None:
        if self.hello_delay is None or self.hello_delay > 0:
            if self._stopping.wait(self.hello_delay):
                return
        hello: dict[str, Any] = {"obsWebSocketVersion": "5.5.2", "rpcVersion": RPC_VERSION}
        salt = challenge = ""
        if self.password is not None:
            salt = base64.b64encode(secrets.token_bytes(32)).decode()
            challenge = base64.b64encode(secrets.token_bytes(32)).decode()
            hello["authentication"] = {"challenge": challenge, "salt": salt}
        self._send(connection, 0, hello)

        identify = self._receive(connection)
        if identify.get("op") != 1:
            connection.close(CLOSE_NOT_IDENTIFIED, "Not identified.")
            return
        data = identify.get("d") or {}
        with self._lock:
            self.identify_messages.append(data)
        if data.get("rpcVersion") != RPC_VERSION:
            connection.close(CLOSE_UNSUPPORTED_RPC_VERSION, "Unsupported RPC version.")
            return
        if self.password is not None:
            if data.get("authentication") != expected_authentication(self.password, salt, challenge):
                with self._lock:
                    self.auth_failures += 1
                connection.close(CLOSE_AUTHENTICATION_FAILED, "Authentication failed.")
                return
        self._send(connection, 2, {"negotiatedRpcVersion": RPC_VERSION})
        with self._lock:
            self.identified += 1
            drop_here = self.drop_after is not None and (self.drop_times is None or self.drops < self.drop_times)
            if drop_here:
                self.drops += 1
        answered = 0
        while True:
            if drop_here and answered >= (self.drop_after or 0):
                self._drop(connection)
                return
            message = self._receive(connection)
            if message.get("op") != 6:
                continue
            request = message.get("d") or {}
            request_type = request.get("requestType", "")
            request_data = request.get("requestData") or {}
            with self._lock:
                self.requests.append((request_type, request_data))
            if self.event_before_response:
                self._send(connection, 5, {
                    "eventType": "CurrentPreviewSceneChanged", "eventIntent": 4,
                    "eventData": {"sceneName": "Not an answer"},
                })
                self._send(connection, 7, {
                    "requestType": request_type, "requestId": "someone-else",
                    "requestStatus": {"result": False, "code": STATUS_RESOURCE_NOT_FOUND, "comment": "Decoy."},
                })
            self._send(connection, 7, self._answer(request_type, request.get("requestId"), request_data))
            answered += 1

    def _answer(self, request_type: str, request_id: Any, data: dict[str, Any]) -> dict[str, Any]:
        status: dict[str, Any] = {"result": True, "code": STATUS_SUCCESS}
        response: dict[str, Any] | None = None
        with self._lock:
            if request_type == "GetSceneList":
                count = len(self.scenes)
                response = {
                    "currentProgramSceneName": self.current,
                    "currentProgramSceneUuid": f"uuid-{self.current}",
                    "currentPreviewSceneName": None,
                    "currentPreviewSceneUuid": None,
                    # obs-websocket: sceneIndex 0 is the bottom of the dock, listed first.
                    "scenes": [
                        {"sceneIndex": count - 1 - position, "sceneName": name, "sceneUuid": f"uuid-{name}"}
                        for position, name in reversed(list(enumerate(self.scenes)))
                    ],
                }
            elif request_type == "SetCurrentProgramScene":
                name = data.get("sceneName")
                if not isinstance(name, str):
                    status = {"result": False, "code": STATUS_MISSING_REQUEST_FIELD,
                              "comment": "Your request is missing the `sceneName` field."}
                elif name not in self.scenes:
                    status = {"result": False, "code": STATUS_RESOURCE_NOT_FOUND,
                              "comment": f"No source was found by the name of `{name}`."}
                else:
                    self.current = name
            elif request_type == "GetStreamStatus":
                response = {
                    "outputActive": self.stream_active,
                    "outputReconnecting": False,
                    "outputTimecode": "00:00:00.000",
                    "outputDuration": self.stream_duration_ms,
                    "outputCongestion": 0.0,
                    "outputBytes": 0,
                    "outputSkippedFrames": 0,
                    "outputTotalFrames": 0,
                }
            else:
                status = {"result": False, "code": STATUS_UNKNOWN_REQUEST_TYPE,
                          "comment": "Your request type is not valid."}
        answer: dict[str, Any] = {"requestType": request_type, "requestId": request_id, "requestStatus": status}
        if response is not None:
            answer["responseData"] = response
        return answer

    # --- plumbing ---------------------------------------------------------------------------
    @staticmethod
    def _send(connection: ServerConnection, op: int, data: dict[str, Any]) -> None:
        connection.send(json.dumps({"op": op, "d": data}))

    @staticmethod
    def _receive(connection: ServerConnection) -> dict[str, Any]:
        message = json.loads(connection.recv())
        return message if isinstance(message, dict) else {}

    def _drop(self, connection: ServerConnection) -> None:
        if self.drop_mode == "close":
            connection.close(CLOSE_GOING_AWAY, "OBS is shutting down.")
        else:
            self._abort(connection)

    @staticmethod
    def _abort(connection: ServerConnection) -> None:
        """Drop the TCP connection without a close handshake (a reset, as when OBS crashes)."""
        sock = connection.socket
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        sock.close()
