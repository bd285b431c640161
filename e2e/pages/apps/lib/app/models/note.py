from ..utils import slugify


class Note:
    def __init__(self, title):
        self.title = title
        self.slug = slugify(title)

    def describe(self):
        return f"{self.slug} ({len(self.title.split())} words)"
