/** One power item in full: bodies, delegations, legal basis, duties per stage and accountability situations. */
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PowerItem } from '../types';
import { LimitText } from './LimitText';

export function PowerItemDetail({ item, units }: { item: PowerItem; units: Record<string, string> }) {
  const { t } = useTranslation('oversight');
  const unit = (code: string) => units[code] ?? code;
  const row = (key: string, children: React.ReactNode) => ({
    key,
    label: t(`power.detail.${key}`),
    children,
  });
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      data-testid="power-item-detail"
      items={[
        row('implementing', unit(item.implementingUnitCode)),
        row('accepting', unit(item.acceptingUnitCode)),
        row('deciding', unit(item.decidingUnitCode)),
        row(
          'limits',
          <>
            {t('power.statutoryLimit')} <LimitText limit={item.statutoryLimit} /> · {t('power.promisedLimit')}{' '}
            <LimitText limit={item.promisedLimit} />
          </>,
        ),
        row(
          'legalBasis',
          <ul style={{ margin: 0 }}>
            {item.legalBasis.map((b, i) => (
              <li key={i}>
                《{b.law}》{b.article} {b.text}
              </li>
            ))}
          </ul>,
        ),
        row(
          'responsibilities',
          <ul style={{ margin: 0 }}>
            {item.responsibilities.map((r, i) => (
              <li key={i}>
                <strong>{t(`common:power.stages.${r.stage}`)}</strong>：{r.duty}
                {r.basis && `（${r.basis}）`}
              </li>
            ))}
          </ul>,
        ),
        row(
          'accountability',
          <ul style={{ margin: 0 }}>
            {item.accountability.map((a, i) => (
              <li key={i}>
                {a.situation}（{a.basis}）
              </li>
            ))}
          </ul>,
        ),
        row(
          'delegations',
          item.delegations.length
            ? item.delegations
                .map((d) => unit(d.unitCode) + (d.scopeRemark ? `（${d.scopeRemark}）` : ''))
                .join('、')
            : '—',
        ),
        row('simple', item.simpleProcedureAllowed ? t('power.yes') : t('power.no')),
      ]}
    />
  );
}
