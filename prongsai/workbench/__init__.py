"""The clerk's workbench: a local web app over the same YAML files (`prongsai edit`).

Forms made from the content model, saved with round-trip YAML editing and the
build's own validator, a live preview, uploads, history, trash and imports;
bound to 127.0.0.1 and locked with a session token. See app.py for the routes.
"""

from .app import run

__all__ = ["run"]
