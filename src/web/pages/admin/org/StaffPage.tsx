/** Staff accounts with their unit, roles and data scope: list (filter by role / unit), create, edit. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { StaffFormModal } from './StaffFormModal';
import { STAFF_ROLES, type StaffMember, type StaffRole } from './types';
import { useUnits } from './useUnits';

export default function StaffPage() {
  const { t } = useTranslation(['admin', 'common']);
  const units = useUnits();
  const [role, setRole] = useState<StaffRole | undefined>();
  const [unitCode, setUnitCode] = useState<string | undefined>();
  const [rows, setRows] = useState<StaffMember[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<StaffMember | 'new' | null>(null);
  const [tick, setTick] = useState(0);
  const unitNames = useMemo(() => new Map((units.data ?? []).map((u) => [u.code, u.name])), [units.data]);

  async function load(after: string | null) {
    setLoading(true);
    try {
      const page = unwrap(
        await api.GET('/api/org/staff', {
          params: {
            query: {
              limit: 100,
              ...(role ? { role } : {}),
              ...(unitCode ? { unitCode } : {}),
              ...(after ? { cursor: after } : {}),
            },
          },
        }),
      );
      setRows((prev) => (after ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }

  // From the first page whenever a filter changes or a save lands (tick).
  useEffect(() => {
    void load(null);
  }, [role, unitCode, tick]);

  const unitOptions = (units.data ?? []).map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('staff.title')}
      </Typography.Title>
      {error && <Alert type="error" title={t('common.loadFailed', { message: error })} />}
      <Form layout="inline" style={{ rowGap: 8 }}>
        <Form.Item label={t('staff.filterRole')} htmlFor="staff-role">
          <Select
            id="staff-role"
            allowClear
            style={{ width: 160 }}
            placeholder={t('staff.all')}
            value={role}
            onChange={setRole}
            options={STAFF_ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('staff.filterUnit')} htmlFor="staff-unit">
          <Select
            id="staff-unit"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 260 }}
            placeholder={t('staff.all')}
            value={unitCode}
            onChange={setUnitCode}
            options={unitOptions}
          />
        </Form.Item>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('common.create')}
        </Button>
      </Form>
      <Table
        rowKey="accountId"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('staff.username'), dataIndex: 'username', width: 140 },
          { title: t('staff.displayName'), dataIndex: 'displayName', width: 120 },
          {
            title: t('staff.roles'),
            dataIndex: 'roles',
            render: (roles: string[]) => roles.map((r) => <Tag key={r}>{t(`common:roles.${r}`)}</Tag>),
          },
          { title: t('staff.unit'), dataIndex: 'unitCode', render: (c: string) => unitNames.get(c) ?? c },
          {
            title: t('staff.scope'),
            dataIndex: 'scope',
            render: (s: StaffMember['scope']) =>
              s.all
                ? t('staff.scopeAll')
                : t('staff.scopeSummary', {
                    regions: s.regionCodes.join('、') || '—',
                    units: s.unitCodes.map((c) => unitNames.get(c) ?? c).join('、') || '—',
                  }),
          },
          { title: t('staff.phone'), dataIndex: 'phone', width: 130, render: (p: string | null) => p ?? '—' },
          {
            title: t('common:actions.more'),
            key: 'edit',
            width: 90,
            render: (_, s) => (
              <Button
                size="small"
                autoInsertSpace={false}
                onClick={() => setEditing(s)}
                aria-label={`${t('common.edit')} ${s.displayName}`}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      {cursor && (
        <Button onClick={() => void load(cursor)} loading={loading}>
          {t('staff.loadMore')}
        </Button>
      )}
      {editing && (
        <StaffFormModal
          member={editing === 'new' ? null : editing}
          unitOptions={unitOptions}
          onClose={(saved) => {
            setEditing(null);
            if (saved) setTick((n) => n + 1);
          }}
        />
      )}
    </Space>
  );
}
