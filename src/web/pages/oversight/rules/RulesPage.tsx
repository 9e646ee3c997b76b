/** 监察规则: every rule kind with its configuration; admins switch rules and edit severity and thresholds. */
import { Button, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError, asApiError, unwrap } from '../../../api/client';
import { currentLanguage } from '../../../i18n';
import { useSession } from '../../../app/session';
import { RULE_EDITORS } from '../access';
import { SeverityTag } from '../cards/SeverityTag';
import { ErrorAlert } from '../ErrorAlert';
import type { Rule } from '../types';
import { useLoad } from '../../../app/useLoad';
import { RuleEditor } from './RuleEditor';

export default function RulesPage() {
  const { t } = useTranslation('oversight');
  const { hasRole } = useSession();
  const canEdit = hasRole(...RULE_EDITORS);
  const rules = useLoad(async () => unwrap(await api.GET('/api/supervision/rules')).items, []);
  const [editing, setEditing] = useState<Rule | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const lang = currentLanguage() === 'en' ? 'en' : 'zh-CN';

  async function toggle(rule: Rule, enabled: boolean) {
    const e = rule.effective;
    try {
      unwrap(
        await api.PUT('/api/supervision/rules/{ruleId}', {
          params: { path: { ruleId: rule.id } },
          body: {
            powerItemCode: null,
            enabled,
            severity: e.severity,
            respondWorkingDays: e.respondWorkingDays,
            params: e.params,
            // The tenant-wide override's version (0 while the shipped default applies).
            version: e.version,
          },
        }),
      );
      setError(null);
      rules.reload();
    } catch (err) {
      setError(asApiError(err));
    }
  }

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('rules.title')}
      </Typography.Title>
      <Typography.Paragraph>{canEdit ? t('rules.introEdit') : t('rules.introRead')}</Typography.Paragraph>
      <ErrorAlert error={rules.error ?? error} />
      <Table
        rowKey="id"
        size="small"
        loading={rules.loading}
        dataSource={rules.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('rules.enabled'),
            key: 'enabled',
            render: (_, r) => (
              <Switch
                checked={r.effective.enabled}
                disabled={!canEdit}
                aria-label={t('rules.enableRule', { rule: r.title[lang] })}
                onChange={(v) => void toggle(r, v)}
              />
            ),
          },
          {
            title: t('rules.rule'),
            key: 'title',
            render: (_, r) => (
              <>
                <div>{r.title[lang]}</div>
                <Typography.Text code>{r.id}</Typography.Text>
              </>
            ),
          },
          { title: t('rules.basis'), dataIndex: 'basis' },
          {
            title: t('rules.severity'),
            key: 'severity',
            render: (_, r) => <SeverityTag severity={r.effective.severity} />,
          },
          { title: t('rules.respondDays'), key: 'days', render: (_, r) => r.effective.respondWorkingDays },
          {
            title: t('rules.params'),
            key: 'params',
            render: (_, r) => (
              <code style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(r.effective.params)}</code>
            ),
          },
          {
            title: t('rules.byPowerItem'),
            key: 'items',
            render: (_, r) => r.byPowerItem.map((o) => o.powerItemCode).join('、') || '—',
          },
          ...(canEdit
            ? [
                {
                  title: t('rules.actions'),
                  key: 'edit',
                  render: (_: unknown, r: Rule) => (
                    <Button size="small" onClick={() => setEditing(r)}>
                      {t('rules.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <RuleEditor
          rule={editing}
          title={editing.title[lang]}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            rules.reload();
          }}
        />
      )}
    </>
  );
}
