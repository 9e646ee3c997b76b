/** The role workbench: one tab per stage the viewer's scope has cases in, filters, the table and bulk steps. */
import { Alert, Button, Empty, Form, Input, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatNumber } from '../../../i18n/format';
import { useReference } from '../reference';
import { BulkActions } from './BulkActions';
import { CaseTable } from './CaseTable';
import { APPROVALS, PRESSED, SPECIAL_TAB_COUNTS, useQueue, type QueueFilters } from './useQueue';

const CHANNELS = ['inspector', 'public', 'hotline', 'linkage', 'camera', 'sensor', 'leader', 'media'];
const WARNINGS = ['prompt', 'yellow', 'red'] as const;

export default function QueuePage() {
  const { t } = useTranslation(['workbench', 'common']);
  const [params, setParams] = useSearchParams();
  const ref = useReference();
  const filters: QueueFilters = {
    ...(params.get('channel') ? { channel: params.get('channel') ?? '' } : {}),
    ...(params.get('street') ? { streetCode: params.get('street') ?? '' } : {}),
    ...(params.get('warning') ? { warning: params.get('warning') as QueueFilters['warning'] } : {}),
    ...(params.get('q') ? { q: params.get('q') ?? '' } : {}),
  };
  const queue = useQueue(params.get('tab'), filters);
  const { tab, tabs } = queue;
  const [selected, setSelected] = useState<string[]>([]);
  const selectedCases = queue.items.filter((c) => selected.includes(c.id));

  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setSelected([]);
    setParams(next, { replace: true });
  };

  const tabLabel = (key: string) => {
    const special = SPECIAL_TAB_COUNTS[key];
    const name =
      key === APPROVALS
        ? t('queue.approvals')
        : key === PRESSED
          ? t('queue.pressed')
          : t(`common:stages.${key}`);
    return `${name} ${formatNumber(queue.counts?.[special ?? key] ?? 0)}`;
  };
  const tabKeys = tab && !tabs.includes(tab) ? [...tabs, tab] : tabs;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('title')}
      </Typography.Title>
      {queue.error && (
        <Alert type="error" showIcon message={t('queue.loadFailed', { message: queue.error.message })} />
      )}
      {queue.counts && tabKeys.length === 0 ? (
        <Empty description={t('queue.noQueues')} />
      ) : (
        <Tabs
          aria-label={t('queue.tabsLabel')}
          activeKey={tab ?? undefined}
          onChange={(k) => setParam('tab', k)}
          items={tabKeys.map((k) => ({ key: k, label: <span data-testid={`tab-${k}`}>{tabLabel(k)}</span> }))}
        />
      )}
      <Form layout="inline" aria-label={t('queue.filters.label')} role="search">
        <Form.Item label={t('queue.filters.channel')} htmlFor="wb-channel">
          <Select
            id="wb-channel"
            allowClear
            style={{ width: 150 }}
            placeholder={t('queue.filters.all')}
            value={filters.channel}
            onChange={(v?: string) => setParam('channel', v)}
            options={CHANNELS.map((c) => ({ value: c, label: t(`common:channels.${c}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('queue.filters.street')} htmlFor="wb-street">
          <Select
            id="wb-street"
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 170 }}
            placeholder={t('queue.filters.all')}
            value={filters.streetCode}
            onChange={(v?: string) => setParam('street', v)}
            options={(ref?.streets ?? []).map((s) => ({ value: s.code, label: s.name }))}
          />
        </Form.Item>
        <Form.Item label={t('queue.filters.warning')} htmlFor="wb-warning">
          <Select
            id="wb-warning"
            allowClear
            style={{ width: 120 }}
            placeholder={t('queue.filters.all')}
            value={filters.warning}
            onChange={(v?: string) => setParam('warning', v)}
            options={WARNINGS.map((w) => ({ value: w, label: t(`common:warnings.${w}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('queue.filters.search')} htmlFor="wb-q">
          <Input.Search
            id="wb-q"
            allowClear
            defaultValue={filters.q}
            placeholder={t('queue.filters.searchPlaceholder')}
            enterButton={t('common:actions.search')}
            onSearch={(v) => setParam('q', v.trim() || undefined)}
            style={{ width: 320 }}
          />
        </Form.Item>
      </Form>
      <BulkActions
        selected={selectedCases}
        onDone={() => {
          setSelected([]);
          queue.refresh();
        }}
      />
      <CaseTable
        items={queue.items}
        loading={queue.loading}
        showPending={tab === APPROVALS}
        selected={selected}
        onSelect={setSelected}
      />
      <Space>
        <Typography.Text aria-live="polite">
          {t(queue.hasMore ? 'queue.shownOfMore' : 'queue.shown', { count: queue.items.length })}
        </Typography.Text>
        {queue.hasMore && (
          <Button onClick={() => void queue.loadMore()} loading={queue.loading}>
            {t('queue.loadMore')}
          </Button>
        )}
        <Button onClick={queue.refresh}>{t('common:actions.refresh')}</Button>
      </Space>
    </Space>
  );
}
