# Holds a few page objects, then waits to be terminated.
from pyscript import document

kept = [document.body, document.createElement("div"), document.head]
