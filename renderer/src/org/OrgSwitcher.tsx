import { useState } from 'react';
import { App, Button, Select, Space } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useOrgs } from './OrgContext';
import { OrgFormModal } from './OrgFormModal';
import { useReportError } from '../app/useReportError';

/** The header's "which committee am I working for" control. */
export function OrgSwitcher() {
  const { items, current, switchTo, reload } = useOrgs();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [dialog, setDialog] = useState<'create' | 'rename' | null>(null);

  async function change(id: number) {
    try {
      await switchTo(id);
      const org = items.find((o) => o.id === id);
      if (org) message.success(`已切换到“${org.name}”`);
    } catch (error) {
      reportError(error, '没有切换成功');
    }
  }

  return (
    <Space wrap>
      <span>当前议事主体：</span>
      <Select
        aria-label="当前议事主体"
        style={{ minWidth: 220 }}
        value={current?.id}
        onChange={change}
        options={items.map((o) => ({ value: o.id, label: `${o.name}（${o.kind}）` }))}
      />
      <Button icon={<PlusOutlined />} onClick={() => setDialog('create')}>
        新建议事主体
      </Button>
      <Button icon={<EditOutlined />} onClick={() => setDialog('rename')} disabled={!current}>
        重命名
      </Button>
      <OrgFormModal
        open={dialog === 'create'}
        onClose={() => setDialog(null)}
        onSaved={async (org) => {
          await switchTo(org.id);
          message.success(`已新建“${org.name}”，并切换到它`);
        }}
      />
      {current && (
        <OrgFormModal
          organization={current}
          open={dialog === 'rename'}
          onClose={() => setDialog(null)}
          onSaved={async (org) => {
            await reload();
            message.success(`已改名为“${org.name}”`);
          }}
        />
      )}
    </Space>
  );
}
