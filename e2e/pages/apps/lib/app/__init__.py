NAME = "notes app"
