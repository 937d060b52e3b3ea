import { pinyin } from 'pinyin-pro';

/**
 * Search keys for a name: full pinyin and initials, each read both with surname rules
 * (曾 zeng, 单 shan, 仇 qiu, 区 ou) and with ordinary readings, because people type either.
 * Stored space-separated so a query matches the start of any key.
 */
export function pinyinKeys(name: string): string {
  const keys = new Set<string>();
  for (const surname of ['head', 'off'] as const) {
    const syllables = pinyin(name, { toneType: 'none', type: 'array', surname, nonZh: 'consecutive', v: true })
      .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
      .filter(Boolean);
    if (syllables.length === 0) continue;
    keys.add(syllables.join(''));
    keys.add(syllables.map((s) => s[0]).join(''));
  }
  return [...keys].join(' ');
}

/** Normalises what the user typed into the search box for matching against pinyinKeys. */
export function normalizePinyinQuery(query: string): string {
  return query.toLowerCase().replace(/[\s'’]/g, '');
}

/**
 * The search rule, shared by the database query, the door screen and tests: the name contains
 * the query, or the query starts one of the pinyin keys (pass keys already stored to skip
 * computing them again).
 */
export function matchesName(name: string, query: string, keys?: string): boolean {
  const q = query.trim();
  if (!q) return true;
  if (name.includes(q)) return true;
  const p = normalizePinyinQuery(q);
  if (!/^[a-z0-9]+$/.test(p)) return false;
  return (keys || pinyinKeys(name)).split(' ').some((k) => k.startsWith(p));
}
