import { useEffect, useState } from 'react';
import { Select } from 'antd';
import type { PersonRow } from '../../../core/contract/people';
import { EMPTY, useCall } from '../api/queries';

interface Props {
  orgId: number;
  id?: string;
  value?: number | null;
  onChange?(id: number | null): void;
  /** The whole row of the one picked, e.g. to show the household number. */
  onPicked?(person: PersonRow | null): void;
  'aria-label'?: string;
  /** What to do when nobody matches, in the words of the form it sits in. */
  notFoundHint?: string;
  /** The one already chosen (e.g. a record being corrected), shown by name until the search finds them. */
  current?: { id: number; label: string };
}

/**
 * A resident from the roster. The roster search (people.list) matches a name, part of it, or
 * pinyin and its initials (“zdy” finds 张大爷), by the same rule as the meeting sign-in.
 */
export function PersonPicker({ orgId, id, value, onChange, onPicked, notFoundHint = '名册中没有找到，可以改填姓名', current, ...rest }: Props) {
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  // Ask once the user pauses typing.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(query.trim()), 250);
    return () => clearTimeout(timer);
  }, [query]);
  const { data, loading } = useCall(
    'people.list',
    { orgId, status: '在册', page: 1, pageSize: 30, ...(search ? { query: search } : {}) },
    { keepPrevious: true },
  );
  const items: PersonRow[] = data?.items ?? EMPTY;

  return (
    <Select<number>
      id={id}
      aria-label={rest['aria-label'] ?? '名册中的居民'}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      allowClear
      loading={loading}
      value={value ?? undefined}
      placeholder="输入姓名或拼音首字母查找"
      notFoundContent={loading ? '正在查找…' : notFoundHint}
      onChange={(picked) => {
        const p = items.find((x) => x.id === picked) ?? null;
        onChange?.(p ? p.id : null);
        onPicked?.(p);
      }}
      options={[
        ...(current && current.id === value && !items.some((p) => p.id === current.id) ? [{ value: current.id, label: current.label }] : []),
        ...items.map((p) => ({
          value: p.id,
          label: [p.name, p.householdNo ? `户号 ${p.householdNo}` : '', p.groupName ?? ''].filter(Boolean).join('　'),
        })),
      ]}
      style={{ width: 360 }}
    />
  );
}
