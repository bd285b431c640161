# pyscript.py_import: packages installed while the page runs, from the
# test server's own files (a wheel; for MicroPython a mip package folder).

from pyscript import py_import

from e2e_support import MICROPYTHON


async def test_py_import_installs_a_wheel_and_returns_its_module():
    (module,) = await py_import("/fixtures/gopyscript_wheel-1.0.0-py3-none-any.whl")
    assert module.__name__ == "gopyscript_wheel"
    assert module.GREETING == "hello from a wheel"
    import gopyscript_wheel

    assert gopyscript_wheel is module


async def test_py_import_of_a_mip_package_folder():
    if not MICROPYTHON:
        return  # mip package folders are MicroPython's
    modules = await py_import("/fixtures/mip/pkg/")
    assert modules == [None]  # a folder does not tell its module's name
    import mip_url_pkg

    assert mip_url_pkg.VALUE == "from a package.json folder"


async def test_py_import_of_what_cannot_be_found_raises():
    try:
        await py_import("/fixtures/no-such-wheel-1.0-py3-none-any.whl")
    except Exception as error:
        assert "no-such-wheel" in str(error), str(error)
    else:
        raise AssertionError("a missing wheel was installed")


def test_the_module_name_of_an_entry():
    from pyscript.packages import _import_name

    assert _import_name("numpy") == "numpy"
    assert _import_name("numpy==1.26.4") == "numpy"
    assert _import_name("typing-extensions>=4") == "typing_extensions"
    assert _import_name("pkg[extra]") == "pkg"
    assert _import_name("https://x/y/some_pkg-2.0-py3-none-any.whl") == "some_pkg"
    assert _import_name("github:org/repo/lib.py") == "lib"
