/** 我的任务: 核实 (待核实) and 核查 (待核查) cases in the inspector's scope, nearest first. */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Segmented, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { formatNumber } from '../../../i18n/format';
import { usePosition } from '../report/usePosition';
import { pointOf, TASK_STAGES, type CaseView } from './case-view';
import { nearestFirst } from './distance';
import { Loading } from '../../../app/Loading';

type Filter = 'all' | 'verifying' | 'handled';

/** Solid tags (white text): Ant Design's light presets fall short of 4.5:1 contrast. */
export const STAGE_COLOR: Record<string, string> = { verifying: '#ad4e00', handled: '#531dab' };

export function useDistanceText(): (m: number | null) => string {
  const { t } = useTranslation('mobile');
  return (m) => {
    if (m === null) return t('tasks.noDistance');
    const value =
      m < 1000
        ? t('tasks.meters', { value: formatNumber(m) })
        : t('tasks.kilometers', { value: formatNumber(m / 1000, 1) });
    return t('tasks.distance', { distance: value });
  };
}

export default function TasksPage() {
  const { t } = useTranslation(['mobile', 'common']);
  const { position } = usePosition();
  const distanceText = useDistanceText();
  const [cases, setCases] = useState<CaseView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<Filter>('all');

  const load = useCallback(async () => {
    setError(null);
    try {
      const data = unwrap(
        await api.GET('/api/cases', {
          params: { query: { stage: TASK_STAGES.join(','), limit: 200, sort: 'reportedAt' } },
        }),
      );
      setCases(data.items);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const here: [number, number] | null = position ? [position.lng, position.lat] : null;
  const shown = nearestFirst(
    (cases ?? []).filter((c) => filter === 'all' || c.stage === filter),
    pointOf,
    here,
  );

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('tasks.title')}
        </Typography.Title>
        <Button
          size="large"
          icon={<ReloadOutlined />}
          onClick={() => void load()}
          aria-label={t('common:actions.refresh')}
        />
      </Flex>
      <Segmented<Filter>
        block
        size="large"
        aria-label={t('tasks.filter')}
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'all', label: t('tasks.filterAll') },
          { value: 'verifying', label: t('tasks.filterVerify') },
          { value: 'handled', label: t('tasks.filterCheck') },
        ]}
      />
      <Typography.Text>{here ? t('tasks.positionHint') : t('tasks.noPositionHint')}</Typography.Text>
      {error && <Alert type="error" showIcon title={error} />}
      {cases === null && !error ? (
        <Loading label={t('common:status.loading')} />
      ) : shown.length === 0 ? (
        <Empty description={t('tasks.empty')} />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="task-list">
          {shown.map(({ item: c, distance }) => (
            <li key={c.id} style={{ marginBottom: 8 }} data-testid="task-item" data-case-no={c.caseNo}>
              <Link to={`/m/tasks/${c.caseNo}`}>
                <Card size="small" hoverable>
                  <Flex justify="space-between" gap={8}>
                    <Tag color={STAGE_COLOR[c.stage] ?? '#434343'}>{t(`common:stages.${c.stage}`)}</Tag>
                    <Typography.Text strong data-testid="task-distance">
                      {distanceText(distance)}
                    </Typography.Text>
                  </Flex>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0 2px' }}>
                    {c.description}
                  </Typography.Paragraph>
                  <Typography.Text>
                    {c.caseNo}
                    {c.address ? ` · ${c.address}` : ''}
                  </Typography.Text>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}
