/** One case: header with its deadline, the facts, standard row, place, photos, clocks, "why here?", history, actions. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../i18n/format';
import { ActionBar } from '../actions/ActionBar';
import { Countdown } from '../Countdown';
import '../messages';
import { categoryName, unitName, useReference } from '../reference';
import { useNow } from '../useNow';
import { WarningTag } from '../WarningTag';
import { Clocks } from './Clocks';
import { DispatchTrace } from './DispatchTrace';
import { Photos } from './Photos';
import { StandardCard } from './StandardCard';
import { Timeline } from './Timeline';
import { useCaseDetail } from './useCaseDetail';
import { Loading } from '../../../app/Loading';

const LocationMap = lazy(() => import('./LocationMap'));

const h2 = { fontSize: 16, margin: 0 } as const;

export default function CaseDetailPage() {
  const { t } = useTranslation(['workbench', 'common']);
  const ref = useReference();
  const now = useNow();
  const { ref: caseRef = '' } = useParams();
  const { c, history, error, loading, reload } = useCaseDetail(caseRef);
  const title = (text: string) => (
    <Typography.Title level={2} style={h2}>
      {text}
    </Typography.Title>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/console/work">
        <ArrowLeftOutlined /> {t('detail.back')}
      </Link>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {c?.caseNo ?? caseRef}
      </Typography.Title>
      {error && <Alert type="error" showIcon message={t('detail.loadFailed', { message: error.message })} />}
      {!c && loading && <Loading label={t('common:status.loading')} />}
      {c && (
        <>
          <Space wrap size="middle" data-testid="case-header">
            <Tag color="#0958d9" data-testid="case-stage">
              {t(`common:stages.${c.stage}`)}
            </Tag>
            <WarningTag warning={c.warning} />
            {c.overdue && <Tag color="red">{t('detail.overdue')}</Tag>}
            {c.deadline && (
              <Typography.Text>
                {formatDateTime(c.deadline)} · <Countdown deadline={c.deadline} now={now} />
              </Typography.Text>
            )}
          </Space>
          <Card title={title(t('detail.actions'))} size="small">
            <ActionBar c={c} onChanged={() => void reload()} reload={() => void reload()} />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <Card title={title(t('detail.facts'))} size="small">
                  <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                    <Descriptions.Item label={t('detail.description')} span={2}>
                      {c.description ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('detail.address')} span={2}>
                      {c.address ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('detail.category')}>
                      {c.categoryType ? `${t(`common:categoryType.${c.categoryType}`)} · ` : ''}
                      {categoryName(ref, c)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('detail.channel')}>
                      {t(`common:channels.${c.channel}`)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('detail.reportedAt')}>
                      {formatDateTime(c.reportedAt)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('detail.unit')}>
                      {unitName(ref, c.unitCode)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('detail.grid')}>{c.gridCode ?? '—'}</Descriptions.Item>
                    {c.pendingRequest && (
                      <Descriptions.Item label={t('detail.pending')}>
                        {t('detail.pendingText', {
                          kind: t(`queue.pending.${c.pendingRequest.kind}`),
                          reason: c.pendingRequest.reason,
                        })}
                      </Descriptions.Item>
                    )}
                    {c.onHoldUntil && (
                      <Descriptions.Item label={t('common:stages.held')}>
                        {t('detail.holdUntil', { date: formatDateTime(c.onHoldUntil) })}
                      </Descriptions.Item>
                    )}
                  </Descriptions>
                </Card>
                <Card title={title(t('detail.standard'))} size="small">
                  <StandardCard id={c.standardId} version={c.taxonomyVersion} />
                </Card>
                <Card title={title(t('clocks.title'))} size="small">
                  <Clocks timers={c.timers ?? []} />
                </Card>
                <Card title={title(t('trace.title'))} size="small">
                  <DispatchTrace events={history} />
                </Card>
              </Space>
            </Col>
            <Col xs={24} xl={10}>
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <Card title={title(t('detail.map'))} size="small">
                  <Suspense fallback={<div style={{ height: 240 }} />}>
                    <LocationMap
                      lng={c.location.coordinates[0]}
                      lat={c.location.coordinates[1]}
                      gridCode={c.gridCode}
                    />
                  </Suspense>
                </Card>
                <Card title={title(t('detail.photos'))} size="small">
                  <Photos before={c.photos} events={history} />
                </Card>
                <Card title={title(t('detail.timeline'))} size="small">
                  <Timeline events={history} />
                </Card>
              </Space>
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
