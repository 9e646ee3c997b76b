/**
 * The draft of the next version (admin, leader): open it from the current list, edit or remove items, see the
 * diff against the current list, publish it with an effective date, or discard it. Every change sends the
 * draft's revision; a stale one answers 409 and is shown here.
 */
import { Alert, Button, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError, asApiError, unwrap } from '../../../api/client';
import { formatDateTime } from '../../../i18n/format';
import { ErrorAlert } from '../ErrorAlert';
import type { PowerItem } from '../types';
import { useLoad } from '../../../app/useLoad';
import { ItemEditor } from './ItemEditor';
import { PowerDiffView } from './PowerDiffView';
import { PublishForm } from './PublishForm';

export function DraftPanel({ units }: { units: Record<string, string> }) {
  const { t } = useTranslation(['oversight', 'common']);
  const [round, setRound] = useState(0);
  const draft = useLoad(async () => {
    const res = await api.GET('/api/oversight/power-list/draft');
    return res.response.status === 404 ? null : unwrap(res);
  }, [round]);
  const diff = useLoad(
    async () => unwrap(await api.GET('/api/oversight/power-list/draft/diff')),
    [round],
    !!draft.data,
  );
  const [editing, setEditing] = useState<PowerItem | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [published, setPublished] = useState<number | null>(null);
  const refresh = () => setRound((r) => r + 1);

  async function run(call: () => Promise<unknown>) {
    try {
      await call();
      setError(null);
      refresh();
    } catch (e) {
      setError(asApiError(e));
    }
  }
  const open = () =>
    run(async () => unwrap(await api.POST('/api/oversight/power-list/draft', { body: { note: '' } })));
  const d = draft.data;

  return (
    <section data-testid="power-draft">
      {published !== null && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('power.publishedAs', { version: published })}
        />
      )}
      <ErrorAlert error={draft.error ?? error} />
      {d === null && (
        <Space direction="vertical">
          <Typography.Paragraph>{t('power.noDraft')}</Typography.Paragraph>
          <Button type="primary" onClick={() => void open()}>
            {t('power.openDraft')}
          </Button>
        </Space>
      )}
      {d && (
        <>
          <Typography.Paragraph>
            {t('power.draftInfo', {
              base: d.baseVersion ?? '—',
              revision: d.revision,
              at: formatDateTime(d.updatedAt),
            })}
          </Typography.Paragraph>
          <Table
            rowKey="code"
            size="small"
            dataSource={d.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              { title: t('power.code'), dataIndex: 'code' },
              { title: t('power.name'), dataIndex: 'name' },
              {
                title: t('power.actions'),
                key: 'actions',
                render: (_, i) => (
                  <Space>
                    {/* No space inserted between the two characters: the visible word must stay a word of
                        the accessible name. */}
                    <Button
                      size="small"
                      autoInsertSpace={false}
                      onClick={() => setEditing(i)}
                      aria-label={t('power.editItem', { code: i.code })}
                    >
                      {t('power.edit')}
                    </Button>
                    <Popconfirm
                      title={t('power.removeConfirm', { code: i.code })}
                      onConfirm={() =>
                        void run(async () =>
                          unwrap(
                            await api.DELETE('/api/oversight/power-list/draft/items/{code}', {
                              params: { path: { code: i.code }, query: { revision: d.revision } },
                            }),
                          ),
                        )
                      }
                    >
                      <Button
                        size="small"
                        danger
                        autoInsertSpace={false}
                        aria-label={t('power.removeItem', { code: i.code })}
                      >
                        {t('power.remove')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
          {diff.data && <PowerDiffView diff={diff.data} />}
          <PublishForm
            revision={d.revision}
            onPublished={(v) => {
              setPublished(v);
              refresh();
            }}
          />
          <Popconfirm
            title={t('power.discardConfirm')}
            onConfirm={() =>
              void run(async () =>
                unwrap(
                  await api.DELETE('/api/oversight/power-list/draft', {
                    params: { query: { revision: d.revision } },
                  }),
                ),
              )
            }
          >
            <Button danger style={{ marginTop: 12 }}>
              {t('power.discard')}
            </Button>
          </Popconfirm>
          {editing && (
            <ItemEditor
              item={editing}
              revision={d.revision}
              units={units}
              onClose={() => setEditing(null)}
              onSaved={() => {
                setEditing(null);
                refresh();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
