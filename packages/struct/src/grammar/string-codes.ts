/**
 * Codes whose count is a length (one value), not a repeat. A module of its own so that
 * what only needs the codes (printing's `valueFields`) does not carry the parser.
 */
export const STRING_CODES = "spuwt";
