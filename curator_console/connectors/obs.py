"""OBS Studio over obs-websocket v5: the program scene, the scene list and the stream status.

Protocol (obs-websocket 5.x, JSON over one websocket, default ``ws://localhost:4455``):

1. OBS sends Hello (op 0), with ``authentication {challenge, salt}`` when a password is set;
2. we answer Identify (op 1) ``{rpcVersion: 1, authentication, eventSubscriptions: 0}`` where
   ``authentication = b64(sha256(b64(sha256(password + salt)) + challenge))``; a wrong password
   makes OBS close the socket with code 4009;
3. OBS answers Identified (op 2);
4. each request is op 6 ``{requestType, requestId, requestData}``, answered by the op 7 with the
   same ``requestId`` (``requestStatus {result, code, comment}``; 600 = no such resource).
   Events (op 5) are not subscribed to, and any that arrive anyway are skipped.

One connection stays open and is reused by every call (the live console polls every couple of
seconds). If OBS dropped it (OBS restarted, the server was toggled), the call reconnects once,
transparently; a second failure, a refusal or a timeout becomes ``PlatformUnavailableError``.
Calls are serialised by a lock, so one connector can be shared between threads. Connecting, the
handshake and each answer wait at most ``settings.options["timeout"]`` seconds (default 5).

The password (``settings.token``) only ever goes into the hash above: it is never part of a
message, an exception or a log line.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import ssl
import struct
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import websocket

from curator_console.connectors.base import ConnectionSettings, Connector, PlatformType
from curator_console.connectors.errors import (
    InsecureAddressError,
    NotAuthorisedError,
    PlatformUnavailableError,
    UnexpectedResponseError,
)
from curator_console.connectors.http import HttpClient, is_loopback, safe_url
from curator_console.domain.platform import Capability, SceneList, StreamStatus

log = logging.getLogger(__name__)

PLATFORM_NAME = "OBS Studio"
DEFAULT_URL = "ws://localhost:4455"
DEFAULT_TIMEOUT = 5.0  # seconds: connecting, the handshake, and waiting for each answer
RPC_VERSION = 1

OP_HELLO = 0
OP_IDENTIFY = 1
OP_IDENTIFIED = 2
OP_EVENT = 5
OP_REQUEST = 6
OP_RESPONSE = 7

CLOSE_AUTHENTICATION_FAILED = 4009
CLOSE_UNSUPPORTED_RPC_VERSION = 4010
STATUS_RESOURCE_NOT_FOUND = 600

UNAVAILABLE_HINT = "OBS is not running or obs-websocket is off (Tools → WebSocket Server Settings)."


def authentication_string(password: str, salt: str, challenge: str) -> str:
    """obs-websocket v5: ``b64(sha256(b64(sha256(password + salt)) + challenge))``."""
    secret = base64.b64encode(hashlib.sha256((password + salt).encode("utf-8")).digest()).decode("ascii")
    return base64.b64encode(hashlib.sha256((secret + challenge).encode("utf-8")).digest()).decode("ascii")


class ObsRequestFailed(UnexpectedResponseError):
    """OBS understood a request but answered ``requestStatus.result = false``."""

    def __init__(self, message: str, platform: str = "", code: int | None = None) -> None:
        super().__init__(message, platform)
        self.code = code


class _Dropped(Exception):
    """The socket closed under us (close frame, reset, EOF); ``code`` is the close code if sent."""

    def __init__(self, code: int | None = None) -> None:
        super().__init__(code)
        self.code = code


class _TimedOut(Exception):
    """No answer before the deadline."""


class ObsConnector(Connector):
    platform = "obs"
    capabilities = frozenset({Capability.SCENES})

    def __init__(
        self,
        settings: ConnectionSettings,
        client: HttpClient | None = None,
        *,
        timeout: float | None = None,
        create_connection: Callable[..., websocket.WebSocket] = websocket.create_connection,
    ) -> None:
        super().__init__(settings, client)  # type: ignore[arg-type]  # OBS does not use HTTP
        if timeout is None:
            timeout = float(settings.options.get("timeout", DEFAULT_TIMEOUT))
        self.timeout = timeout
        self._create_connection = create_connection
        self._lock = threading.Lock()
        self._ws: websocket.WebSocket | None = None
        self._where = ""

    # --- SceneControl -----------------------------------------------------------------------
    def scene_list(self) -> SceneList:
        """Scenes top-first as OBS's Scenes dock shows them, and the current program scene.

        obs-websocket numbers scenes with ``sceneIndex`` counted from the *bottom* of the dock
        (index 0 is the last scene shown), so sorting by ``sceneIndex`` descending gives the
        order the curator sees in OBS.
        """
        data = self._request("GetSceneList")
        current = data.get("currentProgramSceneName")
        if current is None:
            current = ""
        if not isinstance(current, str):
            raise self._shape_error("currentProgramSceneName")
        scenes = data.get("scenes")
        if not isinstance(scenes, list):
            raise self._shape_error("scenes")
        entries: list[tuple[int, str]] = []
        for scene in scenes:
            if not isinstance(scene, dict):
                raise self._shape_error("scenes")
            name = scene.get("sceneName")
            index = scene.get("sceneIndex")
            if not isinstance(name, str):
                raise self._shape_error("scenes.sceneName")
            if not isinstance(index, int) or isinstance(index, bool):
                raise self._shape_error("scenes.sceneIndex")
            entries.append((index, name))
        entries.sort(key=lambda entry: entry[0], reverse=True)
        return SceneList(current=current, scenes=tuple(name for _, name in entries))

    def set_program_scene(self, name: str) -> None:
        if not isinstance(name, str) or not name:
            raise ValueError("A scene name is needed.")
        try:
            self._request("SetCurrentProgramScene", {"sceneName": name})
        except ObsRequestFailed as exc:
            if exc.code == STATUS_RESOURCE_NOT_FOUND:
                raise ObsRequestFailed(
                    f"OBS has no scene named “{name}”.", PLATFORM_NAME, exc.code
                ) from None
            raise

    def stream_status(self) -> StreamStatus:
        data = self._request("GetStreamStatus")
        active = data.get("outputActive")
        if not isinstance(active, bool):
            raise self._shape_error("outputActive")
        duration = data.get("outputDuration", 0)
        if duration is None:
            duration = 0
        if not isinstance(duration, (int, float)) or isinstance(duration, bool):
            raise self._shape_error("outputDuration")
        return StreamStatus(active=active, duration_ms=max(0, int(duration)))

    # --- Connector --------------------------------------------------------------------------
    def test(self) -> str:
        scenes = self.scene_list()
        count = len(scenes.scenes)
        noun = "scene" if count == 1 else "scenes"
        return f"Connected to OBS: {count} {noun}, program scene is {scenes.current or '(none)'}"

    def close(self) -> None:
        with self._lock:
            ws, self._ws = self._ws, None
            if ws is not None:
                try:
                    ws.close(timeout=min(1.0, self.timeout))
                except Exception:  # noqa: BLE001 - closing must never fail
                    self._abandon(ws)

    # --- requests ---------------------------------------------------------------------------
    def _request(self, request_type: str, request_data: dict[str, Any] | None = None) -> dict[str, Any]:
        """Send one request and return its ``responseData`` (``{}`` when there is none)."""
        with self._lock:
            attempt = 0
            while True:
                reused = self._ws is not None
                ws = self._ws if self._ws is not None else self._open()
                try:
                    return self._exchange(ws, request_type, request_data)
                except _Dropped:
                    self._discard()
                    if attempt == 0:
                        attempt += 1
                        log.info(
                            "OBS closed the %s connection during %s; reconnecting once",
                            "open" if reused else "new", request_type,
                        )
                        continue
                    raise PlatformUnavailableError(
                        f"OBS closed the connection at {self._where}. {UNAVAILABLE_HINT}", PLATFORM_NAME
                    ) from None
                except _TimedOut:
                    self._discard()
                    raise PlatformUnavailableError(
                        f"OBS at {self._where} did not answer in time. {UNAVAILABLE_HINT}", PLATFORM_NAME
                    ) from None
                except ObsRequestFailed:
                    raise  # a refusal in good order: the connection is fine
                except BaseException:
                    # Unexpected answers leave the socket in an unknown state: start afresh next time.
                    self._discard()
                    raise

    def _exchange(self, ws: websocket.WebSocket, request_type: str, request_data: dict[str, Any] | None) -> dict[str, Any]:
        request_id = str(uuid.uuid4())
        message: dict[str, Any] = {"requestType": request_type, "requestId": request_id}
        if request_data is not None:
            message["requestData"] = request_data
        self._send(ws, {"op": OP_REQUEST, "d": message})
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._receive(ws, deadline)
            if reply.get("op") != OP_RESPONSE:
                continue  # events (op 5) and anything else we did not ask for
            body = reply.get("d")
            if not isinstance(body, dict) or body.get("requestId") != request_id:
                continue
            status = body.get("requestStatus")
            if not isinstance(status, dict):
                raise self._shape_error("requestStatus")
            if status.get("result") is True:
                data = body.get("responseData")
                return data if isinstance(data, dict) else {}
            code = status.get("code")
            comment = status.get("comment")
            detail = f": {comment.strip().rstrip('.')}" if isinstance(comment, str) and comment.strip() else ""
            raise ObsRequestFailed(
                f"OBS refused {request_type} (code {code}){detail}.",
                PLATFORM_NAME,
                code if isinstance(code, int) else None,
            )

    # --- connection -------------------------------------------------------------------------
    def _address(self) -> tuple[str, str]:
        """The websocket URL to use and ``host:port`` for messages; refuses insecure addresses."""
        url = (self.settings.base_url or "").strip() or DEFAULT_URL
        parts = urlsplit(url)
        try:
            port = parts.port
        except ValueError:
            raise UnexpectedResponseError(
                f"The OBS address has an unreadable port number; it looks like {DEFAULT_URL}.", PLATFORM_NAME
            ) from None
        host = parts.hostname
        if parts.scheme not in ("ws", "wss") or not host:
            raise UnexpectedResponseError(
                f"“{safe_url(url)}” is not an obs-websocket address; it looks like {DEFAULT_URL}.",
                PLATFORM_NAME,
            )
        if parts.scheme == "ws" and not self.settings.allow_insecure_http and not is_loopback(host):
            raise InsecureAddressError(
                f"{PLATFORM_NAME} uses an unencrypted ws:// address to {host}. Use wss://, or allow "
                "unencrypted connections for this connection if it is on a trusted network.",
                PLATFORM_NAME,
            )
        shown_host = f"[{host}]" if ":" in host else host
        where = f"{shown_host}:{port or (443 if parts.scheme == 'wss' else 80)}"
        return url, where

    def _open(self) -> websocket.WebSocket:
        url, self._where = self._address()
        host = urlsplit(url).hostname or ""
        options: dict[str, Any] = {"timeout": self.timeout}
        if is_loopback(host):
            # OBS on this machine: never through an http_proxy from the environment.
            options["http_no_proxy"] = [host, "localhost", "127.0.0.1", "::1"]
        try:
            ws = self._create_connection(url, **options)
        except ssl.SSLError:
            raise PlatformUnavailableError(
                f"The secure connection to OBS at {self._where} could not be verified (TLS certificate problem).",
                PLATFORM_NAME,
            ) from None
        except websocket.WebSocketBadStatusException as exc:
            raise UnexpectedResponseError(
                f"Something answers at {self._where}, but it is not obs-websocket "
                f"(HTTP {getattr(exc, 'status_code', '?')}).",
                PLATFORM_NAME,
            ) from None
        except (websocket.WebSocketTimeoutException, TimeoutError):
            raise PlatformUnavailableError(
                f"OBS at {self._where} did not answer in time. {UNAVAILABLE_HINT}", PLATFORM_NAME
            ) from None
        except (OSError, websocket.WebSocketException):
            raise PlatformUnavailableError(
                f"Cannot reach OBS at {self._where}. {UNAVAILABLE_HINT}", PLATFORM_NAME
            ) from None
        try:
            self._identify(ws)
        except BaseException:
            self._abandon(ws)
            raise
        log.info("Connected to OBS at %s", self._where)
        self._ws = ws
        return ws

    def _identify(self, ws: websocket.WebSocket) -> None:
        deadline = time.monotonic() + self.timeout
        try:
            hello = self._receive(ws, deadline)
            if hello.get("op") != OP_HELLO or not isinstance(hello.get("d"), dict):
                raise UnexpectedResponseError(
                    f"Something answers at {self._where}, but it does not greet like obs-websocket 5.",
                    PLATFORM_NAME,
                )
            identify: dict[str, Any] = {"rpcVersion": RPC_VERSION, "eventSubscriptions": 0}
            auth = hello["d"].get("authentication")
            if auth:
                password = self.settings.token
                if not password:
                    raise NotAuthorisedError(
                        "OBS asks for a password. Enter the one shown in OBS under Tools → WebSocket "
                        "Server Settings in this connection's settings.",
                        PLATFORM_NAME,
                    )
                if not isinstance(auth, dict) or not isinstance(auth.get("salt"), str) or not isinstance(
                    auth.get("challenge"), str
                ):
                    raise self._shape_error("authentication")
                identify["authentication"] = authentication_string(password, auth["salt"], auth["challenge"])
            self._send(ws, {"op": OP_IDENTIFY, "d": identify})
            while True:
                reply = self._receive(ws, deadline)
                if reply.get("op") == OP_IDENTIFIED:
                    return
        except _Dropped as dropped:
            if dropped.code == CLOSE_AUTHENTICATION_FAILED:
                raise NotAuthorisedError(
                    "OBS refused the password. Check it against Tools → WebSocket Server Settings "
                    "→ Show Connect Info.",
                    PLATFORM_NAME,
                ) from None
            if dropped.code == CLOSE_UNSUPPORTED_RPC_VERSION:
                raise UnexpectedResponseError(
                    "This OBS's obs-websocket does not speak protocol version 1 (obs-websocket 5 is needed).",
                    PLATFORM_NAME,
                ) from None
            raise PlatformUnavailableError(
                f"OBS at {self._where} closed the connection while connecting. {UNAVAILABLE_HINT}", PLATFORM_NAME
            ) from None
        except _TimedOut:
            raise PlatformUnavailableError(
                f"OBS at {self._where} did not answer in time. {UNAVAILABLE_HINT}", PLATFORM_NAME
            ) from None

    def _send(self, ws: websocket.WebSocket, message: dict[str, Any]) -> None:
        try:
            ws.send(json.dumps(message))
        except (websocket.WebSocketTimeoutException, TimeoutError):
            raise _TimedOut() from None
        except (OSError, websocket.WebSocketException):
            raise _Dropped() from None

    def _receive(self, ws: websocket.WebSocket, deadline: float) -> dict[str, Any]:
        """The next JSON message; pings are answered on the way, a close frame raises ``_Dropped``."""
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _TimedOut()
        try:
            ws.settimeout(remaining)
            opcode, frame = ws.recv_data_frame()
        except (websocket.WebSocketTimeoutException, TimeoutError):
            raise _TimedOut() from None
        except (OSError, websocket.WebSocketException):
            raise _Dropped() from None
        if opcode == websocket.ABNF.OPCODE_CLOSE:
            data = getattr(frame, "data", b"") or b""
            code = struct.unpack("!H", data[:2])[0] if len(data) >= 2 else None
            raise _Dropped(code)
        try:
            message = json.loads(frame.data)
        except (ValueError, TypeError, UnicodeDecodeError):
            raise UnexpectedResponseError(
                f"OBS at {self._where} sent a message that is not JSON.", PLATFORM_NAME
            ) from None
        if not isinstance(message, dict):
            raise UnexpectedResponseError(
                f"OBS at {self._where} sent a message of an unexpected shape.", PLATFORM_NAME
            )
        return message

    def _discard(self) -> None:
        ws, self._ws = self._ws, None
        if ws is not None:
            self._abandon(ws)

    @staticmethod
    def _abandon(ws: websocket.WebSocket) -> None:
        try:
            ws.shutdown()
        except Exception:  # noqa: BLE001 - the socket is being thrown away
            pass

    @staticmethod
    def _shape_error(what: str) -> UnexpectedResponseError:
        return UnexpectedResponseError(f"OBS's answer has an unexpected “{what}”.", PLATFORM_NAME)


PLATFORM = PlatformType(
    key="obs",
    label="OBS Studio",
    capabilities=frozenset({Capability.SCENES}),
    factory=ObsConnector,
    default_base_url=DEFAULT_URL,
    needs_token=False,  # the obs-websocket password is optional (OBS may run without auth)
    room_label="",
    poll_interval_seconds=2.0,
)
