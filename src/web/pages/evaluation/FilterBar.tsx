/** Object type, period, scheme and sort of the ranking and indicator pages; `children` adds buttons. */
import { Form, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNT_KEYS, RATE_KEYS } from './indicators';
import { PeriodPicker } from './PeriodPicker';
import { OBJECT_TYPES, type EvalQuery } from './useEvalQuery';
import { useSchemes } from './useSchemes';

export function FilterBar(props: {
  query: EvalQuery;
  onChange: (patch: Partial<EvalQuery>) => void;
  withScheme?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation('evaluation');
  const schemes = useSchemes();
  const { query: q, onChange } = props;
  const sortOptions = [
    ...(q.scheme ? [{ value: 'score', label: t('filters.score') }] : []),
    ...RATE_KEYS.map((k) => ({ value: k, label: t(`rates.${k}`) })),
    ...COUNT_KEYS.map((k) => ({ value: k, label: t(`counts.${k}`) })),
  ];
  return (
    <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }}>
      <Form.Item label={t('filters.objectType')} htmlFor="eval-object-type">
        <Select
          id="eval-object-type"
          data-testid="eval-object-type"
          style={{ width: 130 }}
          value={q.objectType}
          onChange={(objectType) => onChange({ objectType })}
          options={OBJECT_TYPES.map((o) => ({ value: o, label: t(`objectTypes.${o}`) }))}
        />
      </Form.Item>
      <PeriodPicker value={q.period} onChange={(period) => onChange({ period })} />
      {props.withScheme && (
        <>
          <Form.Item label={t('filters.scheme')} htmlFor="eval-scheme">
            <Select
              id="eval-scheme"
              style={{ width: 240 }}
              allowClear
              placeholder={t('filters.noScheme')}
              value={q.scheme}
              loading={schemes.loading}
              onChange={(scheme?: string) =>
                onChange({ scheme, ...(scheme ? {} : q.sort === 'score' ? { sort: undefined } : {}) })
              }
              options={(schemes.data ?? []).map((s) => ({ value: s.code, label: s.name }))}
            />
          </Form.Item>
          <Form.Item label={t('filters.sort')} htmlFor="eval-sort">
            <Select
              id="eval-sort"
              data-testid="eval-sort"
              style={{ width: 180 }}
              showSearch={{ optionFilterProp: 'label' }}
              value={q.sort ?? (q.scheme ? 'score' : 'handledOnTimeRate')}
              onChange={(sort: string) => onChange({ sort })}
              options={sortOptions}
            />
          </Form.Item>
          <Form.Item label={t('filters.order')} htmlFor="eval-order">
            <Select
              id="eval-order"
              style={{ width: 120 }}
              value={q.order}
              onChange={(order: 'asc' | 'desc') => onChange({ order })}
              options={[
                { value: 'desc', label: t('filters.desc') },
                { value: 'asc', label: t('filters.asc') },
              ]}
            />
          </Form.Item>
        </>
      )}
      {props.children}
    </Form>
  );
}
