/** The wall display: dark, large type, the map under everything, figures and the feed floating over it. */
import { FullscreenExitOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Space, theme } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Clock } from './Clock';
import { KpiTiles } from './KpiTiles';
import { Legend } from './Legend';
import { LiveFeed } from './LiveFeed';
import { MapArea } from './MapArea';
import type { CommandData } from './useCommandData';

const KpiCharts = lazy(() => import('./charts/KpiCharts'));

/** The app theme raises grey text for white pages; on the dark screen those must be light again. */
const DARK_THEME = {
  algorithm: theme.darkAlgorithm,
  token: {
    colorPrimary: '#4096ff',
    colorLink: '#69b1ff',
    colorTextDescription: 'rgba(255, 255, 255, 0.78)',
    colorTextTertiary: 'rgba(255, 255, 255, 0.78)',
    colorTextPlaceholder: 'rgba(255, 255, 255, 0.7)',
    colorTextQuaternary: 'rgba(255, 255, 255, 0.7)',
    fontSize: 16,
  },
};

export function BigScreen({ data }: { data: CommandData }) {
  const { t } = useTranslation('command');
  const navigate = useNavigate();
  const exit = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    void navigate('/console/command');
  };
  return (
    <ConfigProvider theme={DARK_THEME}>
      <main id="main" className="cz-screen" data-testid="big-screen">
        <MapArea data={data} dark />
        <header className="cz-screen-head">
          <h1>{t('bigScreenTitle')}</h1>
          <Space size="large">
            <Clock />
            <Button icon={<FullscreenExitOutlined />} onClick={exit} data-testid="exit-big-screen">
              {t('exitBigScreen')}
            </Button>
          </Space>
        </header>
        {/* The panels scroll on short screens: focusable, so a keyboard can scroll them too. */}
        <section className="cz-screen-left" tabIndex={0} aria-label={t('screen.figures')}>
          <KpiTiles data={data.kpis} redCases={data.lights?.red ?? null} large />
          <Suspense fallback={null}>
            <KpiCharts data={data.kpis} dark height={200} />
          </Suspense>
        </section>
        <section className="cz-screen-right" tabIndex={0} aria-label={t('screen.live')}>
          <Legend
            counts={data.lights}
            total={data.points?.count ?? null}
            staff={data.staff?.length ?? null}
          />
          <LiveFeed events={data.events} streets={data.streets} units={data.units} />
        </section>
      </main>
    </ConfigProvider>
  );
}
