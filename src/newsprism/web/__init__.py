"""``newsprism serve``: a local web app over a store (the ``[web]`` extra: FastAPI and uvicorn).

Pages for stories, a story, outlets and articles; a JSON API under ``/api``; adding articles from
the page and following feeds. See docs/web.md.
"""
