import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
const t = JSON.parse(readFileSync('data/boundaries/countries.topo.json', 'utf8'));
const obj = Object.values(t.objects)[0];
const fc = feature(t, obj);
for (const f of fc.features) {
  const iso = f.properties.iso2;
  if (['MT','LU','LI','CY','AD','MC','SM','SG','BH','MV'].includes(iso)) {
    const rings = f.geometry?.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry?.coordinates ?? [];
    console.log(iso, rings.map(p => p[0].length).join(','));
  }
}
