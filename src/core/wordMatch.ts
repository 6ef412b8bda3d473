// The word matching of the view's filter and a panel table's filter (not the vendors' own Find Space): a text
// matches when it holds every word of the query, case-insensitively; an empty query matches everything.

/** The words of a query, lower-cased. */
export function filterWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether `lowerText` (already lower-cased, so a long list is lowered once) holds every one of `words`. */
export function holdsEvery(lowerText: string, words: readonly string[]): boolean {
  return words.every((word) => lowerText.includes(word));
}
