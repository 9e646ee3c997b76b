/** 立案: the standard row, offered from the case's own category first (the reporter's choice preselected). */
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReference, minorKey } from '../../reference';
import type { CaseView } from '../../types';

export function FileFields({ c }: { c: CaseView }) {
  const { t } = useTranslation('workbench');
  const ref = useReference();
  const own = minorKey(c.categoryType, c.majorCode, c.minorCode);
  const rows = [...(ref?.standards ?? [])].sort(
    (a, b) =>
      Number(minorKey(b.kind, b.majorCode, b.minorCode) === own) -
      Number(minorKey(a.kind, a.majorCode, a.minorCode) === own),
  );
  const label = (s: (typeof rows)[number]) => {
    const minor = ref?.minors.get(minorKey(s.kind, s.majorCode, s.minorCode))?.name ?? '';
    return `${s.id} ${minor} · ${s.filingCondition}`;
  };
  return (
    <Form.Item
      name="standardId"
      label={t('forms.standard')}
      initialValue={c.standardId ?? undefined}
      rules={[{ required: true, message: t('forms.standardRequired') }]}
    >
      <Select
        showSearch
        optionFilterProp="label"
        loading={!ref}
        options={rows.map((s) => ({ value: s.id, label: label(s) }))}
      />
    </Form.Item>
  );
}
