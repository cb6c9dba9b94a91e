// The formats the research outputs (sensitivity, compare, batch) come in — apart from their
// renderers, so that choosing a format loads no table or colour library.

/** Formats of the research outputs. */
export const RESEARCH_FORMATS = ['table', 'csv', 'json', 'markdown'] as const;
/** One of RESEARCH_FORMATS. */
export type ResearchFormat = (typeof RESEARCH_FORMATS)[number];

