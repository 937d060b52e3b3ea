import { useState } from 'react';
import { App, Button, Popconfirm, Space, Typography } from 'antd';
import type { PersonRow } from '../../../core/contract/people';
import { call } from '../api/client';
import { useReportError } from '../app/useReportError';
import { isIsoDate } from '../../../core/date-input';
import { DateField } from '../app/DateField';
import { useClock } from '../app/useClock';

interface Props {
  person: PersonRow;
  onChanged(): void;
}

/** "标记迁出" with the date it happened, or "恢复在册" for someone who moved back. */
export function StatusActions({ person, onChanged }: Props) {
  const { message } = App.useApp();
  const reportError = useReportError();
  const clock = useClock();
  const [movedAt, setMovedAt] = useState<string | null>(clock.today);
  const movedAtOk = isIsoDate(movedAt) && movedAt <= clock.today;

  async function setStatus(status: '在册' | '迁出') {
    try {
      await call('people.setStatus', {
        id: person.id,
        status,
        // Left at today, the date is the service's own "today" (null), so a clock or time-zone
        // difference between the window and the service can never make today "later than today".
        movedAt: status === '迁出' && isIsoDate(movedAt) && movedAt !== clock.today ? movedAt : null,
      });
      message.success(status === '迁出' ? `已把${person.name}标记为迁出` : `${person.name}已恢复在册`);
      onChanged();
    } catch (error) {
      reportError(error, '没有改成功');
    }
  }

  if (person.status === '迁出') {
    return (
      <Popconfirm title={`把${person.name}恢复为在册？`} okText="恢复在册" cancelText="取消" placement="topRight" onConfirm={() => setStatus('在册')}>
        <Button size="small" aria-label={`恢复${person.name}为在册`}>
          恢复在册
        </Button>
      </Popconfirm>
    );
  }
  return (
    <Popconfirm
      title={`确认${person.name}已经迁出？`}
      description={
        <Space orientation="vertical" size={4}>
          <Typography.Text>迁出后不再出现在“在册”名单里，记录仍然保留，可以随时恢复。</Typography.Text>
          <Space align="start">
            <span style={{ lineHeight: '32px' }}>迁出日期</span>
            <DateField
              aria-label="迁出日期"
              value={movedAt}
              onChange={setMovedAt}
              allowClear={false}
              max={clock.today}
              getPopupContainer={(trigger) => trigger.parentElement ?? document.body}
            />
          </Space>
        </Space>
      }
      okText="确认迁出"
      cancelText="取消"
      placement="topRight"
      onConfirm={() => setStatus('迁出')}
      okButtonProps={{ disabled: !movedAtOk }}
      onOpenChange={(open) => {
        if (open) setMovedAt(clock.today);
      }}
    >
      <Button size="small" aria-label={`标记${person.name}迁出`}>
        迁出
      </Button>
    </Popconfirm>
  );
}
