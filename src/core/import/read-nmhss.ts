// SAMHSA's National Mental Health Services Survey public-use file (one line per facility) →
// a table of facility counts by state, year and service. Pure; no IO.
//
// Which answer counts as which SPEC §2 category (codebooks of the N-MHSS PUF, 2012–2019; the
// variables' meanings are the same in every year that has them):
//   SETTINGOP = 1    facility offers outpatient mental health care       → cmhc
//   SETTINGDTPH = 1  partial hospitalisation / day treatment              → day_services
//   CRISISTEAM2 = 1  crisis intervention team                             → crisis
//   ASSERTCOMM = 1   assertive community treatment (ACT)                  → outreach
//   SUPPHOUSING = 1  supported housing                                    → supported_living
// A facility counts once per category. 0 = no and -2 = logical skip count as "does not offer";
// any other answer (-1 missing, -3 don't know) is not a yes, so the count is a lower bound, and
// the cell carries the number of such facilities as its flag (`unanswered=3`). A variable that
// the year's file does not have (2012 has no ASSERTCOMM or SUPPHOUSING) gives no rows at all:
// unknown, not zero.
import { readCsvRecords } from './read-long-csv.js';
import type { Dimension, ImportIssue, ImportTable, Observation, SourceLocation } from './table.js';

export const NMHSS_SERVICES = [
  { column: 'SETTINGOP', service: 'cmhc', label: 'facilities offering outpatient mental health care (SETTINGOP = 1)' },
  { column: 'SETTINGDTPH', service: 'day_services', label: 'facilities offering partial hospitalisation or day treatment (SETTINGDTPH = 1)' },
  { column: 'CRISISTEAM2', service: 'crisis', label: 'facilities with a crisis intervention team (CRISISTEAM2 = 1)' },
  { column: 'ASSERTCOMM', service: 'outreach', label: 'facilities offering assertive community treatment (ASSERTCOMM = 1)' },
  { column: 'SUPPHOUSING', service: 'supported_living', label: 'facilities offering supported housing (SUPPHOUSING = 1)' },
] as const;

export function readNmhss(text: string, file: string, issues: ImportIssue[]): ImportTable | undefined {
  const csv = readCsvRecords(text, file, issues);
  if (csv === undefined) return undefined;
  const column = (name: string) => csv.header.find((h) => h.toUpperCase() === name);
  const state = column('LST');
  if (state === undefined) {
    issues.push({ file, at: { line: 1 }, message: `expected the N-MHSS public-use file: a column LST (the facility's state), got ${csv.header.slice(0, 8).join(',')}` });
    return undefined;
  }
  const yearColumn = column('YEAR');
  // A column that is there but empty on every line (the trimmed 2012 file) is as good as absent.
  const answered = (name: string) => {
    const c = column(name);
    return c !== undefined && csv.records.some((r) => r.cells[c]!.trim() !== '');
  };
  const present = NMHSS_SERVICES.filter((s) => answered(s.column));
  const notes: string[] = [];
  const absent = NMHSS_SERVICES.filter((s) => !answered(s.column));
  if (absent.length > 0) notes.push(`${file}: no ${absent.map((s) => s.column).join(', ')} in this year's file: no ${absent.map((s) => s.service).join(', ')} rows (unknown, not 0)`);
  if (present.length === 0) {
    issues.push({ file, at: { line: 1 }, message: `expected at least one of ${NMHSS_SERVICES.map((s) => s.column).join(', ')}` });
    return undefined;
  }
  interface Count {
    yes: number;
    unanswered: number;
    readonly at: SourceLocation;
  }
  const counts = new Map<string, Count>();
  const states = new Set<string>();
  const years = new Set<string>();
  const before = issues.length;
  for (const r of csv.records) {
    const st = r.cells[state]!.trim();
    const year = yearColumn === undefined ? '' : r.cells[yearColumn]!.trim();
    if (st === '') {
      issues.push({ file, at: r.at, message: 'column LST: expected a state code, got an empty cell' });
      continue;
    }
    states.add(st);
    years.add(year);
    for (const s of present) {
      const key = `${st}\u0000${year}\u0000${s.service}`;
      let c = counts.get(key);
      if (c === undefined) counts.set(key, (c = { yes: 0, unanswered: 0, at: r.at }));
      const answer = r.cells[column(s.column)!]!.trim();
      if (answer === '1') c.yes++;
      else if (answer !== '0' && answer !== '-2') c.unanswered++;
    }
  }
  if (issues.length > before) return undefined;
  const observations: Observation[] = [];
  for (const [key, c] of counts) {
    const [st, year, service] = key.split('\u0000') as [string, string, string];
    const codes = yearColumn === undefined ? [st, service] : [st, year, service];
    observations.push({ codes, value: c.yes, status: c.unanswered > 0 ? `unanswered=${c.unanswered}` : undefined, at: c.at });
  }
  const dimensions: Dimension[] = [
    { id: 'LST', label: 'state', role: 'geo', categories: [...states].sort().map((code) => ({ code, label: US_STATES[code] ?? code })) },
    ...(yearColumn === undefined ? [] : [{ id: 'YEAR', label: 'survey year', role: 'time' as const, categories: [...years].map((code) => ({ code, label: code })) }]),
    { id: 'service', label: 'service', categories: present.map((s) => ({ code: s.service, label: s.label })) },
  ];
  return { file, title: 'N-MHSS public-use file', dimensions, observations, unit: 'facilities', notes };
}

/** USPS codes of the jurisdictions in the N-MHSS files → names (for `--as regions`). */
export const US_STATES: Readonly<Record<string, string>> = {
  AK: 'Alaska', AL: 'Alabama', AR: 'Arkansas', AS: 'American Samoa', AZ: 'Arizona', CA: 'California', CO: 'Colorado',
  CT: 'Connecticut', DC: 'District of Columbia', DE: 'Delaware', FL: 'Florida', FM: 'Federated States of Micronesia',
  GA: 'Georgia', GU: 'Guam', HI: 'Hawaii', IA: 'Iowa', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', KS: 'Kansas',
  KY: 'Kentucky', LA: 'Louisiana', MA: 'Massachusetts', MD: 'Maryland', ME: 'Maine', MH: 'Marshall Islands',
  MI: 'Michigan', MN: 'Minnesota', MO: 'Missouri', MP: 'Northern Mariana Islands', MS: 'Mississippi', MT: 'Montana',
  NC: 'North Carolina', ND: 'North Dakota', NE: 'Nebraska', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico',
  NV: 'Nevada', NY: 'New York', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania', PR: 'Puerto Rico',
  PW: 'Palau', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
  VA: 'Virginia', VI: 'U.S. Virgin Islands', VT: 'Vermont', WA: 'Washington', WI: 'Wisconsin', WV: 'West Virginia',
  WY: 'Wyoming', ZZ: 'Other jurisdictions',
};
