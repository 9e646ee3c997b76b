/** A form's submission: busy while it runs, the API's error (or a local one) kept for inline display. */
import { useCallback, useState } from 'react';
import type { ApiError } from '../../api/client';
import { asApiError } from '../../api/client';

export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
      setError(null);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
