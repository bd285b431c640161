# Arrow keys move a square on a canvas while held; Space dashes for a moment;
# "Freeze controls" takes the keydown handler away. Input goes through
# pyodide.ffi.wrappers' listeners, movement ticks come from its set_interval,
# and an asyncio loop redraws, as game-style PyScript apps are written.
import asyncio

from pyodide.ffi.wrappers import add_event_listener, remove_event_listener, set_interval, set_timeout
from pyscript import document

SIZE = 200
STEPS = {"ArrowLeft": (-1, 0), "ArrowRight": (1, 0), "ArrowUp": (0, -1), "ArrowDown": (0, 1)}


class Game:
    def __init__(self):
        self.x = self.y = SIZE // 2
        self.speed = 2
        self.held = set()
        self.ticks = self.dashes = 0


game = Game()
board = document.getElementById("board").getContext("2d")


def text(id, value):
    document.getElementById(id).textContent = value


def on_keydown(event):
    if event.key in STEPS:
        game.held.add(event.key)
    elif event.key == " " and game.speed == 2:
        game.speed = 6
        set_timeout(end_dash, 200)


def end_dash():
    game.speed = 2
    game.dashes += 1
    text("dashes", f"dashes: {game.dashes}")


def on_keyup(event):
    game.held.discard(event.key)
    text("released", f"released {event.code} at x={game.x} y={game.y}")


def freeze(event):
    remove_event_listener(document, "keydown", on_keydown)
    game.held.clear()
    text("controls", "controls: frozen")


def tick():
    for key in game.held:
        dx, dy = STEPS[key]
        game.x = min(max(game.x + dx * game.speed, 5), SIZE - 5)
        game.y = min(max(game.y + dy * game.speed, 5), SIZE - 5)
    game.ticks += 1


async def render():
    while True:
        board.fillStyle = "white"
        board.fillRect(0, 0, SIZE, SIZE)
        board.fillStyle = "red"
        board.fillRect(game.x - 5, game.y - 5, 10, 10)
        text("pos", f"x={game.x} y={game.y}")
        text("ticks", f"ticks: {game.ticks}")
        await asyncio.sleep(0.03)


add_event_listener(document, "keydown", on_keydown)
add_event_listener(document, "keyup", on_keyup)
add_event_listener(document.getElementById("freeze"), "click", freeze)
set_interval(tick, 30)
renderer = asyncio.create_task(render())
text("controls", "controls: on")
