# Sorts the same list over and over (bubble sort, a swap at a time), telling
# the page of each swap; the page's answer says when to stop.
from polyscript import xworker

import pyscript

rounds = sent = 0
stop = False
while not stop:
    rounds += 1
    data = [(7 * i) % 31 for i in range(31)]
    for end in range(len(data) - 1, 0, -1):
        for i in range(end):
            if not stop and data[i] > data[i + 1]:
                data[i], data[i + 1] = data[i + 1], data[i]
                sent += 1
                stop = xworker.sync.swapped(i, i + 1)
xworker.sync.finished(rounds, sent)
xworker.postMessage("worker type " + pyscript.config["type"])
