/**
 * Saving an admin form against the version it read: success closes with a message; a 409 (someone changed
 * the record meanwhile) closes too, with a warning, so the list reloads the current version; any other error
 * stays in the form.
 */
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';

export function useVersionedSave(editing: boolean, onClose: (saved: boolean) => void) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(write: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await write();
      void message.success(t('common.saved'));
      onClose(true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && editing) {
        void message.warning(t('common.conflict'));
        onClose(true);
        return;
      }
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }
  return { error, busy, run };
}
