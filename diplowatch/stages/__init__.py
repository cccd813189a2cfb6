"""The pipeline's writing stages as plain functions over DuckDB: articles from a raw folder, events from the
stored articles, canonical visits from the events. Each writes in one transaction; the assets call them."""
