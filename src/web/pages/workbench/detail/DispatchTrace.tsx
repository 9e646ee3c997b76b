/** "Why here?": for each dispatch of the case, the unit, the basis, the rule that matched and those passed over. */
import { List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';
import { unitName, useReference } from '../reference';
import type { HistoryEvent } from '../types';
import { readDispatchTrace, type TraceLineKind } from './trace';

const LINE_COLORS: Record<TraceLineKind, string> = {
  target: 'blue',
  basis: 'geekblue',
  chosen: '#237804',
  skipped: 'default',
  other: 'default',
};

export function DispatchTrace({ events }: { events: HistoryEvent[] }) {
  const { t } = useTranslation('workbench');
  const ref = useReference();
  const dispatches = events.filter(
    (e) => e.name === 'cases.case.dispatched' || e.name === 'cases.case.redispatched',
  );
  if (dispatches.length === 0) return <Typography.Text>{t('trace.none')}</Typography.Text>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="dispatch-trace">
      {dispatches.map((e) => {
        const trace = readDispatchTrace(e.payload);
        const manual = e.name === 'cases.case.redispatched' || trace.mode === 'manual';
        return (
          <div key={e.seq}>
            <Typography.Paragraph strong style={{ marginBottom: 4 }}>
              {t('trace.at', { time: formatDateTime(e.at), unit: unitName(ref, trace.unitCode) })} ·{' '}
              {manual ? t('trace.manual') : t('trace.auto')}
              {trace.principle && (
                <> · {t(`trace.principle.${trace.principle}`, { defaultValue: trace.principle })}</>
              )}
            </Typography.Paragraph>
            {trace.reason && (
              <Typography.Paragraph>{t('trace.manualReason', { reason: trace.reason })}</Typography.Paragraph>
            )}
            {trace.lines.length > 0 && (
              <List
                size="small"
                bordered
                dataSource={trace.lines}
                renderItem={(line) => (
                  <List.Item>
                    <Space align="start">
                      <Tag color={LINE_COLORS[line.kind]}>{t(`trace.${line.kind}`)}</Tag>
                      <span>{line.text}</span>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </div>
        );
      })}
    </Space>
  );
}
