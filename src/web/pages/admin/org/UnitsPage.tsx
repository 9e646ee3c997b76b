/** Units (bureaus, departments, street offices, communities, contractors): list, create, edit. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitFormModal } from './UnitFormModal';
import type { Unit } from './types';
import { useUnits } from './useUnits';

export default function UnitsPage() {
  const { t } = useTranslation(['admin', 'common']);
  const units = useUnits();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const names = useMemo(() => new Map((units.data ?? []).map((u) => [u.code, u.name])), [units.data]);
  const rows = useMemo(() => {
    const q = query.trim();
    return (units.data ?? []).filter((u) => !q || u.code.includes(q) || u.name.includes(q));
  }, [units.data, query]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('units.title')}
      </Typography.Title>
      {units.error && <Alert type="error" title={t('common.loadFailed', { message: units.error.message })} />}
      <Space wrap>
        <Input.Search
          aria-label={t('units.search')}
          placeholder={t('units.search')}
          allowClear
          onSearch={setQuery}
          onChange={(e) => !e.target.value && setQuery('')}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('common.create')}
        </Button>
      </Space>
      <Table
        rowKey="code"
        size="small"
        loading={units.loading}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('units.code'), dataIndex: 'code', width: 140 },
          { title: t('units.name'), dataIndex: 'name' },
          {
            title: t('units.kind'),
            dataIndex: 'kind',
            width: 120,
            render: (k: string) => t(`units.kinds.${k}`),
          },
          {
            title: t('units.parent'),
            dataIndex: 'parentCode',
            render: (c: string | null) => (c ? (names.get(c) ?? c) : '—'),
          },
          {
            title: t('units.regions'),
            dataIndex: 'regionCodes',
            render: (codes: string[]) => (codes.length ? codes.join('、') : '—'),
          },
          {
            title: t('units.dutyPhone'),
            dataIndex: 'dutyPhone',
            width: 130,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('units.active'),
            dataIndex: 'active',
            width: 80,
            render: (a: boolean) => (
              <Tag color={a ? 'green' : 'default'}>{a ? t('common.yes') : t('common.no')}</Tag>
            ),
          },
          {
            title: t('common:actions.more'),
            key: 'edit',
            width: 90,
            render: (_, u) => (
              <Button
                size="small"
                autoInsertSpace={false}
                onClick={() => setEditing(u)}
                aria-label={`${t('common.edit')} ${u.name}`}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <UnitFormModal
          unit={editing === 'new' ? null : editing}
          units={units.data ?? []}
          onClose={(saved) => {
            setEditing(null);
            if (saved) units.reload();
          }}
        />
      )}
    </Space>
  );
}
