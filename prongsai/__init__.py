"""Prongsai (โปร่งใส): YAML and Markdown in, a Thai agency's ITA disclosure website out.

The engine behind build.py. One build is five stages (pipeline.py):
discover and load content/ (content.py), validate it against the content
model (schema.py, fields.py, validate.py) and the year's ITA framework
(framework.py) into the validated site (validated.py), plan its pages
(pagelist.py), render and write them (emit.py) into a folder swapped in whole
(sitefolder.py). Content problems are collected and raised together as SiteError.
"""

from .pipeline import BuildResult, Paths, build_site
from .problems import Problem, SiteError

__all__ = ["build_site", "Paths", "BuildResult", "Problem", "SiteError"]
