/** The card list's filters: status, severity, rule, unit, case, officer and the fired-at days. */
import { Button, Form, Input, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_STATUSES, SEVERITIES } from '../types';
import type { UnitNames } from '../useUnitNames';
import type { CardFilters } from './useCardQuery';

interface Props {
  filters: CardFilters;
  onChange: (patch: CardFilters) => void;
  onClear: () => void;
  units: UnitNames;
  rules: { value: string; label: string }[];
}

export function CardFilterBar({ filters, onChange, onClear, units, rules }: Props) {
  const { t } = useTranslation(['oversight', 'common']);
  const [form] = Form.useForm<CardFilters>();
  const key = JSON.stringify(filters);
  // The URL is the source of truth: back/forward and shared links refill the form.
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(JSON.parse(key) as CardFilters);
  }, [form, key]);
  const select = (name: keyof CardFilters) => (value: string | undefined) => onChange({ [name]: value });
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginBottom: 16, rowGap: 8 }}
      onFinish={(v) => onChange({ case: v.case?.trim(), officer: v.officer?.trim(), from: v.from, to: v.to })}
      data-testid="card-filters"
    >
      <Form.Item name="status" label={t('cards.filters.status')}>
        <Select
          allowClear
          style={{ width: 120 }}
          onChange={select('status')}
          options={CARD_STATUSES.map((s) => ({ value: s, label: t(`cards.statuses.${s}`) }))}
        />
      </Form.Item>
      <Form.Item name="severity" label={t('cards.filters.severity')}>
        <Select
          allowClear
          style={{ width: 110 }}
          onChange={select('severity')}
          options={SEVERITIES.map((s) => ({ value: s, label: t(`common:warnings.${s}`) }))}
        />
      </Form.Item>
      <Form.Item name="rule" label={t('cards.filters.rule')}>
        {rules.length > 0 ? (
          <Select allowClear style={{ width: 220 }} onChange={select('rule')} options={rules} />
        ) : (
          <Input style={{ width: 200 }} onBlur={(e) => onChange({ rule: e.target.value.trim() })} />
        )}
      </Form.Item>
      <Form.Item name="unit" label={t('cards.filters.unit')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 220 }}
          onChange={select('unit')}
          options={units.options}
        />
      </Form.Item>
      <Form.Item name="case" label={t('cards.filters.case')}>
        <Input style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="officer" label={t('cards.filters.officer')}>
        <Input style={{ width: 100 }} inputMode="numeric" />
      </Form.Item>
      <Form.Item name="from" label={t('cards.filters.from')}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="to" label={t('cards.filters.to')}>
        <Input type="date" />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('common:actions.search')}
          </Button>
          <Button onClick={onClear}>{t('common:actions.reset')}</Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
