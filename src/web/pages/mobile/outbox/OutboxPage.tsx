/** 待发送: reports kept on this phone, their state, "send now", and the case numbers of the last ones sent. */
import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';
import type { OutboxItem, OutboxState } from './outbox';
import { outbox, sendOutbox, useOnline, useOutboxItems, useSentReports } from './useOutbox';

// Solid tags (white text) for contrast; the light presets fall short of 4.5:1.
const STATE_COLOR: Record<OutboxState, string> = { queued: '#0958d9', sending: '#874d00', failed: '#a8071a' };

function OutboxEntry({ item }: { item: OutboxItem }) {
  const { t } = useTranslation('mobile');
  return (
    <Card size="small" data-testid="outbox-item" data-state={item.state}>
      <Flex vertical gap={4}>
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text strong ellipsis style={{ flex: 1 }}>
            {item.body.description}
          </Typography.Text>
          <Tag color={STATE_COLOR[item.state]}>{t(`outbox.states.${item.state}`)}</Tag>
        </Flex>
        <Typography.Text>
          {t('outbox.createdAt', { time: formatDateTime(item.createdAt) })} ·{' '}
          {t('outbox.photos', { count: item.photos.length })}
          {item.attempts > 0 && <> · {t('outbox.attempts', { count: item.attempts })}</>}
        </Typography.Text>
        {item.error && (
          <Typography.Text
            data-testid="outbox-error"
            style={item.state === 'failed' ? { color: '#a8071a' } : undefined}
          >
            {item.error}
          </Typography.Text>
        )}
        <Flex gap={8} justify="flex-end">
          {item.state === 'failed' && (
            <Button size="large" onClick={() => void sendOutbox(item.id)}>
              {t('outbox.retry')}
            </Button>
          )}
          <Popconfirm
            title={t('outbox.removeConfirm')}
            onConfirm={() => void outbox.remove(item.id)}
            disabled={item.state === 'sending'}
          >
            <Button size="large" disabled={item.state === 'sending'}>
              {t('outbox.remove')}
            </Button>
          </Popconfirm>
        </Flex>
      </Flex>
    </Card>
  );
}

export default function OutboxPage() {
  const { t } = useTranslation('mobile');
  const items = useOutboxItems();
  const sent = useSentReports();
  const online = useOnline();
  const [sending, setSending] = useState(false);
  const waiting = items.some((i) => i.state === 'queued');

  async function sendNow() {
    setSending(true);
    await sendOutbox();
    setSending(false);
  }

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('outbox.title')}
      </Typography.Title>
      {!online && <Alert type="warning" showIcon title={t('outbox.offlineHint')} />}
      <Button
        type="primary"
        size="large"
        block
        icon={<CloudUploadOutlined />}
        disabled={!waiting}
        loading={sending}
        onClick={() => void sendNow()}
        style={{ minHeight: 52 }}
      >
        {sending ? t('outbox.sendingNow') : t('outbox.sendNow')}
      </Button>
      <section aria-label={t('outbox.title')} data-testid="outbox-list">
        {items.length === 0 ? (
          <Empty description={t('outbox.empty')} />
        ) : (
          <Flex vertical gap={8}>
            {items.map((item) => (
              <OutboxEntry key={item.id} item={item} />
            ))}
          </Flex>
        )}
      </section>
      {sent.length > 0 && (
        <section aria-labelledby="cz-sent-title">
          <Typography.Title level={2} id="cz-sent-title" style={{ fontSize: 18 }}>
            {t('outbox.sentTitle')}
          </Typography.Title>
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {sent.map((s) => (
              <li
                key={s.itemId}
                data-testid="sent-item"
                style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
              >
                {t('outbox.sentItem', { caseNo: s.caseNo, time: formatDateTime(s.sentAt) })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Flex>
  );
}
