"""Static files for production: WhiteNoise's compressed storage with hashed names, tolerant of vendored files that
mention files they do not ship."""

from __future__ import annotations

import logging
from urllib.parse import unquote, urlsplit

from whitenoise.storage import CompressedManifestStaticFilesStorage

logger = logging.getLogger(__name__)


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """`collectstatic` rewrites every `url(...)` and `sourceMappingURL` to the hashed file name; a reference to a file
    that is not there (a source map, a legacy font format a vendored library mentions but does not ship) fails the
    whole collection in the parent class. Here it is left as written, with a warning: the browser asks for it and
    gets a 404, which is what the file's absence means anyway."""

    def hashed_name(self, name, content=None, filename=None):
        if content is None:
            path = (filename and urlsplit(unquote(filename)).path.strip()) or urlsplit(unquote(name)).path.strip()
            if not self.exists(path):
                logger.warning("Static file reference left unchanged, no such file: %s", name)
                return name
        return super().hashed_name(name, content, filename)
