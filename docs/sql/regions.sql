-- regions.csv: one row per region (SPEC §1: region, name, parent).
-- Source: region_register(region_code, region_name, parent_code), one row per region, e.g. the
-- health regions of a national register; parent_code is NULL for a region at the top.
-- Portable SQL: DuckDB, PostgreSQL, BigQuery (qualify the table: dataset.region_register) and
-- Spark SQL run it as it is.
SELECT
  region_code AS region,
  region_name AS name,
  parent_code AS parent
FROM region_register
ORDER BY region;
