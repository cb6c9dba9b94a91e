// The row schemas in the default number format as constants, for the library's users (src/index.ts).
// The CLI and the loader build them only when a row fails its compiled check (defaultRowSchemas).
import { defaultRowSchemas } from './schemas.js';

const schemas = defaultRowSchemas();
/** zod schema of a regions.csv row (default number format). */
export const RegionRowSchema = schemas.region;
/** zod schema of a population.csv row (default number format). */
export const PopulationRowSchema = schemas.population;
/** zod schema of a beds.csv row of bed stock by year (default number format). */
export const BedStockRowSchema = schemas.bedStock;
/** zod schema of a beds.csv row of dated bed closures or openings (default number format). */
export const BedEventRowSchema = schemas.bedEvents;
/** zod schema of a services.csv row (default number format). */
export const ServiceRowSchema = schemas.services;
/** zod schema of a crosswalk.csv row (default number format; the builder uses the file's own). */
export const CrosswalkRowSchema = schemas.crosswalk;
