with open("stopwords.txt") as words:
    STOPWORDS = set(words.read().split())


def slugify(title):
    kept = [word for word in title.lower().split() if word not in STOPWORDS]
    return "-".join(kept)
