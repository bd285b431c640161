from .note import Note
