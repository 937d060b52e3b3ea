import { Button, Result, Spin } from 'antd';

/** What the window shows while it reads who is signed in and which organization is current. */
export function Opening() {
  return (
    <div className="welcome-screen">
      <Spin size="large" description="正在打开议事厅…" />
    </div>
  );
}

/** The start could not read the data file: say so, and offer to try again. */
export function OpenFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <Result
      status="error"
      title="议事厅没有打开"
      subTitle={message}
      extra={
        <Button type="primary" onClick={onRetry}>
          再试一次
        </Button>
      }
    />
  );
}
