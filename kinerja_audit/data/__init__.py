"""Indicator datasets (``kinerja-audit validate-data``): the indicator rules as schemas.

``sources`` reads CSV, XLSX, Parquet and PostgreSQL; ``shape`` normalises the wide and long shapes;
``coerce`` reads numbers written as text by the report parser's rules; ``checks`` holds one
column expression per rule (``expr`` compiles it for pandas, Spark, SQL and Great Expectations);
``schema`` is the pandera schema (the default engine), ``gx`` and ``spark`` the optional engines
(imported only when asked for); ``explain`` turns failing rows into findings; ``validate`` runs one
dataset; ``compare`` checks a report against its unit's rows; ``generate`` writes test datasets.
"""
