import { isRealIsoDate, type Gender } from '../contract/common';
import { cleanText, hasInvisibleFormat, hasLoneSurrogate, INVISIBLE_IN_NAME_MESSAGE, LONE_SURROGATE_MESSAGE } from '../contract/clean-text';
import { DEFAULT_TIME_ZONE, todayIn } from '../clock';
import { checkIdNumber } from '../idcard';
import type { ImportField, ImportRow } from './fields';

export interface NormalizedPerson {
  name: string;
  gender: Gender | null;
  birthDate: string | null;
  idNumber: string;
  phone: string;
  householdNo: string;
  groupName: string;
  address: string;
  relation: string;
  tags: string[];
  note: string;
}

export interface RowIssue {
  field: ImportField;
  message: string;
}

export interface NormalizedRow {
  person: NormalizedPerson;
  errors: RowIssue[];
  /** Fields filled in from the ID number because the file had no value. */
  derived: ImportField[];
}

const MAX_LENGTH: Record<ImportField, number> = {
  name: 50,
  gender: 4,
  birthDate: 20,
  idNumber: 30,
  phone: 20,
  householdNo: 30,
  groupName: 40,
  address: 100,
  relation: 20,
  tags: 200,
  note: 500,
};

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Accepts the ways dates are typed in Chinese spreadsheets; returns YYYY-MM-DD or null. */
export function parseLooseDate(raw: string): string | null {
  const s = raw.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isRealIsoDate(iso) ? iso : null;
}

function parseGender(raw: string): Gender | null | undefined {
  const s = raw.trim();
  if (s === '') return null;
  if (['男', '男性', 'M', 'm', '1'].includes(s)) return '男';
  if (['女', '女性', 'F', 'f', '2'].includes(s)) return '女';
  return undefined;
}

export function splitTags(raw: string): string[] {
  const tags = raw
    .split(/[,，、;；/|\s]+/)
    .map((t) => t.trim())
    .filter(Boolean)
    // A roster's 政治面貌 column says 中共党员 where our tag is 党员, and 中共预备党员 where it is 预备党员:
    // a probationary member has no vote in a 党员大会 (党章 第七条), so the two never merge.
    .map((t) => (t === '中共党员' || t === '中共正式党员' || t === '正式党员' ? '党员' : t === '中共预备党员' ? '预备党员' : t))
    .filter((t) => t !== '群众');
  return [...new Set(tags)];
}

/**
 * Validates one imported row in the words a secretary uses; never throws. `today`: the calendar
 * date (YYYY-MM-DD) from the call's clock, or an instant read in China time.
 */
export function normalizeImportRow(raw: ImportRow, today: string | Date = new Date()): NormalizedRow {
  const day = typeof today === 'string' ? today : todayIn(DEFAULT_TIME_ZONE, today);
  const errors: RowIssue[] = [];
  const derived: ImportField[] = [];
  const value = (field: ImportField): string => {
    // The same treatment as typed text (core/contract/clean-text.ts): NFC, no half characters,
    // invisible format characters refused in the name and stripped elsewhere.
    const cell = raw[field] ?? '';
    if (hasLoneSurrogate(cell)) {
      errors.push({ field, message: LONE_SURROGATE_MESSAGE });
      return '';
    }
    if (field === 'name' && hasInvisibleFormat(cell)) {
      errors.push({ field, message: INVISIBLE_IN_NAME_MESSAGE });
      return cleanText(cell).trim();
    }
    const v = cleanText(cell).trim();
    if (v.length > MAX_LENGTH[field]) {
      errors.push({ field, message: `内容太长（${v.length} 个字，最多 ${MAX_LENGTH[field]} 个）` });
      return v.slice(0, MAX_LENGTH[field]);
    }
    if (CONTROL.test(v)) errors.push({ field, message: '含有不可见的控制字符，请删除' });
    return v;
  };

  const name = value('name');
  if (!name && !errors.some((e) => e.field === 'name')) errors.push({ field: 'name', message: '姓名不能为空' });

  let gender = parseGender(value('gender'));
  if (gender === undefined) {
    errors.push({ field: 'gender', message: `性别“${raw.gender}”看不懂，请填“男”或“女”` });
    gender = null;
  }

  let birthDate: string | null = null;
  const birthRaw = value('birthDate');
  if (birthRaw) {
    birthDate = parseLooseDate(birthRaw);
    if (!birthDate) errors.push({ field: 'birthDate', message: `出生日期“${birthRaw}”不是有效日期，请写成 1960-03-15` });
    else if (birthDate > day) {
      errors.push({ field: 'birthDate', message: `出生日期 ${birthDate} 晚于今天` });
    }
  }

  let idNumber = value('idNumber');
  if (idNumber) {
    if (/^\d(\.\d+)?E\+\d+$/i.test(idNumber)) {
      errors.push({
        field: 'idNumber',
        message: '身份证号在 Excel 中被存成了数字，后几位已丢失；请把该列设为“文本”后重新录入',
      });
    } else {
      const check = checkIdNumber(idNumber, day);
      if (!check.ok) {
        errors.push({ field: 'idNumber', message: check.reason });
      } else {
        idNumber = check.idNumber;
        if (!birthDate && !birthRaw) {
          birthDate = check.birthDate;
          derived.push('birthDate');
        } else if (birthDate && birthDate !== check.birthDate) {
          errors.push({ field: 'birthDate', message: `出生日期 ${birthDate} 与身份证号中的 ${check.birthDate} 不一致` });
        }
        if (!gender && !raw.gender.trim()) {
          gender = check.gender;
          derived.push('gender');
        } else if (gender && gender !== check.gender) {
          errors.push({ field: 'gender', message: `性别“${gender}”与身份证号（${check.gender}）不一致` });
        }
      }
    }
  }

  const phone = value('phone').replace(/\s+/g, '');
  if (phone && !/^[0-9+\-()]{5,20}$/.test(phone)) {
    errors.push({ field: 'phone', message: `联系电话“${phone}”只能包含数字和“-”` });
  }

  const tags = splitTags(value('tags'));
  if (tags.some((t) => t.length > 12)) errors.push({ field: 'tags', message: '每个标签最多 12 个字，多个标签用顿号分开' });

  return {
    person: {
      name,
      gender,
      birthDate,
      idNumber,
      phone,
      householdNo: value('householdNo'),
      groupName: value('groupName'),
      address: value('address'),
      relation: value('relation'),
      tags,
      note: value('note'),
    },
    errors,
    derived,
  };
}
