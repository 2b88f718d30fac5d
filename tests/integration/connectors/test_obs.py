"""The OBS connector against a real websocket server speaking obs-websocket v5 (tests/fakes)."""

from __future__ import annotations

import base64
import hashlib
import logging
import socket
import threading
from collections.abc import Iterator

import pytest

from curator_console.connectors import registry
from curator_console.connectors.base import ConnectionSettings, SceneControl
from curator_console.connectors.errors import (
    InsecureAddressError,
    NotAuthorisedError,
    PlatformError,
    PlatformUnavailableError,
    UnexpectedResponseError,
)
from curator_console.connectors.obs import PLATFORM, ObsConnector, authentication_string
from curator_console.domain.platform import Capability, SceneList, StreamStatus
from tests.fakes.obs_server import FakeObs, expected_authentication

PASSWORD = "hunter2-Sup3r-s3cret"
SCENES = ["Intro", "Object close-up", "Curator talk", "Outro"]  # OBS dock order, top first


def settings(url: str, token: str | None = None, **kwargs: object) -> ConnectionSettings:
    return ConnectionSettings(name="Studio OBS", platform="obs", base_url=url, token=token, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def connectors() -> Iterator[list[ObsConnector]]:
    """Connectors made in a test are closed at its end."""
    made: list[ObsConnector] = []
    yield made
    for connector in made:
        connector.close()


@pytest.fixture
def make(connectors: list[ObsConnector]):
    def make(url: str, token: str | None = None, timeout: float = 3.0, **kwargs: object) -> ObsConnector:
        connector = ObsConnector(settings(url, token, **kwargs), None, timeout=timeout)
        connectors.append(connector)
        return connector

    return make


def closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def assert_no_password(error: BaseException, password: str = PASSWORD) -> None:
    assert password not in str(error)
    assert password not in repr(error)
    assert all(password not in str(arg) for arg in error.args)


# --- platform type ---------------------------------------------------------------------------


def test_platform_type_is_registered() -> None:
    assert registry.platform_type("obs") is PLATFORM
    assert PLATFORM.label == "OBS Studio"
    assert PLATFORM.capabilities == frozenset({Capability.SCENES})
    assert PLATFORM.default_base_url == "ws://localhost:4455"
    assert PLATFORM.needs_token is False
    assert PLATFORM.room_label == ""
    assert PLATFORM.poll_interval_seconds == 2.0


def test_factory_builds_a_scene_control_and_ignores_the_http_client() -> None:
    with FakeObs(scenes=SCENES) as obs:
        connector = registry.connect(settings(obs.url), client=None)  # type: ignore[arg-type]
        try:
            assert isinstance(connector, ObsConnector)
            assert isinstance(connector, SceneControl)
            assert connector.scene_list().scenes == tuple(SCENES)
        finally:
            connector.close()


def test_authentication_string_matches_the_protocol_recipe() -> None:
    # The example values of the obs-websocket protocol documentation.
    password = "supersecretpassword"
    salt, challenge = "lM1GncleQOaCu9lT1yeUZhFYnqhsLLP1G5lAGo3ixaI=", "+IxH4CnCiqpX1rM9scsNynZzbOe4KhDeYcTNS3PDaeY="
    secret = base64.b64encode(hashlib.sha256((password + salt).encode()).digest()).decode()
    expected = base64.b64encode(hashlib.sha256((secret + challenge).encode()).digest()).decode()
    assert authentication_string(password, salt, challenge) == expected
    assert authentication_string(password, salt, challenge) == expected_authentication(password, salt, challenge)
    assert authentication_string("pässwörd", salt, challenge) == expected_authentication("pässwörd", salt, challenge)


# --- handshake -------------------------------------------------------------------------------


def test_connects_without_a_password(make) -> None:
    with FakeObs(password=None, scenes=SCENES, current="Curator talk") as obs:
        connector = make(obs.url)
        assert connector.test() == "Connected to OBS: 4 scenes, program scene is Curator talk"
        assert obs.identify_messages == [{"rpcVersion": 1, "eventSubscriptions": 0}]


def test_connects_with_a_password(make) -> None:
    with FakeObs(password=PASSWORD, scenes=SCENES, current="Intro") as obs:
        connector = make(obs.url, token=PASSWORD)
        assert connector.test() == "Connected to OBS: 4 scenes, program scene is Intro"
        assert obs.identified == 1 and obs.auth_failures == 0
        sent = obs.identify_messages[0]
        assert sent["rpcVersion"] == 1 and sent["eventSubscriptions"] == 0
        assert PASSWORD not in sent["authentication"]


def test_a_password_is_ignored_when_obs_has_no_authentication(make) -> None:
    with FakeObs(password=None, scenes=SCENES) as obs:
        assert make(obs.url, token=PASSWORD).scene_list().scenes == tuple(SCENES)
        assert "authentication" not in obs.identify_messages[0]


def test_wrong_password_is_not_authorised(make, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    wrong = "not-the-" + PASSWORD
    with FakeObs(password=PASSWORD, scenes=SCENES) as obs:
        connector = make(obs.url, token=wrong)
        with pytest.raises(NotAuthorisedError, match="OBS refused the password") as caught:
            connector.scene_list()
        assert obs.auth_failures == 1
        assert obs.requests == []
        assert_no_password(caught.value, wrong)
        assert_no_password(caught.value, PASSWORD)
        assert wrong not in caplog.text
        # Not retried: a wrong password stays wrong.
        assert obs.connections == 1


def test_missing_password_when_obs_requires_one(make) -> None:
    with FakeObs(password=PASSWORD, scenes=SCENES) as obs:
        connector = make(obs.url, token=None)
        with pytest.raises(NotAuthorisedError, match="OBS asks for a password") as caught:
            connector.test()
        assert "Tools → WebSocket Server Settings" in str(caught.value)
        assert obs.identify_messages == []  # nothing sent: we know it cannot work
        assert_no_password(caught.value)


def test_empty_password_counts_as_missing(make) -> None:
    with FakeObs(password=PASSWORD, scenes=SCENES) as obs:
        with pytest.raises(NotAuthorisedError, match="asks for a password"):
            make(obs.url, token="").scene_list()


# --- requests --------------------------------------------------------------------------------


def test_scene_list_is_in_obs_dock_order_with_the_current_scene(make) -> None:
    with FakeObs(scenes=SCENES, current="Object close-up") as obs:
        result = make(obs.url).scene_list()
        assert result == SceneList(current="Object close-up", scenes=tuple(SCENES))
        assert obs.request_types() == ["GetSceneList"]


def test_scene_list_sorts_by_scene_index_descending_whatever_the_array_order(make, monkeypatch) -> None:
    with FakeObs(scenes=SCENES) as obs:
        original = obs._answer

        def shuffled(request_type, request_id, data):
            answer = original(request_type, request_id, data)
            scenes = answer["responseData"]["scenes"]
            answer["responseData"]["scenes"] = [scenes[2], scenes[0], scenes[3], scenes[1]]
            return answer

        monkeypatch.setattr(obs, "_answer", shuffled)
        assert make(obs.url).scene_list().scenes == tuple(SCENES)


def test_empty_scene_list(make) -> None:
    with FakeObs(scenes=[], current="") as obs:
        assert make(obs.url).scene_list() == SceneList(current="", scenes=())


def test_switching_scenes_changes_obs_program_scene(make) -> None:
    with FakeObs(scenes=SCENES, current="Intro") as obs:
        connector = make(obs.url)
        connector.set_program_scene("Curator talk")
        assert obs.current == "Curator talk"
        assert obs.requests[-1] == ("SetCurrentProgramScene", {"sceneName": "Curator talk"})
        assert connector.scene_list().current == "Curator talk"


def test_unknown_scene_names_the_scene_and_keeps_the_connection(make) -> None:
    with FakeObs(scenes=SCENES, current="Intro") as obs:
        connector = make(obs.url)
        with pytest.raises(UnexpectedResponseError, match="OBS has no scene named “Backstage”"):
            connector.set_program_scene("Backstage")
        assert obs.current == "Intro"
        connector.set_program_scene("Outro")
        assert obs.current == "Outro"
        assert obs.connections == 1


def test_other_refusals_carry_obs_comment(make) -> None:
    with FakeObs(scenes=SCENES) as obs:
        connector = make(obs.url)
        with pytest.raises(UnexpectedResponseError, match=r"OBS refused GetNothing \(code 204\): Your request type is not valid\.$"):
            connector._request("GetNothing")


def test_stream_status(make) -> None:
    with FakeObs(scenes=SCENES, stream_active=True, stream_duration_ms=123_456) as obs:
        connector = make(obs.url)
        assert connector.stream_status() == StreamStatus(active=True, duration_ms=123_456)
        obs.stream_active, obs.stream_duration_ms = False, 0
        assert connector.stream_status() == StreamStatus(active=False, duration_ms=0)


def test_one_connection_is_reused(make) -> None:
    with FakeObs(scenes=SCENES) as obs:
        connector = make(obs.url)
        connector.scene_list()
        connector.stream_status()
        connector.set_program_scene("Outro")
        connector.scene_list()
        assert obs.connections == 1
        assert obs.request_types() == ["GetSceneList", "GetStreamStatus", "SetCurrentProgramScene", "GetSceneList"]


def test_events_and_other_responses_are_skipped(make) -> None:
    with FakeObs(scenes=SCENES, current="Intro", event_before_response=True) as obs:
        connector = make(obs.url)
        assert connector.scene_list() == SceneList(current="Intro", scenes=tuple(SCENES))
        connector.set_program_scene("Outro")  # the decoy answer to another id says 600: ignored
        assert obs.current == "Outro"
        assert connector.stream_status().active is False
        assert obs.connections == 1


def test_calls_from_many_threads_are_serialised(make) -> None:
    with FakeObs(scenes=SCENES, event_before_response=True) as obs:
        connector = make(obs.url)
        results: list[object] = []
        errors: list[BaseException] = []
        start = threading.Barrier(8)

        def work(index: int) -> None:
            try:
                start.wait(timeout=5)
                for _ in range(5):
                    if index % 2:
                        results.append(connector.scene_list())
                    else:
                        results.append(connector.stream_status())
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert errors == []
        assert len(results) == 40
        assert all(isinstance(r, (SceneList, StreamStatus)) for r in results)
        assert obs.connections == 1


def test_close_closes_and_the_next_call_reconnects(make) -> None:
    with FakeObs(scenes=SCENES) as obs:
        connector = make(obs.url)
        connector.scene_list()
        connector.close()
        connector.close()  # idempotent
        connector.scene_list()
        assert obs.connections == 2


# --- failures --------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["close", "abort"])
def test_a_dropped_connection_is_reopened_once_transparently(make, mode: str) -> None:
    with FakeObs(password=PASSWORD, scenes=SCENES, current="Intro", drop_after=1, drop_mode=mode) as obs:
        connector = make(obs.url, token=PASSWORD)
        assert connector.scene_list().current == "Intro"
        # OBS drops the connection after that first answer; the next call reconnects by itself.
        connector.set_program_scene("Outro")
        assert obs.current == "Outro"
        assert connector.scene_list().current == "Outro"
        assert obs.connections == 2 and obs.identified == 2 and obs.drops == 1


@pytest.mark.parametrize("mode", ["close", "abort"])
def test_reconnects_only_once(make, mode: str) -> None:
    with FakeObs(scenes=SCENES, drop_after=0, drop_times=None, drop_mode=mode) as obs:
        connector = make(obs.url)
        with pytest.raises(PlatformUnavailableError, match="OBS closed the connection") as caught:
            connector.scene_list()
        assert "Tools → WebSocket Server Settings" in str(caught.value)
        assert obs.connections == 2


def test_obs_not_running(make) -> None:
    connector = make(f"ws://127.0.0.1:{closed_port()}", token=PASSWORD)
    with pytest.raises(PlatformUnavailableError) as caught:
        connector.test()
    message = str(caught.value)
    assert "OBS is not running or obs-websocket is off (Tools → WebSocket Server Settings)" in message
    assert_no_password(caught.value)


def test_obs_stopped_after_connecting(make) -> None:
    obs = FakeObs(scenes=SCENES).start()
    port = obs.port
    try:
        connector = make(obs.url)
        connector.scene_list()
    finally:
        obs.stop()
    assert port  # the port is closed now: the reconnect attempt is refused
    with pytest.raises(PlatformUnavailableError, match="OBS is not running"):
        connector.scene_list()


def test_hello_never_sent_times_out(make) -> None:
    with FakeObs(scenes=SCENES, hello_delay=None) as obs:
        connector = make(obs.url, timeout=0.3)
        with pytest.raises(PlatformUnavailableError, match="did not answer in time") as caught:
            connector.scene_list()
        assert "OBS is not running or obs-websocket is off" in str(caught.value)
        assert obs.identify_messages == []


def test_insecure_ws_to_another_machine_is_refused(make, monkeypatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr("websocket.create_connection", lambda url, **kw: calls.append(url))
    connector = make("ws://192.0.2.10:4455", token=PASSWORD)
    with pytest.raises(InsecureAddressError, match="unencrypted ws:// address to 192.0.2.10") as caught:
        connector.scene_list()
    assert calls == []
    assert_no_password(caught.value)


def test_insecure_ws_is_allowed_when_the_connection_says_so(connectors) -> None:
    calls: list[str] = []

    def refuse(url: str, **options: object) -> None:
        calls.append(url)
        raise ConnectionRefusedError(111, "Connection refused")

    connector = ObsConnector(
        settings("ws://192.0.2.10:4455", allow_insecure_http=True), None, timeout=1.0, create_connection=refuse
    )
    connectors.append(connector)
    with pytest.raises(PlatformUnavailableError, match="Cannot reach OBS at 192.0.2.10:4455"):
        connector.scene_list()
    assert calls == ["ws://192.0.2.10:4455"]


def test_wss_to_another_machine_is_allowed_and_loopback_skips_proxies(connectors) -> None:
    seen: list[tuple[str, dict[str, object]]] = []

    def refuse(url: str, **options: object) -> None:
        seen.append((url, options))
        raise ConnectionRefusedError(111, "Connection refused")

    for url in ("wss://studio.example.org:4455", "ws://localhost:4455"):
        connector = ObsConnector(settings(url), None, timeout=1.0, create_connection=refuse)
        connectors.append(connector)
        with pytest.raises(PlatformUnavailableError):
            connector.scene_list()
    assert [url for url, _ in seen] == ["wss://studio.example.org:4455", "ws://localhost:4455"]
    assert "http_no_proxy" not in seen[0][1]
    assert "localhost" in seen[1][1]["http_no_proxy"]  # type: ignore[operator]


def test_default_address_is_localhost_4455(connectors) -> None:
    seen: list[str] = []

    def refuse(url: str, **options: object) -> None:
        seen.append(url)
        raise ConnectionRefusedError(111, "Connection refused")

    connector = ObsConnector(settings(""), None, create_connection=refuse)
    connectors.append(connector)
    with pytest.raises(PlatformUnavailableError, match="localhost:4455"):
        connector.scene_list()
    assert seen == ["ws://localhost:4455"]


@pytest.mark.parametrize("url", ["http://localhost:4455", "localhost:4455", "ws://localhost:port"])
def test_addresses_that_are_not_websockets_are_refused(make, url: str) -> None:
    with pytest.raises(UnexpectedResponseError, match="ws://localhost:4455"):
        make(url).scene_list()


def test_password_never_appears_in_messages_or_logs(make, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    errors: list[PlatformError] = []
    with FakeObs(password="another-" + PASSWORD, scenes=SCENES) as obs:
        for action in (lambda c: c.test(), lambda c: c.set_program_scene("Backstage")):
            try:
                action(make(obs.url, token=PASSWORD))
            except PlatformError as exc:
                errors.append(exc)
    with FakeObs(password=PASSWORD, scenes=SCENES, drop_after=0, drop_times=None) as obs:
        connector = make(obs.url, token=PASSWORD)
        try:
            connector.set_program_scene("Backstage")
        except PlatformError as exc:
            errors.append(exc)
    with FakeObs(password=PASSWORD, scenes=SCENES) as obs:
        connector = make(obs.url, token=PASSWORD)
        try:
            connector.set_program_scene("Backstage")
        except PlatformError as exc:
            errors.append(exc)
    with FakeObs(password=PASSWORD, scenes=SCENES, hello_delay=None) as obs:
        try:
            make(obs.url, token=PASSWORD, timeout=0.2).stream_status()
        except PlatformError as exc:
            errors.append(exc)
    for url in (f"ws://127.0.0.1:{closed_port()}", "ws://192.0.2.10:4455", "ftp://x"):
        try:
            make(url, token=PASSWORD).scene_list()
        except PlatformError as exc:
            errors.append(exc)
    assert [type(e).__name__ for e in errors] == [
        "NotAuthorisedError", "NotAuthorisedError", "PlatformUnavailableError", "ObsRequestFailed",
        "PlatformUnavailableError", "PlatformUnavailableError", "InsecureAddressError", "UnexpectedResponseError",
    ]
    for error in errors:
        assert_no_password(error)
    assert PASSWORD not in caplog.text
    connector = make("ws://localhost:4455", token=PASSWORD)
    assert PASSWORD not in repr(connector.settings)
    assert PASSWORD not in repr(connector)
