import type { ReactNode } from 'react';
import { Card, Empty, Table, type TableColumnsType } from 'antd';
import { openHash } from './links';

interface Props<T> {
  title: string;
  /** The page the card's "查看全部" opens. */
  pageHref: string;
  pageLabel: string;
  rows: T[];
  rowKey: (row: T) => string | number;
  rowHref: (row: T) => string;
  columns: TableColumnsType<T>;
  /** What an empty list means, in words: "没有待分办的议题". */
  empty: ReactNode;
  testId: string;
  /** Red background for a late row. */
  rowAlarm?: (row: T) => boolean;
}

/** A 首页 card: a short table whose rows open the item, or a sentence saying there is nothing to do. */
export function HomeListCard<T extends object>({ title, pageHref, pageLabel, rows, rowKey, rowHref, columns, empty, testId, rowAlarm }: Props<T>) {
  return (
    <Card
      title={title}
      className="home-card"
      data-testid={testId}
      extra={
        <a href={pageHref} className="home-card-more">
          {pageLabel}
        </a>
      }
    >
      <Table<T>
        size="small"
        rowKey={rowKey}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false, hideOnSinglePage: true } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
        rowClassName={(row) => (rowAlarm?.(row) ? 'home-row home-row-alarm' : 'home-row')}
        onRow={(row) => ({
          onClick: (e) => {
            // A link inside the row navigates by itself.
            if ((e.target as HTMLElement).closest('a')) return;
            openHash(rowHref(row));
          },
        })}
      />
    </Card>
  );
}
