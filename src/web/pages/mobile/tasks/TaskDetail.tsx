/** One task: what was reported (description, photos, address, time) and the action the server allows now. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, rawFetch, unwrap } from '../../../api/client';
import { formatDateTime } from '../../../i18n/format';
import { usePosition } from '../report/usePosition';
import { pointOf, type CaseView } from './case-view';
import { distanceM } from './distance';
import { TaskActions, type TaskDecision } from './TaskActions';
import { STAGE_COLOR, useDistanceText } from './TasksPage';
import { Loading } from '../../../app/Loading';

async function upload(photos: readonly File[]): Promise<string[]> {
  const shas: string[] = [];
  for (const p of photos) {
    const res = await rawFetch('/api/files', {
      method: 'POST',
      headers: { 'content-type': p.type || 'application/octet-stream' },
      body: p,
    });
    shas.push(((await res.json()) as { sha256: string }).sha256);
  }
  return shas;
}

export default function TaskDetail() {
  const { t } = useTranslation(['mobile', 'common']);
  const { ref = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { position } = usePosition();
  const distanceText = useDistanceText();
  const [c, setCase] = useState<CaseView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setCase(unwrap(await api.GET('/api/cases/{ref}', { params: { path: { ref } } })));
    } catch (e) {
      setError((e as Error).message);
    }
  }, [ref]);
  useEffect(() => {
    void load();
  }, [load]);

  async function decide(d: TaskDecision) {
    if (!c) return;
    setBusy(true);
    setError(null);
    try {
      const photos = await upload(d.photos);
      const extra = { ...(d.reason ? { reason: d.reason } : {}), ...(photos.length ? { photos } : {}) };
      const path = { params: { path: { ref: c.id } } };
      if (d.action === 'verify') {
        unwrap(
          await api.POST('/api/cases/{ref}/verify', {
            ...path,
            body: { confirmed: d.ok, version: c.version, ...extra },
          }),
        );
      } else {
        unwrap(
          await api.POST('/api/cases/{ref}/check', {
            ...path,
            body: { passed: d.ok, version: c.version, ...extra },
          }),
        );
      }
      void message.success(t('task.done', { action: t(`common:caseActions.${d.action}`) }));
      await navigate('/m/tasks');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        void message.warning(t('task.stale'));
        await load();
      } else {
        setError((e as Error).message);
      }
    } finally {
      setBusy(false);
    }
  }

  const point = c ? pointOf(c) : null;
  const distance = position && point ? distanceM([position.lng, position.lat], point) : null;

  return (
    <Flex vertical gap={12}>
      <Link to="/m/tasks" className="ant-btn ant-btn-default ant-btn-lg" style={{ alignSelf: 'flex-start' }}>
        <ArrowLeftOutlined /> {t('task.back')}
      </Link>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
        {t('task.title', { caseNo: c?.caseNo ?? ref })}
      </Typography.Title>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {!c ? (
        !error && <Loading label={t('common:status.loading')} />
      ) : (
        <>
          <Flex gap={8} align="center">
            <Tag color={STAGE_COLOR[c.stage] ?? '#434343'}>{t(`common:stages.${c.stage}`)}</Tag>
            <Typography.Text strong>{distanceText(distance)}</Typography.Text>
          </Flex>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'd', label: t('task.description'), children: c.description },
              { key: 'a', label: t('task.address'), children: c.address || '—' },
              { key: 'r', label: t('task.reportedAt'), children: formatDateTime(c.reportedAt) },
            ]}
          />
          <Card size="small" title={t('task.photos')}>
            {c.photos && c.photos.length > 0 ? (
              <Flex wrap gap={8}>
                {c.photos.map((sha, i) => (
                  <a key={sha} href={`/api/files/${sha}`} target="_blank" rel="noreferrer">
                    <img
                      src={`/api/files/${sha}/thumbnail`}
                      alt={t('task.photoAlt', { n: i + 1 })}
                      style={{
                        width: 104,
                        height: 104,
                        objectFit: 'cover',
                        borderRadius: 8,
                        display: 'block',
                      }}
                    />
                  </a>
                ))}
              </Flex>
            ) : (
              <Typography.Text>{t('task.noPhotos')}</Typography.Text>
            )}
          </Card>
          {c.allowedActions.includes('verify') || c.allowedActions.includes('check') ? (
            <TaskActions
              key={c.version}
              allowed={c.allowedActions}
              busy={busy}
              onDecide={(d) => void decide(d)}
            />
          ) : (
            <Alert type="info" showIcon title={t('task.noActions')} />
          )}
        </>
      )}
    </Flex>
  );
}
