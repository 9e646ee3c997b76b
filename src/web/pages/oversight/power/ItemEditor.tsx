/**
 * Edit one item of the draft: every field has its own input, and the lists (legal basis, duties per stage,
 * accountability situations, delegations) are rows that can be added and removed. The server checks it all
 * again; its 400 names the offending field (e.g. `item.legalBasis.0.article`).
 */
import { Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ErrorAlert } from '../ErrorAlert';
import type { PowerItem } from '../types';
import { useUnitNames } from '../useUnitNames';
import {
  fromForm,
  LIST_FIELDS,
  POWER_SOURCES,
  POWER_TYPES,
  RESPONSIBILITY_STAGES,
  TIME_UNITS,
  toForm,
  type ItemForm,
} from './item-form';
import { ListFieldEditor } from './ListFieldEditor';
import { useSubmit } from '../useSubmit';

interface Props {
  item: PowerItem;
  revision: number;
  units: Record<string, string>;
  onClose: () => void;
  onSaved: () => void;
}

export function ItemEditor({ item, revision, onClose, onSaved }: Props) {
  const { t } = useTranslation(['oversight', 'common']);
  const [form] = Form.useForm<ItemForm>();
  const units = useUnitNames();
  const { busy, error, run } = useSubmit();
  const stages = RESPONSIBILITY_STAGES.map((s) => ({ value: s, label: t(`common:power.stages.${s}`) }));

  async function save(v: ItemForm) {
    const built = fromForm(item.code, v);
    await run(async () => {
      unwrap(
        await api.PUT('/api/oversight/power-list/draft/items/{code}', {
          params: { path: { code: item.code } },
          body: { revision, item: built },
        }),
      );
      onSaved();
    });
  }

  const unitSelect = <Select showSearch optionFilterProp="label" options={units.options} />;
  const limit = (name: 'statutory' | 'promised') => (
    <Row gutter={8}>
      <Col span={10}>
        <Form.Item name={`${name}Value`} label={t(`power.${name}Limit`)}>
          <InputNumber min={1} max={3650} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={14}>
        <Form.Item name={`${name}Unit`} label={t('power.limitUnit', { limit: t(`power.${name}Limit`) })}>
          <Select
            allowClear
            options={TIME_UNITS.map((u) => ({ value: u, label: t(`common:power.units.${u}`) }))}
          />
        </Form.Item>
      </Col>
    </Row>
  );
  return (
    <Modal
      open
      width={760}
      title={t('power.editTitle', { code: item.code })}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={toForm(item)} onFinish={(v) => void save(v)}>
        <Form.Item name="name" label={t('power.name')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item name="type" label={t('power.type')}>
              <Select options={POWER_TYPES.map((x) => ({ value: x, label: t(`common:power.types.${x}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="source" label={t('power.source')}>
              <Select
                options={POWER_SOURCES.map((x) => ({ value: x, label: t(`common:power.sources.${x}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="implementingUnitCode" label={t('power.detail.implementing')}>
          {unitSelect}
        </Form.Item>
        <Form.Item name="acceptingUnitCode" label={t('power.detail.accepting')}>
          {unitSelect}
        </Form.Item>
        <Form.Item name="decidingUnitCode" label={t('power.detail.deciding')}>
          {unitSelect}
        </Form.Item>
        {limit('statutory')}
        {limit('promised')}
        <Form.Item name="simpleProcedureAllowed" label={t('power.detail.simple')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {LIST_FIELDS.map((f) => (
          <ListFieldEditor key={f} field={f} stages={stages} units={units.options} />
        ))}
      </Form>
    </Modal>
  );
}
