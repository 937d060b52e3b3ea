import type { Gender } from '../../../core/contract/common';
import type { PersonFields } from '../../../core/contract/people';

/** What the add/edit form holds (dates as YYYY-MM-DD from the DateField). */
export interface PersonFormValues {
  name: string;
  gender?: Gender | null;
  birthDate?: string | null;
  idNumber?: string;
  phone?: string;
  householdNo?: string;
  groupName?: string;
  address?: string;
  relationToHead?: string;
  tags?: string[];
  note?: string;
}

/** Form values → contract fields. Empty strings clear a field on update. */
export function toPersonFields(values: PersonFormValues): PersonFields {
  return {
    name: values.name.trim(),
    gender: values.gender ?? null,
    birthDate: values.birthDate || null,
    idNumber: (values.idNumber ?? '').trim().toUpperCase(),
    phone: (values.phone ?? '').trim(),
    householdNo: (values.householdNo ?? '').trim(),
    groupName: (values.groupName ?? '').trim(),
    address: (values.address ?? '').trim(),
    relationToHead: (values.relationToHead ?? '').trim(),
    tags: values.tags ?? [],
    note: values.note ?? '',
  };
}

/** 与户主关系 as household registers write it (户口登记); other words may be typed. */
export const RELATIONS = ['户主', '配偶', '子', '女', '父亲', '母亲', '孙子', '孙女', '儿媳', '女婿', '兄弟姐妹', '其他'];
