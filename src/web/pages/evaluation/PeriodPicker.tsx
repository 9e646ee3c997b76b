/** A period: its kind (day … year) and a date picker of that kind, written as the API's period label. */
import { DatePicker, Form, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { parsePeriod, PERIOD_KINDS, periodLabel, type PeriodKind } from './period';

/** Formats that can also be typed into the picker; weeks and quarters are picked only. */
const TYPED_FORMATS: Partial<Record<PeriodKind, string>> = {
  day: 'YYYY-MM-DD',
  month: 'YYYY-MM',
  year: 'YYYY',
};

export function PeriodPicker(props: {
  value: string;
  onChange: (label: string) => void;
  kinds?: readonly PeriodKind[];
}) {
  const { t } = useTranslation('evaluation');
  const parsed = parsePeriod(props.value) ?? { kind: 'month' as const, date: dayjs() };
  const kinds = props.kinds ?? PERIOD_KINDS;
  return (
    <>
      {kinds.length > 1 && (
        <Form.Item label={t('filters.periodKind')} htmlFor="eval-period-kind">
          <Select
            id="eval-period-kind"
            style={{ width: 100 }}
            value={parsed.kind}
            onChange={(k: PeriodKind) => props.onChange(periodLabel(k, parsed.date))}
            options={kinds.map((k) => ({ value: k, label: t(`filters.kinds.${k}`) }))}
          />
        </Form.Item>
      )}
      <Form.Item label={t('filters.period')} htmlFor="eval-period">
        <DatePicker
          id="eval-period"
          data-testid="eval-period"
          picker={parsed.kind === 'day' ? 'date' : parsed.kind}
          value={parsed.date}
          allowClear={false}
          format={TYPED_FORMATS[parsed.kind] ?? ((d) => periodLabel(parsed.kind, d))}
          onChange={(d) => d && props.onChange(periodLabel(parsed.kind, d))}
        />
      </Form.Item>
    </>
  );
}
