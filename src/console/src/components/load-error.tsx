/** A failed load: the server's Chinese message and a retry button (announced to screen readers). */
import { Alert, Button } from 'antd';
import { errorText } from '../api/client.js';

export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title="加载失败"
      description={errorText(error)}
      action={retry && <Button size="small" onClick={retry}>重试</Button>}
      style={{ marginBottom: 16 }}
    />
  );
}
