import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import type { MeetingType, RuleSet } from '../../../core/contract/meeting-types';
import { thresholdWords } from '../../../core/rules/fraction';
import { lawCitation, NO_STATUTE } from '../../../core/rules/citation';
import { call } from '../api/client';
import { EMPTY, useCall } from '../api/queries';
import { useReportError } from '../app/useReportError';
import { CopyTypeModal } from './CopyTypeModal';
import { basisShortWords, denominatorWords, effectiveWords, noticeWords, passWords, quorumWords, shortLawName } from './ruleWords';

/** 会议类型: every type's versions with the law's words, and 复制为本地类型. */
export function MeetingTypesPanel({ orgId }: { orgId: number }) {
  const { message } = App.useApp();
  const reportError = useReportError();
  const [copying, setCopying] = useState<{ type: MeetingType; version: RuleSet } | null>(null);

  const { data, loading, error, reload: load } = useCall('meetingTypes.list', { orgId });
  const types: MeetingType[] = data?.items ?? EMPTY;

  async function archive(t: MeetingType) {
    try {
      await call('meetingTypes.archive', { id: t.id });
      message.success(`已停用“${t.name}”，以前的会议不受影响`);
      await load();
    } catch (e) {
      reportError(e, '没有停用');
    }
  }

  const nameOf = (id: number | null) => types.find((t) => t.id === id)?.name;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        每次会议按召开日期适用当时有效的版本（见“适用日期”一列）；已经建立的会议保留当时的规则，以后修改类型也不受影响。 点击每行左侧的“+”可以查看条文要点。
      </Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          action={
            <Button size="small" onClick={() => void load()}>
              再试一次
            </Button>
          }
        />
      )}
      {loading && types.length === 0 && <Card loading />}
      {types.map((t) => (
        <Card
          key={t.id}
          size="small"
          title={
            <Space>
              <span className="type-name">{t.name}</span>
              {t.builtIn ? <Tag>内置</Tag> : <Tag color="blue">本地类型{t.copiedFromId ? `（复制自${nameOf(t.copiedFromId) ?? '内置类型'}）` : ''}</Tag>}
            </Space>
          }
          extra={
            !t.builtIn && (
              <Popconfirm
                title={`停用“${t.name}”？`}
                description="停用后新建会议时不再显示，以前的会议不受影响。"
                okText="停用"
                cancelText="取消"
                onConfirm={() => archive(t)}
              >
                <Button size="small" danger>
                  停用
                </Button>
              </Popconfirm>
            )
          }
        >
          <Table<RuleSet>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={t.versions}
            aria-label={`${t.name}的规则版本`}
            expandable={{
              expandedRowRender: (v) => (
                <div className="law-text">
                  <Typography.Text strong>{v.definition.statutory ? lawCitation(v.definition.source) : NO_STATUTE}</Typography.Text>
                  <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{v.definition.source.text}</Typography.Paragraph>
                </div>
              ),
              rowExpandable: (v) => Boolean(v.definition.source.text),
            }}
            tableLayout="fixed"
            columns={[
              {
                title: '版本',
                dataIndex: 'label',
                width: 150,
                render: (label: string, v) => (
                  <div>
                    <div>{label}</div>
                    <Typography.Text type="secondary">{effectiveWords(v)}</Typography.Text>
                  </div>
                ),
              },
              {
                title: '出席要求',
                key: 'quorum',
                render: (_: unknown, v) =>
                  v.definition.bases.length === 1 ? (
                    quorumWords(v.definition.bases[0]!.quorum)
                  ) : (
                    <div>
                      {v.definition.bases.map((b, i) => (
                        <div key={b.basis}>
                          {i > 0 ? '或' : '按'}
                          {basisShortWords[b.basis]}：{b.quorum ? `须${thresholdWords(b.quorum)}` : '无人数要求'}
                        </div>
                      ))}
                      <Typography.Text type="secondary">开会时选定一种</Typography.Text>
                    </div>
                  ),
              },
              {
                title: '通过要求',
                key: 'pass',
                width: 180,
                render: (_: unknown, v) => (
                  <div>
                    <div>{passWords(v.definition)}</div>
                    <Typography.Text type="secondary">
                      {denominatorWords(v.definition)}
                      {v.definition.tieFails ? '；平票不通过' : ''}
                    </Typography.Text>
                  </div>
                ),
              },
              { title: '通知期', key: 'notice', width: 150, render: (_: unknown, v) => noticeWords(v.definition) },
              {
                title: '依据',
                key: 'source',
                width: 210,
                render: (_: unknown, v) =>
                  v.definition.statutory ? (
                    <Tooltip title={lawCitation(v.definition.source)}>
                      <div>
                        <div>{shortLawName(v.definition.source.law)}</div>
                        <Typography.Text type="secondary">{v.definition.source.articles}</Typography.Text>
                      </div>
                    </Tooltip>
                  ) : (
                    <span>
                      本地规则<Typography.Text type="secondary">（{NO_STATUTE}）</Typography.Text>
                    </span>
                  ),
              },
              {
                title: '操作',
                key: 'actions',
                width: 170,
                render: (_: unknown, v) => (
                  <Button
                    size="small"
                    icon={<CopyOutlined />}
                    onClick={() => setCopying({ type: t, version: v })}
                    aria-label={`复制为本地类型：${t.name}${v.label}`}
                  >
                    复制为本地类型
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      ))}
      {copying && (
        <CopyTypeModal
          orgId={orgId}
          type={copying.type}
          version={copying.version}
          onClose={() => setCopying(null)}
          onCopied={(copied) => {
            setCopying(null);
            message.success(`已新建本地类型“${copied.name}”`);
            void load();
          }}
        />
      )}
    </Space>
  );
}
