/**
 * 监督指挥: the district map with live cases, the live feed, the figures and charts. Inside the staff frame at
 * /console/command, or as a dark full-screen wall display at /console/screen (`bigScreen`, no frame).
 */
import './command.css';
import './messages';
import { FullscreenOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BigScreen } from './BigScreen';
import { KpiTiles } from './KpiTiles';
import { Legend } from './Legend';
import { LiveFeed } from './LiveFeed';
import { MapArea } from './MapArea';
import { useCommandData } from './useCommandData';

const KpiCharts = lazy(() => import('./charts/KpiCharts'));

export default function CommandCenter({ bigScreen = false }: { bigScreen?: boolean }) {
  const data = useCommandData();
  return bigScreen ? <BigScreen data={data} /> : <ConsoleView data={data} />;
}

function ConsoleView({ data }: { data: ReturnType<typeof useCommandData> }) {
  const { t } = useTranslation('command');
  const navigate = useNavigate();
  const openBigScreen = () => {
    // Asked inside the click: browsers grant full screen only to a user gesture.
    if (document.fullscreenEnabled) void document.documentElement.requestFullscreen().catch(() => undefined);
    void navigate('/console/screen');
  };
  return (
    <div className="cz-command" data-testid="command-center">
      <div className="cz-command-head">
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Button icon={<FullscreenOutlined />} onClick={openBigScreen} data-testid="open-big-screen">
          {t('openBigScreen')}
        </Button>
      </div>
      <div className="cz-command-map">
        <MapArea data={data} />
      </div>
      <div className="cz-command-side">
        <Legend counts={data.lights} total={data.points?.count ?? null} staff={data.staff?.length ?? null} />
        <LiveFeed events={data.events} streets={data.streets} units={data.units} />
      </div>
      <div className="cz-command-bottom">
        <KpiTiles data={data.kpis} redCases={data.lights?.red ?? null} />
        <Suspense fallback={<Typography.Text>{t('charts.loading')}</Typography.Text>}>
          <KpiCharts data={data.kpis} />
        </Suspense>
      </div>
    </div>
  );
}
