"""pyscript.media: cameras, microphones and other media devices.

``await list_devices()`` gives the page's devices as ``Device``s;
``await Device.request_stream(audio=False, video=True)`` asks for a
``MediaStream`` (each of audio and video a bool or a dict of constraints);
``await device.get_stream()`` asks for a stream from that one device. In a
worker the page's ``navigator.mediaDevices`` answers, and the stream stays
on the page.
"""

from pyscript.context import window
from pyscript.ffi import to_js


def _info(name):
    """A read-only property: the MediaDeviceInfo's own ``name``."""
    return property(lambda self: getattr(self._dom_element, name))


def _constraint(value):
    return value if isinstance(value, bool) else dict(value)


class Device:
    """One media device (a ``MediaDeviceInfo``): ``id``, ``group``,
    ``kind`` ("videoinput", "audioinput", "audiooutput") and ``label``."""

    def __init__(self, device):
        self._dom_element = device

    id = _info("deviceId")
    group = _info("groupId")
    kind = _info("kind")
    label = _info("label")

    def __getitem__(self, key):
        return getattr(self, key)

    def __repr__(self):
        return "<Device %s %r>" % (self.kind, self.label)

    @classmethod
    async def request_stream(cls, audio=False, video=True):
        """A MediaStream from the devices the constraints select."""
        options = {"audio": _constraint(audio), "video": _constraint(video)}
        return await window.navigator.mediaDevices.getUserMedia(to_js(options))

    load = request_stream  # PyScript 2024's name

    async def get_stream(self):
        """A MediaStream from this device alone."""
        kind = self.kind.replace("input", "").replace("output", "")
        options = {"audio": False, "video": False}
        options[kind] = {"deviceId": {"exact": self.id}}
        return await self.request_stream(**options)


async def list_devices():
    """The media devices the page can see, as ``Device``s."""
    return [Device(device) for device in await window.navigator.mediaDevices.enumerateDevices()]
