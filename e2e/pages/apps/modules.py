# The app's code lives in the "app" package that [files] put next to us.
from app import NAME
from app.models import Note
from app.utils import STOPWORDS
from pyscript import document, when


@when("input", "#title")
def retitle(event):
    document.getElementById("slug").textContent = Note(event.target.value).describe()


document.getElementById("status").textContent = f"{NAME} ready, {len(STOPWORDS)} stopwords"
