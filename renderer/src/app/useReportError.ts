import { useCallback } from 'react';
import { App } from 'antd';
import { errorMessage } from '../api/client';

/** Shows a failed action as a dialog in plain Chinese; the screen's state is left as it was. */
export function useReportError() {
  const { modal } = App.useApp();
  return useCallback(
    (error: unknown, title = '操作没有完成') => {
      modal.error({ title, content: errorMessage(error), okText: '知道了' });
    },
    [modal],
  );
}
