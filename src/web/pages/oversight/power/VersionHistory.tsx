/** Every published version with its period and reason, and the diff between any two of them. */
import { Button, Form, Select, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { formatDate, formatDateTime } from '../../../i18n/format';
import { ErrorAlert } from '../ErrorAlert';
import { ToneTag, type Tone } from '../ToneTag';
import { useLoad } from '../../../app/useLoad';
import { PowerDiffView } from './PowerDiffView';

const STATUS_TONES: Record<string, Tone> = {
  inForce: 'green',
  scheduled: 'blue',
  superseded: 'grey',
  neverInForce: 'orange',
};

export function VersionHistory() {
  const { t } = useTranslation('oversight');
  const history = useLoad(async () => unwrap(await api.GET('/api/oversight/power-list/versions')), []);
  const versions = (history.data?.items ?? []).map((v) => v.version).sort((a, b) => a - b);
  const [pair, setPair] = useState<{ from?: number; to?: number }>({});
  const [shown, setShown] = useState<{ from: number; to: number } | null>(null);
  useEffect(() => {
    const last = versions.at(-1);
    const before = versions.at(-2) ?? last;
    setPair({ from: before, to: last });
    // Only when the list of versions itself changes, not on every render.
  }, [versions.join(',')]);
  const diff = useLoad(
    async () =>
      shown
        ? unwrap(
            await api.GET('/api/oversight/power-list/versions/{from}/diff/{to}', {
              params: { path: { from: shown.from, to: shown.to } },
            }),
          )
        : undefined,
    [shown?.from, shown?.to],
    shown !== null,
  );
  const options = versions.map((v) => ({ value: v, label: t('power.versionN', { version: v }) }));
  return (
    <>
      <ErrorAlert error={history.error} />
      <Table
        rowKey="version"
        size="small"
        data-testid="power-versions"
        loading={history.loading}
        dataSource={history.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('power.version'),
            key: 'v',
            render: (_, v) => t('power.versionN', { version: v.version }),
          },
          { title: t('power.effectiveFrom'), key: 'from', render: (_, v) => formatDate(v.effectiveFrom) },
          { title: t('power.effectiveTo'), key: 'to', render: (_, v) => formatDate(v.effectiveTo) },
          {
            title: t('power.status'),
            key: 'status',
            render: (_, v) => (
              <ToneTag tone={STATUS_TONES[v.status] ?? 'grey'}>{t(`power.statuses.${v.status}`)}</ToneTag>
            ),
          },
          { title: t('power.itemCount'), dataIndex: 'itemCount', align: 'right' },
          { title: t('power.note'), dataIndex: 'note' },
          { title: t('power.publishedAt'), key: 'at', render: (_, v) => formatDateTime(v.publishedAt) },
        ]}
      />
      <Form
        layout="inline"
        style={{ margin: '16px 0' }}
        onFinish={() => pair.from && pair.to && setShown({ from: pair.from, to: pair.to })}
      >
        <Form.Item label={t('power.diffFrom')} htmlFor="diff-from">
          <Select
            id="diff-from"
            style={{ width: 120 }}
            value={pair.from}
            options={options}
            onChange={(from: number) => setPair((p) => ({ ...p, from }))}
          />
        </Form.Item>
        <Form.Item label={t('power.diffTo')} htmlFor="diff-to">
          <Select
            id="diff-to"
            style={{ width: 120 }}
            value={pair.to}
            options={options}
            onChange={(to: number) => setPair((p) => ({ ...p, to }))}
          />
        </Form.Item>
        <Button htmlType="submit" type="primary" disabled={!pair.from || !pair.to}>
          {t('power.compare')}
        </Button>
      </Form>
      <ErrorAlert error={diff.error} />
      {shown && diff.data && <PowerDiffView diff={diff.data} />}
    </>
  );
}
