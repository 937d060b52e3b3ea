import { useCallback, useRef, type ReactNode } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';

export interface DiscardGuard {
  /** The Modal's onCancel: Esc, 取消 and the close X. */
  onCancel(): void;
  /** Notices typing anywhere in the Modal (controlled inputs as well as antd Form fields). */
  modalRender(node: ReactNode): ReactNode;
  /** A modal kept mounted starts clean each time it opens. */
  afterOpenChange(open: boolean): void;
}

/**
 * Closes a form modal at once when nothing was typed, otherwise only after the user confirms
 * to throw the typing away ("放弃已填写的内容？" 继续填写 / 放弃). Spread onto the Modal in place
 * of its onCancel: `<Modal {...useConfirmDiscard(onClose, form)} …>`. With an antd form, any
 * touched field counts (a Select picked, a date chosen); without, any typing or choice in it.
 */
export function useConfirmDiscard(onClose: () => void, form?: Pick<FormInstance, 'isFieldsTouched'>): DiscardGuard {
  const { modal } = App.useApp();
  const asking = useRef(false);
  const changed = useRef(false);

  const close = useCallback(() => {
    changed.current = false;
    onClose();
  }, [onClose]);

  const onCancel = useCallback(() => {
    if (asking.current) return;
    if (!changed.current && !form?.isFieldsTouched()) {
      close();
      return;
    }
    asking.current = true;
    modal.confirm({
      title: '放弃已填写的内容？',
      content: '刚才填写的内容还没有保存，放弃后需要重新填写。',
      okText: '放弃',
      okButtonProps: { danger: true },
      cancelText: '继续填写',
      autoFocusButton: 'cancel',
      onOk: () => {
        asking.current = false;
        close();
      },
      onCancel: () => {
        asking.current = false;
      },
    });
  }, [modal, form, close]);

  const modalRender = useCallback(
    (node: ReactNode) => (
      <div
        onChangeCapture={() => {
          changed.current = true;
        }}
      >
        {node}
      </div>
    ),
    [],
  );

  const afterOpenChange = useCallback((open: boolean) => {
    if (!open) changed.current = false;
  }, []);

  return { onCancel, modalRender, afterOpenChange };
}
