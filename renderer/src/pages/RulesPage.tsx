import { useCallback } from 'react';
import { Card, Typography } from 'antd';
import { useCurrentOrg } from '../org/OrgContext';
import { orgWording } from '../../../core/documents/wording';
import { RuleList } from '../rules/RuleList';
import { RuleWorkspace } from '../rules/RuleWorkspace';
import { useRulesRoute, type RuleTab } from '../rules/route';
import '../meetings/meetings.css';
import '../rules/rules.css';

/** 村规民约: the list of rule documents, or one document's workspace. */
export function RulesPage() {
  const org = useCurrentOrg();
  const [route, go] = useRulesRoute();
  const docId = route.kind === 'doc' ? route.id : null;
  const back = useCallback(() => go({ kind: 'list' }), [go]);
  const openTab = useCallback((tab: RuleTab) => docId && go({ kind: 'doc', id: docId, tab }), [go, docId]);
  if (route.kind === 'doc') return <RuleWorkspace key={route.id} docId={route.id} tab={route.tab} onTab={openTab} onBack={back} />;
  return (
    <Card>
      <Typography.Title level={3} className="page-title">
        {orgWording(org.kind).convention}
      </Typography.Title>
      <RuleList orgId={org.id} onOpen={(id) => go({ kind: 'doc', id, tab: 'text' })} />
    </Card>
  );
}
