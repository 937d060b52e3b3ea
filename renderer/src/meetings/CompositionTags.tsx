import { Alert, Space, Tag, Tooltip } from 'antd';
import type { Body } from '../../../core/contract/bodies';

type Check = Body['composition'][number];

/** Short tags for the bodies table: green when the law's share is met, orange when not. */
export function CompositionTags({ checks }: { checks: Check[] }) {
  if (checks.length === 0) return <span className="muted">—</span>;
  return (
    <Space size={4} wrap>
      {checks.map((c) => (
        <Tooltip key={c.label} title={`${c.message}。依据：${c.source}`}>
          <Tag color={c.ok ? 'success' : 'warning'}>
            {c.label} {c.count}/{c.total}
            {c.ok ? ' 符合' : ' 不足'}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

/** The full wording with the law it comes from, above a body's member list. */
export function CompositionAlerts({ checks }: { checks: Check[] }) {
  if (checks.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
      {checks.map((c) => (
        <Alert
          key={c.label}
          type={c.ok ? 'success' : 'warning'}
          showIcon
          title={c.message}
          description={`依据：${c.source}${c.ok ? '' : '。这只是提醒，不影响开会；请在换届或补选时调整。'}`}
        />
      ))}
    </Space>
  );
}
