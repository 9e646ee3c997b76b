/** 季度等级: the quarter's grading of units and officers, and the scheme it was computed with. */
import { Form, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { formatNumber } from '../../../i18n/format';
import { ErrorAlert } from '../ErrorAlert';
import { ToneTag, type Tone } from '../ToneTag';
import type { Grading } from '../types';
import { useLoad } from '../../../app/useLoad';
import { useUnitNames } from '../useUnitNames';
import { indicatorKey, isQuarter, recentQuarters } from './quarters';
import { SchemeView } from './SchemeView';

type Graded = Grading['units'][number] | Grading['officers'][number];
const GRADE_TONES: Record<string, Tone> = { excellent: 'green', good: 'blue', pass: 'yellow', fail: 'red' };

export default function GradingPage() {
  const { t } = useTranslation('oversight');
  const [params, setParams] = useSearchParams();
  const quarters = recentQuarters();
  const asked = params.get('quarter');
  const quarter = isQuarter(asked) ? asked : (quarters[0] as string);
  const units = useUnitNames();
  const grading = useLoad(
    async () => unwrap(await api.GET('/api/supervision/grading', { params: { query: { quarter } } })),
    [quarter],
  );
  const indicators = grading.data?.scheme.indicators.map((i) => i.key) ?? [];
  const columns = (first: ColumnsType<Graded>[number]): ColumnsType<Graded> => [
    first,
    { title: t('grading.score'), key: 'score', align: 'right', render: (_, r) => formatNumber(r.score, 1) },
    {
      title: t('grading.grade'),
      key: 'grade',
      render: (_, r) => (
        <ToneTag tone={GRADE_TONES[r.grade] ?? 'grey'}>{t(`grading.grades.${r.grade}`)}</ToneTag>
      ),
    },
    ...indicators.map((k) => ({
      title: t(indicatorKey(k), { defaultValue: k }),
      key: k,
      align: 'right' as const,
      render: (_: unknown, r: Graded) => formatNumber(r.indicators[k] ?? 0),
    })),
  ];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('grading.title')}
      </Typography.Title>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('grading.quarter')} htmlFor="grading-quarter">
          <Select
            id="grading-quarter"
            style={{ width: 140 }}
            value={quarter}
            onChange={(q: string) => setParams({ quarter: q }, { replace: true })}
            options={(quarters.includes(quarter) ? quarters : [quarter, ...quarters]).map((q) => ({
              value: q,
              label: t('grading.quarterLabel', { year: q.slice(0, 4), q: q.slice(5) }),
            }))}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={grading.error} />
      <Typography.Title level={2} style={{ fontSize: 17 }}>
        {t('grading.units')}
      </Typography.Title>
      <Table
        rowKey={(r) => ('unitCode' in r ? r.unitCode : String(r.accountId))}
        size="small"
        loading={grading.loading}
        dataSource={grading.data?.units ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="grading-units"
        columns={columns({
          title: t('grading.unit'),
          key: 'unit',
          render: (_, r) => ('unitCode' in r ? units.name(r.unitCode) : ''),
        })}
      />
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 20 }}>
        {t('grading.officers')}
      </Typography.Title>
      <Table
        rowKey={(r) => ('accountId' in r ? String(r.accountId) : r.unitCode)}
        size="small"
        loading={grading.loading}
        dataSource={grading.data?.officers ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('grading.noOfficers') }}
        columns={columns({
          title: t('grading.officer'),
          key: 'officer',
          render: (_, r) => ('accountId' in r ? (r.name ?? t('cards.officer', { id: r.accountId })) : ''),
        })}
      />
      {grading.data && <SchemeView scheme={grading.data.scheme} version={grading.data.schemeVersion} />}
    </>
  );
}
