-- population.csv: residents of a region in a year (SPEC §1: region, year, population).
-- Source: residents(person_id, region_code, year), one row per person resident in a region at
-- the end of a year (a population register extract). A person counted twice in a region and
-- year is counted once.
-- Portable SQL: DuckDB, PostgreSQL, BigQuery and Spark SQL.
SELECT
  region_code AS region,
  year,
  COUNT(DISTINCT person_id) AS population
FROM residents
GROUP BY region_code, year
ORDER BY region, year;
