/** Empty or blank text is stored as NULL, so "not filled in" has one form in the database. */
export function blankToNull(s: string | null | undefined): string | null {
  return s == null || s.trim() === '' ? null : s.trim();
}

/** A LIKE pattern that matches the text literally (use with `escape '\\'`). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
