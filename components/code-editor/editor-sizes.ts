/** Default heights, shared by the editors and their textarea stand-ins so nothing jumps on load. */
export const DEFAULT_JSON_HEIGHT = 320;
export const DEFAULT_PROMQL_HEIGHT = 96;
/** One 20px line, 3px padding and a 1px border above and below. */
export const SINGLE_LINE_HEIGHT = 28;
/** The most a diff editor takes; a shorter diff gets a shorter frame. */
export const DEFAULT_DIFF_HEIGHT = 480;
