# A worker export that loops until the page interrupts it.
from pyscript import sync, window


def spin():
    window.spinning = True
    while True:
        pass


sync.spin = spin
