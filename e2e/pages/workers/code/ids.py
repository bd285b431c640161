# Tells on its script element which output target it got (a PyWorker has
# no element: it says so on <body>).
from pyscript import current_target, document

target = current_target()
if target:
    document.getElementById(target).previousElementSibling.dataset.target = target
else:
    document.body.dataset.noElement = repr(target)
