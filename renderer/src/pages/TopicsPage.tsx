import { useCallback } from 'react';
import { useCurrentOrg } from '../org/OrgContext';
import { TopicDetailView } from '../topics/TopicDetailView';
import { TopicsSections } from '../topics/TopicsSections';
import { useTopicsRoute } from '../topics/route';
import '../topics/topics.css';

/** 议题: 议题征集 · 吹哨报到 · 统计; or one topic with its whole timeline. */
export function TopicsPage() {
  const org = useCurrentOrg();
  const [route, go] = useTopicsRoute();
  const back = useCallback(() => go({ kind: 'section', section: 'list' }), [go]);
  if (route.kind === 'topic')
    return <TopicDetailView key={route.id} orgId={org.id} topicId={route.id} onBack={back} onOpen={(id) => go({ kind: 'topic', id })} />;
  return <TopicsSections orgId={org.id} section={route.section} go={go} />;
}
