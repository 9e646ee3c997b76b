/** One power item's legal basis, duties, accountability and delegations (the expanded table row). */
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PowerItem } from './types';

export function PowerItemDetail({ item, units }: { item: PowerItem; units: Record<string, string> }) {
  const { t } = useTranslation('citizenPowerList');
  const unit = (code: string) => units[code] ?? code;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: 'accepting', label: t('detail.accepting'), children: unit(item.acceptingUnitCode) },
        { key: 'deciding', label: t('detail.deciding'), children: unit(item.decidingUnitCode) },
        {
          key: 'legal',
          label: t('detail.legalBasis'),
          children: (
            <ul>
              {item.legalBasis.map((b, i) => (
                <li key={i}>
                  《{b.law}》{b.article} {b.text}
                </li>
              ))}
            </ul>
          ),
        },
        {
          key: 'duties',
          label: t('detail.responsibilities'),
          children: (
            <ul>
              {item.responsibilities.map((r, i) => (
                <li key={i}>
                  <strong>{t(`common:power.stages.${r.stage}`)}</strong>：{r.duty}
                </li>
              ))}
            </ul>
          ),
        },
        {
          key: 'accountability',
          label: t('detail.accountability'),
          children: (
            <ul>
              {item.accountability.map((a, i) => (
                <li key={i}>{a.situation}</li>
              ))}
            </ul>
          ),
        },
        ...(item.delegations.length > 0
          ? [
              {
                key: 'delegations',
                label: t('detail.delegations'),
                children: item.delegations.map((d) => unit(d.unitCode)).join('、'),
              },
            ]
          : []),
        ...(item.simpleProcedureAllowed ? [{ key: 'simple', label: t('detail.simple'), children: '✓' }] : []),
      ]}
    />
  );
}
