# pyscript.media with Chromium's fake camera and microphone (the e2e browser
# runs with --use-fake-device-for-media-stream and the permission granted).

from pyscript.media import Device, list_devices


async def test_list_devices_finds_the_fake_camera_and_microphone():
    devices = await list_devices()
    assert all(isinstance(device, Device) for device in devices)
    kinds = [device.kind for device in devices]
    assert "videoinput" in kinds and "audioinput" in kinds, kinds
    camera = [device for device in devices if device.kind == "videoinput"][0]
    assert isinstance(camera.id, str) and isinstance(camera.group, str) and isinstance(camera.label, str)
    assert camera["kind"] == "videoinput"


async def test_request_stream_gives_the_tracks_asked_for():
    stream = await Device.request_stream(video=True)
    tracks = stream.getTracks()
    assert [track.kind for track in tracks] == ["video"]
    for track in tracks:
        track.stop()
    stream = await Device.request_stream(audio=True, video={"width": 320, "height": 240})
    assert sorted(track.kind for track in stream.getTracks()) == ["audio", "video"]
    for track in stream.getTracks():
        track.stop()


async def test_a_device_gives_a_stream_of_its_own():
    camera = [device for device in await list_devices() if device.kind == "videoinput"][0]
    stream = await camera.get_stream()
    tracks = stream.getVideoTracks()
    assert tracks.length == 1 and stream.getAudioTracks().length == 0
    assert tracks[0].getSettings().deviceId == camera.id
    tracks[0].stop()
