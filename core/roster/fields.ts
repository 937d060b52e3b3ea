/** The roster columns an import can fill, in the order the mapping step shows them. */
export const importFields = ['name', 'gender', 'birthDate', 'idNumber', 'phone', 'householdNo', 'groupName', 'address', 'relation', 'tags', 'note'] as const;
export type ImportField = (typeof importFields)[number];
/** Columns added after the first rosters were imported: a row sent without them is still whole. */
export const optionalImportFields = ['address', 'relation'] as const satisfies readonly ImportField[];
export type OptionalImportField = (typeof optionalImportFields)[number];

export const importFieldLabels: Record<ImportField, string> = {
  name: '姓名',
  gender: '性别',
  birthDate: '出生日期',
  idNumber: '身份证号',
  phone: '联系电话',
  householdNo: '户号',
  groupName: '小组',
  address: '住址',
  relation: '与户主关系',
  tags: '标签',
  note: '备注',
};

// Headers seen in rosters kept by residents' and village committees. Compared after removing
// spaces, asterisks and colons, so "* 姓 名：" still matches.
const HEADER_ALIASES: Record<ImportField, string[]> = {
  name: ['姓名', '名字', '居民姓名', '村民姓名', '人员姓名', '成员姓名', '户内成员'],
  gender: ['性别'],
  birthDate: ['出生日期', '出生年月', '出生年月日', '生日', '出生时间'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '公民身份证号码', '证件号码', '身份证', '身份证件号码'],
  phone: ['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式', '电话号码'],
  householdNo: ['户号', '户编号', '户籍编号', '家庭户号', '户主编号'],
  groupName: ['小组', '居民小组', '村民小组', '组别', '所属小组', '组', '网格', '所属网格'],
  address: ['住址', '地址', '家庭住址', '现住址', '居住地址', '现居住地址', '户籍地址', '家庭地址'],
  relation: ['与户主关系', '关系', '与户主的关系', '户主关系', '家庭关系', '家庭成员关系'],
  tags: ['标签', '身份', '人员类别', '人员类型', '政治面貌', '类别'],
  note: ['备注', '说明'],
};

export function normalizeHeader(header: string): string {
  return header.replace(/[\s*＊:：()（）]/g, '').trim();
}

/** Suggests which column holds each field; a column is used at most once. */
export function suggestMapping(headers: readonly string[]): Partial<Record<ImportField, number>> {
  const normalized = headers.map(normalizeHeader);
  const mapping: Partial<Record<ImportField, number>> = {};
  const used = new Set<number>();
  for (const field of importFields) {
    const aliases = HEADER_ALIASES[field];
    let index = normalized.findIndex((h, i) => !used.has(i) && aliases.includes(h));
    if (index < 0) {
      index = normalized.findIndex((h, i) => !used.has(i) && h.length > 0 && aliases.some((a) => a.length > 1 && h.includes(a)));
    }
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
    }
  }
  return mapping;
}

export type ImportRow = Record<Exclude<ImportField, OptionalImportField>, string> & Partial<Record<OptionalImportField, string>>;

export function emptyImportRow(): Record<ImportField, string> {
  return Object.fromEntries(importFields.map((f) => [f, ''])) as Record<ImportField, string>;
}

/** Turns the sheet's cells into import rows by the chosen mapping. */
export function applyMapping(rows: readonly (readonly string[])[], mapping: Partial<Record<ImportField, number>>): ImportRow[] {
  return rows.map((cells) => {
    const row = emptyImportRow();
    for (const field of importFields) {
      const index = mapping[field];
      if (index !== undefined && index >= 0) row[field] = (cells[index] ?? '').trim();
    }
    return row;
  });
}
