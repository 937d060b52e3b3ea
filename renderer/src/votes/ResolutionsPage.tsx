import { Empty } from 'antd';

/** 决议 list for an organization (filled in by the votes work). */
export function ResolutionsPage(props: { orgId: number }) {
  void props;
  return <Empty description="决议列表正在建设中" />;
}
