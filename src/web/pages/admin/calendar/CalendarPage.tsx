/** 工作日历: a month with its holidays and make-up working days, office hours, and amendments by notice. */
import { Alert, Calendar, Card, DatePicker, Form, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { useLoad } from '../../../app/useLoad';
import { AmendmentForm } from './AmendmentForm';

export default function CalendarPage() {
  const { t } = useTranslation('admin');
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  const from = month.startOf('month').format('YYYY-MM-DD');
  const to = month.endOf('month').format('YYYY-MM-DD');
  const cal = useLoad(
    async () => unwrap(await api.GET('/api/calendar/days', { params: { query: { from, to } } })),
    [from, to],
  );
  const listed = useMemo(() => new Map((cal.data?.days ?? []).map((d) => [d.date, d])), [cal.data]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('calendar.title')}
      </Typography.Title>
      {cal.error && <Alert type="error" title={t('common.loadFailed', { message: cal.error.message })} />}
      {cal.data && (
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('calendar.timeZone', { zone: cal.data.timeZone })}
          {' · '}
          {t('calendar.officeHours', {
            windows: cal.data.officeWindows.map((w) => `${w.start}–${w.end}`).join('，'),
          })}
          {' · '}
          {t('calendar.calendarVersion', { version: cal.data.version })}
        </Typography.Paragraph>
      )}
      <Card size="small">
        <Calendar
          value={month}
          onPanelChange={(d) => setMonth(d.startOf('month'))}
          onSelect={(d) => !d.isSame(month, 'month') && setMonth(d.startOf('month'))}
          fullscreen={false}
          // The built-in header's year/month selects carry no labels; one labelled month picker instead.
          headerRender={() => (
            <Form.Item label={t('calendar.month')} htmlFor="calendar-month" style={{ margin: 8 }}>
              <DatePicker
                id="calendar-month"
                picker="month"
                allowClear={false}
                value={month}
                onChange={(d) => d && setMonth(d.startOf('month'))}
              />
            </Form.Item>
          )}
          cellRender={(d, info) => {
            if (info.type !== 'date') return info.originNode;
            const day = listed.get(d.format('YYYY-MM-DD'));
            if (!day) return info.originNode;
            return (
              <>
                {info.originNode}
                <Tag color={day.isOffDay ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }} title={day.name}>
                  {day.isOffDay ? t('calendar.offDay') : t('calendar.workDay')}
                </Tag>
              </>
            );
          }}
        />
      </Card>
      <Card size="small" title={t('calendar.listed')}>
        <Table
          size="small"
          rowKey="date"
          loading={cal.loading}
          dataSource={cal.data?.days ?? []}
          pagination={false}
          columns={[
            { title: t('calendar.date'), dataIndex: 'date', width: 120 },
            {
              title: t('calendar.kind'),
              dataIndex: 'isOffDay',
              width: 130,
              render: (off: boolean) => (off ? t('calendar.holiday') : t('calendar.makeupDay')),
            },
            { title: t('calendar.name'), dataIndex: 'name' },
            { title: t('calendar.source'), dataIndex: 'source', render: (s?: string) => s ?? '—' },
          ]}
        />
      </Card>
      <AmendmentForm onAmended={cal.reload} />
    </Space>
  );
}
