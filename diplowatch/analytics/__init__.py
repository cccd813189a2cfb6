"""Analytics over the event tables: visit clustering, charts, the HTML report, stats, the data dictionary."""

from diplowatch.analytics.clustering import ClusteredVisits, cluster_visits

__all__ = ["ClusteredVisits", "cluster_visits"]
