# pyscript.fs: a folder of the device mounted into Python's file system.
# The "device" is a folder of the origin private file system that
# fs_fixture.js stores as the folder chosen for the mount (headless
# Chromium cannot answer a picker; e2e/specs/fs.spec.mjs covers asking).

import json
import os

from pyscript import RUNNING_IN_WORKER, fs, window

from e2e_support import MICROPYTHON


async def _folder(test, files, suffix=""):
    """A device folder holding files ({"dir/file": text}), chosen for a new
    mount path (plus suffix); returns (folder name, mount path)."""
    name = "%s-%s-%s" % (test, "mpy" if MICROPYTHON else "py", "worker" if RUNNING_IN_WORKER else "main")
    path = "/mnt-" + name
    await window.fsFixture.prepare(name, path + suffix + "@pyscript", json.dumps(files))
    return name, path


async def _device(name):
    return json.loads(await window.fsFixture.files(name))


def _read(path):
    with open(path) as f:
        return f.read()


def _write(path, text):
    with open(path, "w") as f:
        f.write(text)


def _raised(kind, error):
    assert isinstance(error, kind), repr(error)
    return str(error)


async def _error_of(awaitable):
    try:
        await awaitable
    except Exception as error:
        return error
    raise AssertionError("no exception was raised")


async def test_a_mounted_folder_is_read_and_its_changes_reach_the_device_on_sync():
    name, path = await _folder("rw", {"hello.txt": "hi", "sub/deep.txt": "deep ✓"})
    await fs.mount(path)
    assert path in fs.mounted
    assert sorted(os.listdir(path)) == ["hello.txt", "sub"]
    assert _read(path + "/hello.txt") == "hi"
    assert _read(path + "/sub/deep.txt") == "deep ✓"
    _write(path + "/hello.txt", "hello again")
    _write(path + "/new.txt", "new")
    os.mkdir(path + "/made")
    _write(path + "/made/inside.txt", "inside")
    assert (await _device(name))["hello.txt"] == "hi"  # not before sync
    await fs.sync(path)
    assert await _device(name) == {
        "hello.txt": "hello again",
        "sub/deep.txt": "deep ✓",
        "new.txt": "new",
        "made/inside.txt": "inside",
    }
    await fs.unmount(path)


async def test_files_and_folders_removed_in_python_leave_the_device_on_sync():
    name, path = await _folder("rm", {"keep.txt": "k", "gone.txt": "g", "old/f.txt": "f"})
    await fs.mount(path)
    os.remove(path + "/gone.txt")
    os.remove(path + "/old/f.txt")
    os.rmdir(path + "/old")
    await fs.sync(path)
    assert await _device(name) == {"keep.txt": "k"}
    await fs.unmount(path)


async def test_unmount_writes_the_changes_and_a_new_mount_sees_them():
    name, path = await _folder("unmount", {})
    await fs.mount(path)
    _write(path + "/kept.txt", "written before unmount")
    await fs.unmount(path)
    assert path not in fs.mounted
    assert os.listdir(path) == []
    assert await _device(name) == {"kept.txt": "written before unmount"}
    await fs.mount(path)
    assert _read(path + "/kept.txt") == "written before unmount"
    await fs.unmount(path)


async def test_sync_and_unmount_of_a_path_not_mounted_raise_key_error():
    message = _raised(KeyError, await _error_of(fs.sync("/never-mounted")))
    assert "Path '/never-mounted' is not mounted. Use fs.mount() to mount it first." in message
    message = _raised(KeyError, await _error_of(fs.unmount("/never-mounted")))
    assert "Path '/never-mounted' is not mounted. Cannot unmount." in message


async def test_a_mounted_path_is_kept_for_its_id_and_refused_to_another():
    name, path = await _folder("ids", {"a.txt": "a"})
    await fs.mount(path)
    first = fs.mounted[path]
    await fs.mount(path)  # the same id: nothing to do
    assert fs.mounted[path] is first
    message = _raised(ValueError, await _error_of(fs.mount(path, id="other")))
    assert message == (
        "Path '%s' is already mounted with a different ID. Unmount it first or use a different path." % path
    )
    await fs.unmount(path)


async def test_an_id_with_at_cannot_reach_the_folder_of_another_path():
    # Folders are kept under "<path>@<id>": mounting "<p>" with id "x@pyscript"
    # would find the folder of "<p>@x" with the default id.
    name, path = await _folder("at", {"secret.txt": "s"}, suffix="@x")
    message = _raised(ValueError, await _error_of(fs.mount(path, id="x@pyscript")))
    assert message == (
        'the id "x@pyscript" of a mount may not contain "@": it would name the folder of another path\'s mount'
    )
    assert path not in fs.mounted
    _raised(ValueError, await _error_of(fs.revoke(path, id="x@pyscript")))
    await fs.mount(path + "@x")
    assert os.listdir(path + "@x") == ["secret.txt"]
    await fs.unmount(path + "@x")


async def test_a_mount_point_holding_files_is_refused_and_left_as_it_was():
    name, path = await _folder("busy", {"device.txt": "d"})
    os.mkdir(path)
    _write(path + "/mine.txt", "mine")
    error = await _error_of(fs.mount(path))
    assert "directory '%s' is not empty" % path in str(error), str(error)
    assert path not in fs.mounted
    assert os.listdir(path) == ["mine.txt"]
    assert _read(path + "/mine.txt") == "mine"


async def test_revoke_forgets_the_folder_and_unmounts_it_keeping_its_changes():
    name, path = await _folder("revoke", {})
    key = path + "@pyscript"
    await fs.mount(path)
    _write(path + "/last.txt", "last words")
    assert await fs.revoke(path) is True
    assert path not in fs.mounted
    assert not await window.fsFixture.stored(key)
    assert await _device(name) == {"last.txt": "last words"}
    assert await fs.revoke(path) is False


class _Handle:
    """A folder handle whose permission state is fixed; remembers what asked."""

    def __init__(self, state):
        self.state = state
        self.asked = []

    async def queryPermission(self, options):
        self.asked.append(options)
        return self.state


class _Details:
    def __init__(self, handler, options):
        self.handler = handler
        self.options = options


async def test_check_permission_gives_the_handle_only_while_granted():
    # PyScript's helper over a stored {handler, options}, which its tests call.
    granted = _Handle("granted")
    assert await fs._check_permission(_Details(granted, "readwrite options")) is granted
    assert granted.asked == ["readwrite options"]
    for state in ("prompt", "denied"):
        assert await fs._check_permission(_Details(_Handle(state), None)) is None
