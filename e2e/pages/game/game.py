import json

import pygame
from pyscript import document

with open("./data/fixture.txt") as f:
    first_line = f.readline().strip()
document.getElementById("out").textContent = json.dumps({
    "drawn on": pygame.fill("rgb(0, 0, 255)"),
    "file": first_line,
    "calls": pygame.calls,
})
