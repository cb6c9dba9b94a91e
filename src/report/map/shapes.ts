// What a map is drawn from: region shapes already matched to region codes (src/io/geo.ts reads
// and matches them; src/report/map/ draws them). Pure data, so a library caller can build it too.
import type { GeometryObject, Topology } from 'topojson-specification';

/** Properties of each shape in `MapShapes.topology.objects.shapes`. */
export interface ShapeProperties {
  /** The region code this shape belongs to; absent for a shape drawn only as context. */
  readonly region?: string | undefined;
  /** What the shape is called in its source (a country's name, the key's value): for titles. */
  readonly label: string;
}

/** How the shapes are laid out on the page. */
export type MapLayout =
  /** Longitude/latitude: an equal-area projection fitted to the regions' shapes. */
  | 'fitted'
  /** US states: d3-geo's Albers USA (Alaska and Hawaii as insets), fitted to the regions' shapes. */
  | 'albers-usa';

/** The shapes of one map, matched to the regions of a report. */
export interface MapShapes {
  /** Where the shapes come from, for the caption: a file name or the bundled set's description. */
  readonly source: string;
  /** One TopoJSON object, `shapes`: a GeometryCollection of (Multi)Polygons with `ShapeProperties`. */
  readonly topology: Topology<{ shapes: GeometryObject<ShapeProperties> }>;
  readonly layout: MapLayout;
  /** Region codes asked for that have no shape (for the notice). */
  readonly regionsWithoutShape: readonly string[];
  /** Labels of shapes that no region claims, when the shapes are the user's own file (for the notice). */
  readonly shapesWithoutRegion: readonly string[];
}
