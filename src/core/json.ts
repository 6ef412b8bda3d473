/** A JSON object: not null, not an array. For reading what outlives this code (saved state, settings). */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
