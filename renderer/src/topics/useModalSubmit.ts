import { useCallback, useState } from 'react';
import type { FormInstance } from 'antd';
import { errorMessage } from '../api/client';

/** Validate the form, run the call, keep the dialog open with the service's message if it refuses. */
export function useModalSubmit<V>(form: FormInstance<V>, action: (values: V) => Promise<void>) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = useCallback(async () => {
    let v: V;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await action(v);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }, [form, action]);
  return { saving, error, submit };
}
