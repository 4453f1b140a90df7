"""The multilingual knowledge base: states, organisations, offices, officials and places."""
from .base import ANY, KnowledgeBase, ascii_key, build, load, norm_lang
from .loader import KBError
from .model import LANGS, ROLES, SINGLE_HOLDER_ROLES, Country, Office, Organisation, Person, Place

__all__ = ["ANY", "KnowledgeBase", "KBError", "LANGS", "ROLES", "SINGLE_HOLDER_ROLES", "Country",
           "Office", "Organisation", "Person", "Place", "ascii_key", "build", "load", "norm_lang"]
