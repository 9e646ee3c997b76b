/**
 * 月度通报: the server's printable HTML, sanitised and shown in a shadow root (an iframe would hide it from
 * assistive-technology checks and test tools), and the workbook download. Tenant-wide viewers only; others see why.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, rawFetch } from '../../api/client';
import { BulletinView } from './BulletinView';
import { downloadFile } from '../../app/download';
import { PeriodPicker } from './PeriodPicker';
import { useEvalQuery } from './useEvalQuery';
import { useLoad } from '../../app/useLoad';
import { useSchemes } from './useSchemes';

export default function BulletinPage() {
  const { t } = useTranslation('evaluation');
  const { message } = App.useApp();
  const [query, update] = useEvalQuery();
  const schemes = useSchemes();
  const params = new URLSearchParams({ period: query.period });
  if (query.scheme) params.set('scheme', query.scheme);
  const html = useLoad(async () => {
    const res = await rawFetch(`/api/evaluation/bulletin?${params.toString()}&format=html`);
    return res.text();
  }, [params.toString()]);
  const forbidden = html.error instanceof ApiError && html.error.status === 403;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('bulletin.title')}
      </Typography.Title>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }}>
        <PeriodPicker
          value={query.period}
          onChange={(period) => update({ period })}
          kinds={['month', 'quarter', 'year']}
        />
        <Form.Item label={t('filters.scheme')} htmlFor="bulletin-scheme">
          <Select
            id="bulletin-scheme"
            style={{ width: 240 }}
            value={query.scheme ?? 'jinhua'}
            onChange={(scheme: string) => update({ scheme })}
            options={(schemes.data ?? []).map((s) => ({ value: s.code, label: s.name }))}
          />
        </Form.Item>
        <Button
          icon={<DownloadOutlined />}
          disabled={forbidden}
          onClick={() =>
            void downloadFile(
              `/api/evaluation/bulletin?${params.toString()}&format=xlsx`,
              `bulletin-${query.period}.xlsx`,
            ).catch((e: Error) => message.error(e.message))
          }
        >
          {t('bulletin.downloadXlsx')}
        </Button>
      </Form>
      {forbidden && <Alert type="info" title={t('bulletin.needsTenantScope')} />}
      {html.error && !forbidden && (
        <Alert type="error" title={t('errors.loadFailed', { message: html.error.message })} />
      )}
      {html.data && (
        <BulletinView html={html.data} label={t('bulletin.frameTitle', { period: query.period })} />
      )}
    </>
  );
}
