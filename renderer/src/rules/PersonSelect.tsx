import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import type { PersonRow } from '../../../core/contract/people';
import { call } from '../api/client';

interface Props {
  orgId: number;
  value: number | null;
  onChange(person: { id: number; name: string } | null): void;
}

/** A resident from the roster, searched by name as the user types. */
export function PersonSelect({ orgId, value, onChange }: Props) {
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<PersonRow[]>([]);
  const [loading, setLoading] = useState(false);
  const ticket = useRef(0);
  useEffect(() => {
    const mine = ++ticket.current;
    const timer = setTimeout(() => {
      setLoading(true);
      call('people.list', { orgId, pageSize: 30, ...(query.trim() ? { query: query.trim() } : {}) })
        .then((r) => mine === ticket.current && setItems(r.items))
        .catch(() => mine === ticket.current && setItems([]))
        .finally(() => mine === ticket.current && setLoading(false));
    }, 250);
    return () => clearTimeout(timer);
  }, [orgId, query]);
  return (
    <Select<number>
      aria-label="名册中的居民"
      showSearch={{ filterOption: false, onSearch: setQuery }}
      allowClear
      loading={loading}
      value={value ?? undefined}
      placeholder="输入姓名查找"
      notFoundContent={loading ? '正在查找…' : '名册中没有找到，可以改选“名册外的人”'}
      onChange={(id) => {
        const p = items.find((x) => x.id === id);
        onChange(p ? { id: p.id, name: p.name } : null);
      }}
      options={items.map((p) => ({ value: p.id, label: `${p.name}${p.householdNo ? `（户号 ${p.householdNo}）` : ''}${p.groupName ? ` ${p.groupName}` : ''}` }))}
      style={{ width: 320 }}
    />
  );
}
