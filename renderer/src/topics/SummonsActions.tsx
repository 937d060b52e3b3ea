import { useState } from 'react';
import { App, Button, Space } from 'antd';
import type { Summons } from '../../../core/contract/summons';
import { SummonsCompleteModal } from './SummonsCompleteModal';
import { SummonsEvaluateModal } from './SummonsEvaluateModal';
import { SummonsReportModal } from './SummonsReportModal';
import { SummonsUpdateModal } from './SummonsUpdateModal';

type Dialog = 'report' | 'update' | 'complete' | 'evaluate' | null;

/** 报到 · 更新承诺 · 办结 while open; 评价 once done. */
export function SummonsActions({ summons: s, onChanged }: { summons: Summons; onChanged(): void }) {
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const done = (text: string) => {
    setDialog(null);
    message.success(text);
    onChanged();
  };
  return (
    <>
      <Space size={4} wrap>
        {!s.closedAt && !s.reportedAt && (
          <Button size="small" type="primary" aria-label={`${s.department}报到`} onClick={() => setDialog('report')}>
            报到
          </Button>
        )}
        {!s.closedAt && (
          <Button size="small" aria-label={`更新${s.department}的承诺`} onClick={() => setDialog('update')}>
            更新承诺
          </Button>
        )}
        {!s.closedAt && (
          <Button size="small" aria-label={`${s.department}办结`} onClick={() => setDialog('complete')}>
            办结
          </Button>
        )}
        {s.closedAt && (
          <Button size="small" aria-label={`评价${s.department}`} onClick={() => setDialog('evaluate')}>
            {s.evaluation ? '改评价' : '评价'}
          </Button>
        )}
      </Space>
      {dialog === 'report' && <SummonsReportModal summons={s} onClose={() => setDialog(null)} onSaved={() => done(`已登记${s.department}报到`)} />}
      {dialog === 'update' && <SummonsUpdateModal summons={s} onClose={() => setDialog(null)} onSaved={() => done('已更新承诺')} />}
      {dialog === 'complete' && <SummonsCompleteModal summons={s} onClose={() => setDialog(null)} onSaved={() => done(`已登记${s.department}办结`)} />}
      {dialog === 'evaluate' && <SummonsEvaluateModal summons={s} onClose={() => setDialog(null)} onSaved={() => done('已保存评价')} />}
    </>
  );
}
