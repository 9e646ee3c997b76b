/** 部件/事件 → 大类 → 小类 → 立案标准 (with its time limit), the recently used rows offered first. */
import { Button, Flex, Form, Radio, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recentFirst } from './recent-categories';
import type { CategoryKind, Standard, Taxonomy, TimeLimit } from './useTaxonomy';

export interface PickedCategory {
  kind: CategoryKind;
  majorCode: string;
  minorCode: string;
  standardId: string;
}

interface Props {
  taxonomy: Taxonomy;
  recent: readonly string[];
  value: PickedCategory | null;
  onChange: (value: PickedCategory | null) => void;
}

export function useTimeLimitText(): (limit: TimeLimit) => string {
  const { t } = useTranslation('mobile');
  return (limit) => t(`timeUnits.${limit.unit}`, { amount: limit.amount, defaultValue: `${limit.amount}` });
}

export function CategoryPicker({ taxonomy, recent, value, onChange }: Props) {
  const { t } = useTranslation(['mobile', 'common']);
  const limitText = useTimeLimitText();
  const [kind, setKind] = useState<CategoryKind>(value?.kind ?? 'event');
  const [major, setMajor] = useState<string | null>(value?.majorCode ?? null);
  const [minor, setMinor] = useState<string | null>(value?.minorCode ?? null);

  const minorName = useMemo(() => {
    const names = new Map(taxonomy.minors.map((m) => [`${m.kind}-${m.majorCode}-${m.code}`, m.name]));
    return (s: Standard) => names.get(`${s.kind}-${s.majorCode}-${s.minorCode}`) ?? s.minorCode;
  }, [taxonomy]);
  const recentRows = useMemo(
    () =>
      recent
        .map((id) => taxonomy.standards.find((s) => s.id === id))
        .filter((s): s is Standard => s !== undefined),
    [recent, taxonomy],
  );
  const majors = taxonomy.majors.filter((m) => m.kind === kind);
  const minors = recentFirst(
    taxonomy.minors.filter((m) => m.kind === kind && m.majorCode === major),
    (m) => m.code,
    recentRows.filter((s) => s.kind === kind && s.majorCode === major).map((s) => s.minorCode),
  );
  const rows = recentFirst(
    taxonomy.standards.filter((s) => s.kind === kind && s.majorCode === major && s.minorCode === minor),
    (s) => s.id,
    recent,
  );

  const pick = (s: Standard) => {
    setKind(s.kind);
    setMajor(s.majorCode);
    setMinor(s.minorCode);
    onChange({ kind: s.kind, majorCode: s.majorCode, minorCode: s.minorCode, standardId: s.id });
  };

  return (
    <Flex vertical gap={12}>
      {recentRows.length > 0 && (
        <section aria-labelledby="cz-recent-categories">
          <Typography.Text strong id="cz-recent-categories">
            {t('picker.recent')}
          </Typography.Text>
          <Flex wrap gap={8} style={{ marginTop: 6 }}>
            {recentRows.map((s) => (
              <Button
                key={s.id}
                size="large"
                type={value?.standardId === s.id ? 'primary' : 'default'}
                aria-pressed={value?.standardId === s.id}
                onClick={() => pick(s)}
                style={{ height: 'auto', minHeight: 44, whiteSpace: 'normal', textAlign: 'left' }}
              >
                {minorName(s)} · {s.filingCondition}
              </Button>
            ))}
          </Flex>
        </section>
      )}
      <Form.Item label={t('picker.kind')} style={{ marginBottom: 0 }}>
        <Radio.Group
          aria-label={t('picker.kind')}
          optionType="button"
          buttonStyle="solid"
          size="large"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as CategoryKind);
            setMajor(null);
            setMinor(null);
            onChange(null);
          }}
          options={[
            { value: 'component', label: t('common:categoryType.component') },
            { value: 'event', label: t('common:categoryType.event') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('picker.major')} htmlFor="cz-major" style={{ marginBottom: 0 }}>
        <Select
          id="cz-major"
          size="large"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('picker.choose')}
          value={major}
          onChange={(v: string) => {
            setMajor(v);
            setMinor(null);
            onChange(null);
          }}
          options={majors.map((m) => ({ value: m.code, label: `${m.code} ${m.name}` }))}
        />
      </Form.Item>
      <Form.Item label={t('picker.minor')} htmlFor="cz-minor" style={{ marginBottom: 0 }}>
        <Select
          id="cz-minor"
          size="large"
          disabled={!major}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('picker.choose')}
          value={minor}
          onChange={(v: string) => {
            setMinor(v);
            const only = taxonomy.standards.filter(
              (s) => s.kind === kind && s.majorCode === major && s.minorCode === v,
            );
            // A minor with a single row needs no second choice.
            if (only.length === 1 && only[0]) pick(only[0]);
            else onChange(null);
          }}
          options={minors.map((m) => ({ value: m.code, label: `${m.code} ${m.name}` }))}
        />
      </Form.Item>
      {rows.length > 0 && (
        <Form.Item label={t('picker.standard')} style={{ marginBottom: 0 }} data-testid="standard-rows">
          <Radio.Group
            aria-label={t('picker.standard')}
            value={value?.standardId ?? null}
            onChange={(e) => {
              const s = rows.find((r) => r.id === e.target.value);
              if (s) pick(s);
            }}
          >
            <Flex vertical gap={8}>
              {rows.map((s) => (
                <Radio key={s.id} value={s.id} style={{ minHeight: 44, alignItems: 'flex-start' }}>
                  <span>{s.filingCondition}</span>
                  <br />
                  <Typography.Text>{t('picker.limit', { limit: limitText(s.timeLimit) })}</Typography.Text>
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
      )}
    </Flex>
  );
}
