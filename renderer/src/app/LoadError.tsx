import { Alert, Button } from 'antd';

/** A list that failed to load says why and offers to try again; what was shown stays. */
export function LoadError({ message, onRetry }: { message: string | null; onRetry: () => void }) {
  if (!message) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={message}
      action={
        <Button size="small" onClick={onRetry}>
          再试一次
        </Button>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
