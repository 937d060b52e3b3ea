import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Input, Radio, Typography } from 'antd';
import { DownloadOutlined, ImportOutlined, UserAddOutlined } from '@ant-design/icons';
import type { PersonRow } from '../../../core/contract/people';
import { useCurrentOrg } from '../org/OrgContext';
import { usePeopleList, type StatusFilter } from '../people/usePeopleList';
import { PeopleTable } from '../people/PeopleTable';
import { PersonFormModal } from '../people/PersonFormModal';
import { ExportRosterModal } from '../people/ExportRosterModal';
import { ImportWizard } from '../import/ImportWizard';

interface Props {
  openImportOnStart?: boolean;
  onImportOpened?(): void;
}

type Dialog = { kind: 'add' } | { kind: 'edit'; person: PersonRow } | { kind: 'import' } | { kind: 'export' } | null;

export function PeoplePage({ openImportOnStart, onImportOpened }: Props) {
  const org = useCurrentOrg();
  const { message } = App.useApp();
  const list = usePeopleList(org.id);
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<Dialog>(openImportOnStart ? { kind: 'import' } : null);
  const { update } = list;

  useEffect(() => {
    if (openImportOnStart) onImportOpened?.();
  }, [openImportOnStart, onImportOpened]);

  // Search as the user types, once they pause.
  const currentQuery = list.params.query;
  useEffect(() => {
    if (search === currentQuery) return;
    const timer = setTimeout(() => update({ query: search, page: 1 }), 300);
    return () => clearTimeout(timer);
  }, [search, currentQuery, update]);

  return (
    <Card>
      <Typography.Title level={3} className="page-title">
        人员名册
      </Typography.Title>
      <div className="toolbar">
        <Input.Search
          aria-label="搜索姓名、拼音或首字母"
          placeholder="搜索姓名、拼音或首字母，如 zs 找张三"
          allowClear
          style={{ width: 360 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => update({ query: value, page: 1 })}
        />
        <Radio.Group
          aria-label="人员状态"
          optionType="button"
          value={list.params.status}
          onChange={(e) => update({ status: e.target.value as StatusFilter, page: 1 })}
          options={[
            { label: '在册', value: '在册' },
            { label: '迁出', value: '迁出' },
            { label: '全部', value: '全部' },
          ]}
        />
        <div className="toolbar-spacer" />
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setDialog({ kind: 'add' })}>
          添加人员
        </Button>
        <Button icon={<ImportOutlined />} onClick={() => setDialog({ kind: 'import' })}>
          导入名册
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => setDialog({ kind: 'export' })}>
          导出名册
        </Button>
      </div>
      {list.error && (
        <Alert
          type="error"
          showIcon
          title={list.error}
          action={
            <Button size="small" onClick={() => void list.reload()}>
              再试一次
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <PeopleTable
        items={list.items}
        total={list.total}
        loading={list.loading}
        params={list.params}
        onParamsChange={update}
        onEdit={(person) => setDialog({ kind: 'edit', person })}
        onChanged={() => void list.reload()}
      />
      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <PersonFormModal
          orgId={org.id}
          person={dialog.kind === 'edit' ? dialog.person : undefined}
          open
          onClose={() => setDialog(null)}
          onSaved={(person) => {
            setDialog(null);
            message.success(dialog.kind === 'edit' ? `已保存${person.name}的信息` : `已添加${person.name}`);
            void list.reload();
          }}
        />
      )}
      <ExportRosterModal orgId={org.id} open={dialog?.kind === 'export'} onClose={() => setDialog(null)} />
      {dialog?.kind === 'import' && (
        <ImportWizard
          orgId={org.id}
          onClose={() => setDialog(null)}
          onImported={() => {
            update({ page: 1 });
            void list.reload();
          }}
        />
      )}
    </Card>
  );
}
