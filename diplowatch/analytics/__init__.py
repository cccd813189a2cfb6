"""Analytics over the event tables: canonical visits, charts, the HTML report and the data dictionary."""

from diplowatch.analytics.load import VisitsResult, load_visits
from diplowatch.analytics.visits import ClusteredVisits, cluster_visits

__all__ = ["ClusteredVisits", "VisitsResult", "cluster_visits", "load_visits"]
