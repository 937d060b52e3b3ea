import { Alert, Button, Card, Result, Spin, Tabs } from 'antd';
import { AdoptionTab } from './AdoptionTab';
import { AmendmentsTab } from './AmendmentsTab';
import { OpinionsTab } from './OpinionsTab';
import { RecordTab } from './RecordTab';
import { RuleHeader } from './RuleHeader';
import { FilingReviews } from '../exchange/FilingReviews';
import { TextTab } from './TextTab';
import { VersionsTab } from './VersionsTab';
import type { RuleTab } from './route';
import { useRuleDoc } from './useRuleDoc';

interface Props {
  docId: number;
  tab: RuleTab;
  onTab(tab: RuleTab): void;
  onBack(): void;
}

/** One rule document: header with the procedure, then 条文 · 意见 · 修改建议 · 版本对比 · 表决与备案 · 记录. */
export function RuleWorkspace({ docId, tab, onTab, onBack }: Props) {
  const { doc, setDoc, loading, error, reload } = useRuleDoc(docId);
  if (loading && !doc) {
    return (
      <Card>
        <Spin description="正在打开规约…">
          <div style={{ height: 200 }} />
        </Spin>
      </Card>
    );
  }
  if (!doc) {
    return (
      <Card>
        <Result
          status="warning"
          title="这份规约没有打开"
          subTitle={error ?? '找不到这份规约，可能已被删除'}
          extra={[
            <Button key="retry" type="primary" onClick={() => void reload()}>
              再试一次
            </Button>,
            <Button key="back" onClick={onBack}>
              返回规约列表
            </Button>,
          ]}
        />
      </Card>
    );
  }
  const changed = () => void reload();
  return (
    <Card className="workspace">
      <RuleHeader doc={doc} onBack={onBack} onTab={onTab} onDoc={setDoc} />
      <FilingReviews docId={doc.id} />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      <Tabs
        className="workspace-tabs"
        activeKey={tab}
        onChange={(k) => onTab(k as RuleTab)}
        destroyOnHidden
        items={[
          { key: 'text', label: `条文（${doc.articleCount}）`, children: <TextTab doc={doc} onDoc={setDoc} /> },
          {
            key: 'opinions',
            label: doc.pendingOpinions ? `意见（${doc.pendingOpinions} 条待处理）` : `意见（${doc.opinionCount}）`,
            children: <OpinionsTab doc={doc} onChanged={changed} />,
          },
          {
            key: 'amendments',
            label: doc.pendingAmendments ? `修改建议（${doc.pendingAmendments} 项待处理）` : '修改建议',
            children: <AmendmentsTab doc={doc} onDoc={setDoc} onChanged={changed} />,
          },
          { key: 'versions', label: '版本对比', children: <VersionsTab doc={doc} /> },
          { key: 'adoption', label: '表决与备案', children: <AdoptionTab doc={doc} onDoc={setDoc} /> },
          { key: 'record', label: '记录', children: <RecordTab doc={doc} /> },
        ]}
      />
    </Card>
  );
}
