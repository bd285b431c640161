# A small jQuery UI control panel whose callbacks are Python functions, wired
# the way published PyScript apps do it: jQuery through `js`, options as JS
# objects and callbacks as proxies through pyscript.ffi (so the same code runs
# on MicroPython and Pyodide).
from js import jQuery as jq
from pyscript import ffi

FRUITS = ["apple", "apricot", "banana", "cherry", "grape", "mango"]
clicks = 0


def show(selector, text):
    jq(selector).text(text)


def greet(event):
    global clicks
    clicks += 1
    show("#status", f"Python counted {clicks} click(s)")


def on_slide(event, ui):
    show("#volume-live", f"sliding: {ui.value}")


def on_change(event, ui):
    show("#volume-saved", f"volume: {ui.value}")


def confirm(event):
    show("#answer", "confirmed")
    jq("#dialog").dialog("close")


def on_tab(event, ui):
    show("#tab-state", f"tab: {ui.newTab.text()}")


def suggest(request, response):
    term = request.term.lower()
    response(ffi.to_js([fruit for fruit in FRUITS if term in fruit]))


def picked(event, ui):
    show("#fruit-choice", f"picked: {ui.item.value}")


jq("#greet").button().on("click", ffi.create_proxy(greet))

jq("#volume").slider(ffi.to_js({
    "min": 0,
    "max": 10,
    "value": 5,
    "slide": ffi.create_proxy(on_slide),
    "change": ffi.create_proxy(on_change),
}))

jq("#dialog").dialog(ffi.to_js({
    "autoOpen": False,
    "modal": True,
    "buttons": [{"text": "Confirm", "click": ffi.create_proxy(confirm)}],
    "open": ffi.create_proxy(lambda event, ui: show("#dialog-state", "open")),
    "close": ffi.create_proxy(lambda event, ui: show("#dialog-state", "closed")),
}))
jq("#open").button().on("click", ffi.create_proxy(lambda event: jq("#dialog").dialog("open")))

jq("#tabs").tabs(ffi.to_js({"activate": ffi.create_proxy(on_tab)}))

jq("#fruit").autocomplete(ffi.to_js({
    "source": ffi.create_proxy(suggest),
    "delay": 0,
    "select": ffi.create_proxy(picked),
}))

show("#status", f"ready: jQuery {jq.fn.jquery}, jQuery UI {jq.ui.version}")
