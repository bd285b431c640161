from polyscript import xworker

reply = xworker.sync.ask("What is 2 + 3?")
print("the page answered " + reply)
