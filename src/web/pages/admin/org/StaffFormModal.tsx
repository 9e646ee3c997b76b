/** Create a staff account (initial password, changed at first sign-in) or change roles, unit, phone, scope. */
import { Alert, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { STAFF_ROLES, type StaffMember, type StaffRole } from './types';
import { useVersionedSave } from './useVersionedSave';

interface Values {
  username: string;
  displayName: string;
  password: string;
  phone?: string;
  roles: StaffRole[];
  unitCode: string;
  all: boolean;
  regionCodes: string[];
  unitCodes: string[];
}

export function StaffFormModal(props: {
  member: StaffMember | null;
  unitOptions: { value: string; label: string }[];
  onClose: (saved: boolean) => void;
}) {
  const { t } = useTranslation(['admin', 'common']);
  const [form] = Form.useForm<Values>();
  const m = props.member;
  const { error, busy, run } = useVersionedSave(m !== null, props.onClose);
  const all = Form.useWatch('all', form);

  async function save(v: Values) {
    const common = {
      phone: v.phone?.trim() ? v.phone.trim() : null,
      roles: v.roles,
      unitCode: v.unitCode,
      scope: { all: v.all, regionCodes: v.all ? [] : v.regionCodes, unitCodes: v.all ? [] : v.unitCodes },
    };
    await run(async () => {
      if (m) {
        unwrap(
          await api.PUT('/api/org/staff/{accountId}', {
            params: { path: { accountId: m.accountId } },
            body: { ...common, version: m.version },
          }),
        );
      } else {
        unwrap(
          await api.POST('/api/org/staff', {
            body: {
              ...common,
              username: v.username.trim(),
              displayName: v.displayName.trim(),
              password: v.password,
            },
          }),
        );
      }
    });
  }

  return (
    <Modal
      open
      title={m ? t('staff.editTitle', { name: m.displayName }) : t('staff.newTitle')}
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
          username: m?.username,
          displayName: m?.displayName,
          phone: m?.phone ?? undefined,
          roles: (m?.roles ?? []) as StaffRole[],
          unitCode: m?.unitCode,
          all: m?.scope.all ?? false,
          regionCodes: m?.scope.regionCodes ?? [],
          unitCodes: m?.scope.unitCodes ?? [],
        }}
      >
        <Form.Item label={t('staff.username')} name="username" rules={[{ required: true }]}>
          <Input disabled={!!m} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('staff.displayName')} name="displayName" rules={[{ required: true }]}>
          <Input disabled={!!m} />
        </Form.Item>
        {!m && (
          <Form.Item
            label={t('staff.password')}
            name="password"
            extra={t('staff.passwordHint')}
            rules={[{ required: true, min: 12 }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item label={t('staff.phone')} name="phone">
          <Input />
        </Form.Item>
        <Form.Item label={t('staff.roles')} name="roles" rules={[{ required: true }]}>
          <Select
            mode="multiple"
            options={STAFF_ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('staff.unit')} name="unitCode" rules={[{ required: true }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={props.unitOptions} />
        </Form.Item>
        <Form.Item label={t('staff.scopeAll')} name="all" valuePropName="checked">
          <Switch />
        </Form.Item>
        {!all && (
          <>
            <Form.Item label={t('staff.scopeRegions')} name="regionCodes">
              <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} />
            </Form.Item>
            <Form.Item label={t('staff.scopeUnits')} name="unitCodes">
              <Select
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                options={props.unitOptions}
              />
            </Form.Item>
          </>
        )}
      </Form>
      {error && <Alert type="error" role="alert" title={error} />}
    </Modal>
  );
}
