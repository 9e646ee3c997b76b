/** 高发问题: the most filed categories, by street, and places where one problem keeps coming back. */
import { Alert, Card, Col, Form, InputNumber, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatNumber } from '../../i18n/format';
import { PeriodPicker } from './PeriodPicker';
import { useEvalQuery } from './useEvalQuery';
import { useLoad } from '../../app/useLoad';
import { useState } from 'react';

export default function HotspotsPage() {
  const { t } = useTranslation('evaluation');
  const [query, update] = useEvalQuery();
  const [repeatMin, setRepeatMin] = useState(3);
  const [limit, setLimit] = useState(20);
  const data = useLoad(
    async () =>
      unwrap(
        await api.GET('/api/evaluation/hotspots', {
          params: { query: { period: query.period, repeatMin, limit } },
        }),
      ),
    [query.period, repeatMin, limit],
  );
  const d = data.data;
  const filed = {
    title: t('hotspots.filed'),
    dataIndex: 'filed',
    align: 'right' as const,
    render: (n: number) => formatNumber(n),
  };
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('hotspots.title')}
      </Typography.Title>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }}>
        <PeriodPicker value={query.period} onChange={(period) => update({ period })} />
        <Form.Item label={t('hotspots.repeatMin')} htmlFor="hot-repeat">
          <InputNumber
            id="hot-repeat"
            min={2}
            max={100}
            value={repeatMin}
            onChange={(v) => v && setRepeatMin(v)}
          />
        </Form.Item>
        <Form.Item label={t('hotspots.limit')} htmlFor="hot-limit">
          <InputNumber id="hot-limit" min={5} max={100} value={limit} onChange={(v) => v && setLimit(v)} />
        </Form.Item>
      </Form>
      {data.error && <Alert type="error" title={t('errors.loadFailed', { message: data.error.message })} />}
      {d && (
        <Typography.Paragraph>
          {t('hotspots.heatGrids', { count: Object.keys(d.heat.grids).length })}
        </Typography.Paragraph>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('hotspots.categories')}>
            <Table
              size="small"
              rowKey="code"
              loading={data.loading}
              dataSource={d?.categories ?? []}
              pagination={false}
              columns={[
                { title: t('hotspots.category'), dataIndex: 'code' },
                {
                  title: t('hotspots.filed'),
                  dataIndex: 'n',
                  align: 'right',
                  render: (n: number) => formatNumber(n),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('hotspots.places')}>
            <Table
              size="small"
              rowKey={(r) => `${r.street}|${r.category}`}
              loading={data.loading}
              dataSource={d?.places ?? []}
              pagination={false}
              columns={[
                { title: t('hotspots.street'), dataIndex: 'street' },
                { title: t('hotspots.category'), dataIndex: 'category' },
                filed,
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('hotspots.repeats')}>
            <Table
              size="small"
              rowKey={(r) => `${r.grid}|${r.category}`}
              loading={data.loading}
              dataSource={d?.repeats ?? []}
              pagination={false}
              columns={[
                { title: t('hotspots.grid'), dataIndex: 'grid' },
                { title: t('hotspots.category'), dataIndex: 'category' },
                filed,
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
