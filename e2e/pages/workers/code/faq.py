# The seed FAQ's worker: a function the page calls with await.
from pyscript import sync


def do_stuff():
    print("heavy computation")
    return "stuff done"


sync.doStuff = do_stuff
