import { chineseDate, daysFrom } from '../../../core/dates';

export { chineseDate };

const zoneNames: Record<string, string> = {
  'Asia/Shanghai': '北京时间',
  'Asia/Chongqing': '北京时间',
  'Asia/Harbin': '北京时间',
  'Asia/Hong_Kong': '香港时间',
  'Asia/Macau': '澳门时间',
  'Asia/Taipei': '台北时间',
  'Asia/Urumqi': '乌鲁木齐时间',
};

/** "北京时间" for Asia/Shanghai; otherwise the browser's Chinese name for the zone, or the zone itself. */
export function timeZoneLabel(timeZone: string): string {
  const known = zoneNames[timeZone];
  if (known) return known;
  try {
    const part = new Intl.DateTimeFormat('zh-CN', { timeZone, timeZoneName: 'long' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName');
    return part?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

const weekdays = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** "星期三" for an ISO date (pure calendar arithmetic, no time zone). */
export function weekday(iso: string): string {
  return weekdays[new Date(`${iso}T00:00:00Z`).getUTCDay()] ?? '';
}

/** "11月25日" — the year is left out when it is this year. */
export function shortDate(iso: string, today: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return iso.slice(0, 4) === today.slice(0, 4) ? `${m}月${d}日` : `${y}年${m}月${d}日`;
}

/** "今天" / "明天" / "后天" / "3天后" / "昨天" / "2天前", from `today`. */
export function relativeDay(iso: string, today: string): string {
  const n = daysFrom(today, iso);
  if (n === 0) return '今天';
  if (n === 1) return '明天';
  if (n === 2) return '后天';
  if (n === -1) return '昨天';
  return n > 0 ? `${n}天后` : `${-n}天前`;
}

/** "还剩3天" / "今天到期" / "已逾期2天" for a days-left figure (negative when overdue). */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft > 0) return `还剩${daysLeft}天`;
  if (daysLeft === 0) return '今天到期';
  return `已逾期${-daysLeft}天`;
}

/** "2026-06" → "6月", with the year on the first month shown and on January. */
export function monthLabel(month: string, first: boolean): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return first || m === 1 ? `${y}年${m}月` : `${m}月`;
}
