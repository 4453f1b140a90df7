"""parley: diplomatic contacts (who met, phoned or visited whom) read from news in any language."""
__version__ = "0.1.0"

from .api import extract  # noqa: E402
from .model import Event, Location, Participant  # noqa: E402

__all__ = ["extract", "Event", "Location", "Participant", "__version__"]
