-- services.csv: community capacity of one service type in a region in a year (SPEC §1: region,
-- year, service, capacity, unit), from episode-level and facility-level sources at once:
--   service_contacts(contact_id, patient_id, region_code, contact_date, service_name): one row
--     per outpatient consultation, home visit or day attendance (contact_date a DATE);
--   service_sites(site_id, region_code, year, service_name, places): one row per site and year
--     of a residential or day service, with its places;
--   service_units(service_name, unit): which units each service is counted in — 'contacts'
--     (contacts in the year) and 'caseload' (distinct patients seen in the year) from
--     service_contacts, 'places' from service_sites. A small table you keep: servicegap fails on
--     a category and unit that has no weight (SPEC §4; the default weights count contacts of
--     community mental health centres, day services and outreach, and the caseload of crisis
--     and outreach teams), so this is where you choose.
-- Keep the local service_name: servicegap maps it to a category (its taxonomy, your aliases),
-- and a name it cannot map is an error you see, not a row lost here. A service missing from
-- service_units is left out: list them first with
--   SELECT DISTINCT service_name FROM service_contacts
--   WHERE service_name NOT IN (SELECT service_name FROM service_units);
-- (and the same for service_sites).
-- Portable SQL: DuckDB, PostgreSQL, BigQuery and Spark SQL (EXTRACT(YEAR FROM …) is in all four).
SELECT region, year, service, capacity, unit
FROM (
  SELECT
    c.region_code AS region,
    EXTRACT(YEAR FROM c.contact_date) AS year,
    c.service_name AS service,
    COUNT(*) AS capacity,
    'contacts' AS unit
  FROM service_contacts AS c
  JOIN service_units AS u ON u.service_name = c.service_name AND u.unit = 'contacts'
  GROUP BY c.region_code, EXTRACT(YEAR FROM c.contact_date), c.service_name
  UNION ALL
  SELECT
    c.region_code AS region,
    EXTRACT(YEAR FROM c.contact_date) AS year,
    c.service_name AS service,
    COUNT(DISTINCT c.patient_id) AS capacity,
    'caseload' AS unit
  FROM service_contacts AS c
  JOIN service_units AS u ON u.service_name = c.service_name AND u.unit = 'caseload'
  GROUP BY c.region_code, EXTRACT(YEAR FROM c.contact_date), c.service_name
  UNION ALL
  SELECT
    s.region_code AS region,
    s.year,
    s.service_name AS service,
    SUM(s.places) AS capacity,
    'places' AS unit
  FROM service_sites AS s
  JOIN service_units AS u ON u.service_name = s.service_name AND u.unit = 'places'
  GROUP BY s.region_code, s.year, s.service_name
) AS aggregated
ORDER BY region, year, service, unit;
