from pyscript import config, display, document

display("src says " + config["greeting"])
document.body.dataset.src = config["type"]
