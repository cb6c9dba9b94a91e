-- beds.csv, events shape: closures (negative: openings) on a date (SPEC §1: region, date,
-- beds_closed, bed_type). Use this instead of beds.sql when the source records changes, not
-- stocks.
-- Source: ward_changes(ward_id, region_code, change_date, ward_type, beds_closed), one row per
-- change of a ward's beds; change_date is a DATE. The engines write a DATE as YYYY-MM-DD, which
-- servicegap reads as it is.
-- Portable SQL: DuckDB, PostgreSQL, BigQuery and Spark SQL.
SELECT
  region_code AS region,
  change_date AS date,
  SUM(beds_closed) AS beds_closed,
  ward_type AS bed_type
FROM ward_changes
WHERE ward_type IN ('mental_hospital', 'long_stay', 'specialist_inpatient')
GROUP BY region_code, change_date, ward_type
ORDER BY region, date, bed_type;
