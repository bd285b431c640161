# The script of an editor's environment (a PyWorker/MPWorker per env):
# nothing of its own; the editors run their code through editor-worker.js.
