import { useState } from 'react';
import { Alert, App, Button, Descriptions, Result, Spin, Steps, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, FileWordOutlined } from '@ant-design/icons';
import type { MatterDetail } from '../../../core/contract/matters';
import { call } from '../api/client';
import { useCall, useSetCall } from '../api/queries';
import { showDate } from './labels';
import { StepContent } from './StepContent';
import { StepFormModal } from './StepFormModal';
import { useExport } from '../app/useExport';

interface Props {
  matterId: number;
  onBack(): void;
}

/** One 四议两公开 matter: its six steps in order; only the next one can be recorded. */
export function MatterDetailView({ matterId, onBack }: Props) {
  const { message } = App.useApp();
  const [recording, setRecording] = useState<number | null>(null);
  const { isBusy, run } = useExport();

  const { data, error, reload: load } = useCall('matters.get', { id: matterId });
  const matter: MatterDetail | null = data ?? null;
  const put = useSetCall();
  const setMatter = (next: MatterDetail) => put('matters.get', { id: matterId }, next);

  if (!matter) {
    return error ? (
      <Result
        status="warning"
        title="这个事项没有打开"
        subTitle={error}
        extra={[
          <Button key="retry" type="primary" onClick={() => void load()}>
            再试一次
          </Button>,
          <Button key="back" onClick={onBack}>
            返回事项列表
          </Button>,
        ]}
      />
    ) : (
      <Spin description="正在打开事项…">
        <div style={{ height: 160 }} />
      </Spin>
    );
  }

  const done = matter.steps.filter((s) => s.recorded).length;

  return (
    <div className="matter-detail">
      <div className="toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
          返回事项列表
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {matter.title}
        </Typography.Title>
        <Tag color={matter.nextStep ? 'processing' : 'success'}>{matter.nextStep ? `已完成 ${done}/${matter.steps.length} 步` : '六步全部完成'}</Tag>
        <div className="toolbar-spacer" />
        <Button
          icon={<FileWordOutlined />}
          loading={isBusy('form')}
          onClick={() => void run('四议两公开登记表', () => call('matters.export', { id: matter.id }), { key: 'form' })}
        >
          导出登记表
        </Button>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Descriptions
        size="small"
        bordered
        column={3}
        style={{ marginBottom: 24 }}
        items={[
          { key: 'category', label: '类别', children: matter.category ?? '—' },
          { key: 'created', label: '登记日期', children: showDate(matter.createdOn) },
          { key: 'one', label: '书记、主任“一肩挑”', children: matter.bothPostsOnePerson ? '是' : '否' },
          ...(matter.content ? [{ key: 'content', label: '事项内容', span: 3, children: <div className="followup-pre">{matter.content}</div> }] : []),
        ]}
      />
      <Steps
        orientation="vertical"
        current={matter.nextStep ? matter.nextStep - 1 : matter.steps.length}
        items={matter.steps.map((s) => ({
          key: s.step,
          status: s.recorded ? 'finish' : s.step === matter.nextStep ? 'process' : 'wait',
          title: `第${s.step}步 ${s.name}`,
          subTitle: s.form,
          content: <StepContent step={s} isNext={s.step === matter.nextStep} onRecord={() => setRecording(s.step)} />,
        }))}
      />
      {recording != null && (
        <StepFormModal
          matter={matter}
          step={recording}
          onClose={() => setRecording(null)}
          onSaved={(next) => {
            setRecording(null);
            setMatter(next);
            message.success(next.nextStep ? `已登记第${recording}步；下一步：${next.nextStepName ?? ''}` : '六个步骤已全部登记');
          }}
        />
      )}
    </div>
  );
}
