import { useState } from 'react';
import { App, Button, Space, Steps, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, ArrowRightOutlined, AuditOutlined, EditOutlined, FileDoneOutlined, NotificationOutlined } from '@ant-design/icons';
import type { RuleDocDetail } from '../../../core/contract/rules';
import { StageFormModal, type StageForm } from './StageFormModal';
import { StageTag, dateWords } from './labels';
import type { RuleTab } from './route';

interface Props {
  doc: RuleDocDetail;
  onBack(): void;
  onTab(tab: RuleTab): void;
  onDoc(doc: RuleDocDetail): void;
}

/** Title, kind, the procedure as steps with their dates, and what to do at the current step. */
export function RuleHeader({ doc, onBack, onTab, onDoc }: Props) {
  const { message } = App.useApp();
  const [form, setForm] = useState<StageForm | null>(null);
  const stages = doc.stages.filter((s) => s !== '已公布');
  const current = doc.stage === '已公布' ? stages.length : stages.indexOf(doc.stage);
  const stepOf = (stage: string) => [...doc.steps].reverse().find((s) => s.cycle === doc.cycle && s.stage === stage);
  const reviewed = Boolean(stepOf('提请审核')?.opinion);

  return (
    <div className="meeting-header rule-header">
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={onBack} className="back-link">
        返回规约列表
      </Button>
      <div className="meeting-title-row">
        <Typography.Title level={3} className="page-title meeting-title">
          {doc.title}
        </Typography.Title>
        <Tag className="tag-large">{doc.kind}</Tag>
        <StageTag stage={doc.stage} large />
        {doc.cycle > 1 && <Tag>第 {doc.cycle} 轮修订</Tag>}
        <div className="toolbar-spacer" />
        <Space wrap>
          {['宣传发动', '征集民意', '拟定草案'].includes(doc.stage) && doc.nextStage && (
            <Button type="primary" icon={<ArrowRightOutlined />} onClick={() => setForm('advance')}>
              进入下一步：{doc.nextStage}
            </Button>
          )}
          {doc.stage === '提请审核' && (
            <>
              <Button type={reviewed ? 'default' : 'primary'} icon={<AuditOutlined />} onClick={() => setForm('review')}>
                登记审核意见
              </Button>
              <Button type={reviewed ? 'primary' : 'default'} icon={<ArrowRightOutlined />} onClick={() => setForm('advance')}>
                进入下一步：审议表决
              </Button>
            </>
          )}
          {doc.stage === '审议表决' && (
            <Button type="primary" icon={<ArrowRightOutlined />} onClick={() => onTab('adoption')}>
              去“表决与备案”
            </Button>
          )}
          {doc.stage === '备案' && (
            <Button type="primary" icon={<FileDoneOutlined />} onClick={() => setForm('file')}>
              登记备案
            </Button>
          )}
          {doc.stage === '公布' && (
            <Button type="primary" icon={<NotificationOutlined />} onClick={() => setForm('publish')}>
              登记公布
            </Button>
          )}
          {doc.stage === '已公布' && (
            <Button icon={<EditOutlined />} onClick={() => setForm('revise')}>
              启动修订
            </Button>
          )}
        </Space>
      </div>
      <Steps
        className="rule-steps"
        size="small"
        current={current}
        items={stages.map((s, i) => {
          const step = stepOf(s);
          return { title: s, content: step && i <= current ? dateWords(step.date) : undefined };
        })}
      />
      {form && (
        <StageFormModal
          doc={doc}
          form={form}
          onClose={() => setForm(null)}
          onDone={(next, note) => {
            setForm(null);
            message.success(note);
            onDoc(next);
          }}
        />
      )}
    </div>
  );
}
