# setup.html's early-files case: the files its config names are in place.
from pyscript import document

with open("./early/second.py") as f:
    assert f.read().startswith("from pyscript import display")
with open("./early/style.css") as f:
    assert "color" in f.read()
document.body.dataset.checked = "yes"
