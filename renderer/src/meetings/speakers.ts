import { matchesName } from '../../../core/pinyin';
import { isPresent } from './match';
import type { AttendanceSheet } from './types';

export interface Speaker {
  name: string;
  personId: number | null;
  /** "出席", "未签到", "列席 · 镇农业办". */
  note: string;
  present: boolean;
  /** Pinyin keys from the server, when known (saves computing them on every key press). */
  keys: string;
}

/** Everyone who may speak: those present first, then the rest of the roll, then 列席. */
export function speakersOf(sheet: AttendanceSheet | null): Speaker[] {
  if (!sheet) return [];
  const list: Speaker[] = [];
  const seen = new Set<string>();
  const push = (s: Speaker) => {
    const key = `${s.personId ?? ''}:${s.name}`;
    if (seen.has(key)) return;
    seen.add(key);
    list.push(s);
  };
  for (const e of sheet.expected) {
    const present = isPresent(e);
    const note = e.attendance?.status ?? '未签到';
    if (e.householdId != null) {
      for (const m of e.members) push({ name: m.name, personId: m.personId, note: `${e.householdNo}户 · ${note}`, present, keys: '' });
    } else if (e.personId != null) {
      push({ name: e.name, personId: e.personId, note: [e.role, note].filter(Boolean).join(' · '), present, keys: e.pinyinKeys });
    }
  }
  for (const o of sheet.observers)
    push({ name: o.name, personId: null, note: ['列席', o.unit ?? o.department].filter(Boolean).join(' · '), present: true, keys: '' });
  return list.sort((a, b) => Number(b.present) - Number(a.present));
}

export function findSpeakers(all: Speaker[], query: string, limit = 8): Speaker[] {
  const q = query.trim();
  if (!q) return [];
  // Free-text speakers have no stored keys: matchesName computes them.
  return all.filter((s) => matchesName(s.name, q, s.keys)).slice(0, limit);
}
