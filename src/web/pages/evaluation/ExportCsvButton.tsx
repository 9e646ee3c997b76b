import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../app/download';
import { apiQuery, type EvalQuery } from './useEvalQuery';

/** The CSV of exactly the rows on screen (the API answers the same query as text/csv, UTF-8 with BOM). */
export function ExportCsvButton({ path, query }: { path: string; query: EvalQuery }) {
  const { t } = useTranslation('evaluation');
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await downloadFile(
        `${path}?${apiQuery(query, { format: 'csv' }).toString()}`,
        `${query.objectType}-${query.period}.csv`,
      );
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>
      {t('actions.exportCsv')}
    </Button>
  );
}
