-- beds.csv, stock shape: institutional psychiatric beds in a region at the end of a year (SPEC §1:
-- region, year, beds, bed_type).
-- Source: inpatient_wards(ward_id, facility_id, region_code, year, ward_type, beds), one row per
-- ward and year (a facility register). Only the institutional wards whose closure can open a
-- vacuum belong here; psychiatric units of general hospitals, crisis beds and supported housing
-- are community capacity (services.sql). servicegap sums the rows of a region and year whatever
-- their bed_type, so keeping bed_type costs nothing and shows where the beds were.
-- Portable SQL: DuckDB, PostgreSQL, BigQuery and Spark SQL.
SELECT
  region_code AS region,
  year,
  SUM(beds) AS beds,
  ward_type AS bed_type
FROM inpatient_wards
WHERE ward_type IN ('mental_hospital', 'long_stay', 'specialist_inpatient')
GROUP BY region_code, year, ward_type
ORDER BY region, year, bed_type;
