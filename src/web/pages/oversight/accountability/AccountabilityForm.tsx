/** Record or change a 问责 decision: subject (officer or unit), outcome, basis, note and the cards it rests on. */
import { Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { formatDateTime } from '../../../i18n/format';
import { ErrorAlert } from '../ErrorAlert';
import { OUTCOMES, type Accountability, type AccountabilityOutcome } from '../types';
import { useLoad } from '../../../app/useLoad';
import { useStaffOptions } from '../useStaffOptions';
import { useSubmit } from '../useSubmit';

interface Values {
  subjectKind: 'officer' | 'unit';
  subjectAccountId?: number;
  subjectUnitCode?: string;
  outcome: AccountabilityOutcome;
  basis: string;
  note?: string;
  cardIds: string[];
}

interface Props {
  record: Accountability | null;
  initialCardIds: string[];
  units: { value: string; label: string }[];
  onClose: () => void;
  onSaved: () => void;
}

export function AccountabilityForm({ record, initialCardIds, units, onClose, onSaved }: Props) {
  const { t } = useTranslation(['oversight', 'common']);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('subjectKind', form);
  const { busy, error, run } = useSubmit();
  const cards = useLoad(
    async () => unwrap(await api.GET('/api/supervision/cards', { params: { query: { limit: 200 } } })).items,
    [],
  );
  const unitName = (code: string) => units.find((u) => u.value === code)?.label ?? code;
  const staff = useStaffOptions(unitName, kind === 'officer' && !record);
  const cardOptions = (cards.data ?? []).map((c) => ({
    value: c.id,
    label: `${t(`common:warnings.${c.severity}`)} · ${c.caseNo ?? c.target.id} · ${c.ruleId} · ${formatDateTime(c.firedAt)}`,
  }));

  async function save(v: Values) {
    const common = { outcome: v.outcome, basis: v.basis, note: v.note?.trim() || null, cardIds: v.cardIds };
    await run(async () => {
      if (record) {
        unwrap(
          await api.PUT('/api/supervision/accountability/{id}', {
            params: { path: { id: record.id } },
            body: { version: record.version, ...common },
          }),
        );
      } else {
        unwrap(
          await api.POST('/api/supervision/accountability', {
            body: {
              subjectKind: v.subjectKind,
              subjectAccountId: v.subjectKind === 'officer' ? (v.subjectAccountId ?? null) : null,
              subjectUnitCode: v.subjectKind === 'unit' ? (v.subjectUnitCode ?? null) : null,
              ...common,
            },
          }),
        );
      }
      onSaved();
    });
  }

  return (
    <Modal
      open
      title={record ? t('accountability.edit') : t('accountability.create')}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={
          record
            ? { ...record, note: record.note ?? undefined }
            : { subjectKind: 'unit', outcome: 'reminderTalk', cardIds: initialCardIds }
        }
      >
        <Form.Item name="subjectKind" label={t('accountability.subjectKind')}>
          <Radio.Group
            disabled={!!record}
            options={(['unit', 'officer'] as const).map((k) => ({
              value: k,
              label: t(`accountability.kinds.${k}`),
            }))}
          />
        </Form.Item>
        {kind === 'officer' && record ? (
          <Form.Item label={t('accountability.officer')}>
            <Input disabled value={record.subjectName ?? String(record.subjectAccountId ?? '')} />
          </Form.Item>
        ) : kind === 'officer' ? (
          <Form.Item name="subjectAccountId" label={t('accountability.officer')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={staff.loading}
              options={staff.options}
              placeholder={t('accountability.pickOfficer')}
            />
          </Form.Item>
        ) : (
          <Form.Item name="subjectUnitCode" label={t('accountability.unit')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" disabled={!!record} options={units} />
          </Form.Item>
        )}
        <Form.Item name="outcome" label={t('accountability.outcome')} rules={[{ required: true }]}>
          <Select options={OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))} />
        </Form.Item>
        <Form.Item
          name="basis"
          label={t('accountability.basis')}
          rules={[{ required: true, min: 2, max: 500 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="note" label={t('accountability.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="cardIds"
          label={t('accountability.cards')}
          rules={[{ required: true, type: 'array', min: 1 }]}
        >
          <Select mode="multiple" optionFilterProp="label" loading={cards.loading} options={cardOptions} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
