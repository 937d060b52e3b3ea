import { Alert, Modal, Table, Typography } from 'antd';
import type { Topic } from '../../../core/contract/topics';
import { EMPTY, useCall } from '../api/queries';
import { TopicStatusTag } from './labels';
import { openTopic } from './route';

interface Props {
  person: { id: number; name: string };
  onClose(): void;
}

/** From the roster: the topics this resident has raised; a click opens the topic. */
export function PersonTopicsModal({ person, onClose }: Props) {
  const { data, pending: loading, error } = useCall('topics.byPerson', { personId: person.id });
  const items: Topic[] = data?.items ?? EMPTY;

  const open = (id: number) => {
    onClose();
    openTopic(id);
  };

  return (
    <Modal title={`${person.name}反映的议题`} open onCancel={onClose} footer={null} destroyOnHidden width={720} className="person-topics">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<Topic>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        onRow={(t) => ({ onClick: () => open(t.id), className: 'clickable-row' })}
        locale={{ emptyText: `${person.name}还没有反映过议题。在“议题”页登记时选择名册中的居民，就会出现在这里。` }}
        columns={[
          { title: '收到日期', dataIndex: 'receivedOn', width: 120 },
          {
            title: '议题',
            dataIndex: 'title',
            render: (_: unknown, t) => (
              <Typography.Link
                onClick={(e) => {
                  e.stopPropagation();
                  open(t.id);
                }}
              >
                {t.title}
              </Typography.Link>
            ),
          },
          { title: '状态', dataIndex: 'status', width: 120, render: (_: unknown, t) => <TopicStatusTag status={t.status} /> },
        ]}
      />
    </Modal>
  );
}
