"""Record models of the database, one module per record kind."""

from generator.models.implementation import Implementation
from generator.models.leaderboard import Leaderboard
from generator.models.listconfig import ListConfig
from generator.models.paper import Paper
from generator.models.resource import Resource

__all__ = ["Implementation", "Leaderboard", "ListConfig", "Paper", "Resource"]
