/** 派遣规则: the rules by priority with the problems the compiler found; edit one as JSON, add, delete. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { useLoad } from '../../../app/useLoad';
import { RuleJsonModal, type Rule } from './RuleJsonModal';

interface RuleProblem {
  severity: 'error' | 'warning';
  code: string;
  ruleId: string | null;
  message: string;
}

export default function DispatchRulesPage() {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const rules = useLoad(async () => unwrap(await api.GET('/api/dispatch/rules')), []);
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const problems = (rules.data?.problems ?? []) as RuleProblem[];

  async function remove(id: string) {
    try {
      unwrap(await api.DELETE('/api/dispatch/rules/{id}', { params: { path: { id } } }));
      void message.success(t('dispatch.deleted'));
      rules.reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('dispatch.title')}
      </Typography.Title>
      {rules.error && <Alert type="error" title={t('common.loadFailed', { message: rules.error.message })} />}
      {rules.data && (
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('dispatch.fallback', { unit: rules.data.fallbackUnitCode ?? '—' })}
          {' · '}
          {t('dispatch.territory', { level: rules.data.territoryLevel ?? '—' })}
        </Typography.Paragraph>
      )}
      {rules.data &&
        (problems.length === 0 ? (
          <Alert type="success" title={t('dispatch.noProblems')} />
        ) : (
          <Alert
            type="warning"
            title={t('dispatch.problems', { count: problems.length })}
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {problems.map((p, i) => (
                  <li key={i}>
                    [{p.severity}] {p.ruleId ?? '—'} {p.code}: {p.message}
                  </li>
                ))}
              </ul>
            }
          />
        ))}
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setEditing('new')}
        style={{ alignSelf: 'start' }}
      >
        {t('dispatch.newRule')}
      </Button>
      <Table
        rowKey="id"
        size="small"
        loading={rules.loading}
        dataSource={rules.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('dispatch.priority'), dataIndex: 'priority', width: 80 },
          { title: t('dispatch.ruleId'), dataIndex: 'id', width: 160 },
          { title: t('dispatch.name'), dataIndex: 'name' },
          {
            title: t('dispatch.enabled'),
            dataIndex: 'enabled',
            width: 80,
            render: (on: boolean) => (
              <Tag color={on ? 'green' : 'default'}>{on ? t('common.yes') : t('common.no')}</Tag>
            ),
          },
          {
            title: t('dispatch.match'),
            dataIndex: 'match',
            render: (m: unknown) => <code>{JSON.stringify(m)}</code>,
          },
          {
            title: t('dispatch.target'),
            dataIndex: 'target',
            render: (m: unknown) => <code>{JSON.stringify(m)}</code>,
          },
          {
            title: t('common.edit'),
            key: 'ops',
            width: 170,
            render: (_, r) => (
              <Space>
                <Button size="small" autoInsertSpace={false} onClick={() => setEditing(r)}>
                  {t('dispatch.editJson')}
                </Button>
                <Popconfirm title={t('common.confirmDelete')} onConfirm={() => void remove(r.id)}>
                  <Button size="small" autoInsertSpace={false}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <RuleJsonModal
          rule={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) rules.reload();
          }}
        />
      )}
    </Space>
  );
}
