/** Create a unit, or change one with the version read (a stale version is refused with 409). */
import { Alert, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { useVersionedSave } from './useVersionedSave';
import { codeList, UNIT_KINDS, type Unit, type UnitKind } from './types';

interface Values {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode?: string;
  regionCodes?: string;
  active: boolean;
  dutyPhone?: string;
  contactPhone?: string;
  address?: string;
  contractRef?: string;
}

const orNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

export function UnitFormModal(props: {
  unit: Unit | null;
  units: Unit[];
  onClose: (saved: boolean) => void;
}) {
  const { t } = useTranslation('admin');
  const [form] = Form.useForm<Values>();
  const u = props.unit;
  const { error, busy, run } = useVersionedSave(u !== null, props.onClose);

  async function save(v: Values) {
    const body = {
      name: v.name.trim(),
      kind: v.kind,
      parentCode: v.parentCode ?? null,
      regionCodes: codeList(v.regionCodes),
      active: v.active,
      dutyPhone: orNull(v.dutyPhone),
      contactPhone: orNull(v.contactPhone),
      address: orNull(v.address),
      contractRef: orNull(v.contractRef),
    };
    await run(async () => {
      if (u) {
        unwrap(
          await api.PUT('/api/org/units/{code}', {
            params: { path: { code: u.code } },
            body: { ...body, version: u.version },
          }),
        );
      } else {
        unwrap(await api.POST('/api/org/units', { body: { ...body, code: v.code.trim() } }));
      }
    });
  }

  return (
    <Modal
      open
      title={u ? t('units.editTitle', { code: u.code }) : t('units.newTitle')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(false)}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{
          code: u?.code,
          name: u?.name,
          kind: u?.kind ?? 'department',
          parentCode: u?.parentCode ?? undefined,
          regionCodes: u?.regionCodes.join(', '),
          active: u?.active ?? true,
          dutyPhone: u?.dutyPhone ?? undefined,
          contactPhone: u?.contactPhone ?? undefined,
          address: u?.address ?? undefined,
          contractRef: u?.contractRef ?? undefined,
        }}
      >
        <Form.Item label={t('units.code')} name="code" rules={[{ required: true }]}>
          <Input disabled={!!u} />
        </Form.Item>
        <Form.Item label={t('units.name')} name="name" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('units.kind')} name="kind" rules={[{ required: true }]}>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item label={t('units.parent')} name="parentCode">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('units.none')}
            options={props.units
              .filter((x) => x.code !== u?.code)
              .map((x) => ({ value: x.code, label: `${x.name}（${x.code}）` }))}
          />
        </Form.Item>
        <Form.Item label={t('units.regions')} name="regionCodes" extra={t('units.regionsHint')}>
          <Input />
        </Form.Item>
        <Form.Item label={t('units.dutyPhone')} name="dutyPhone">
          <Input />
        </Form.Item>
        <Form.Item label={t('units.contactPhone')} name="contactPhone">
          <Input />
        </Form.Item>
        <Form.Item label={t('units.address')} name="address">
          <Input />
        </Form.Item>
        <Form.Item label={t('units.contractRef')} name="contractRef">
          <Input />
        </Form.Item>
        <Form.Item label={t('units.active')} name="active" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
      {error && <Alert type="error" role="alert" title={error} />}
    </Modal>
  );
}
