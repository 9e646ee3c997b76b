/**
 * The web app: providers (language, Ant Design locale, session) and the top-level routes. Each area is its own
 * lazily loaded chunk with its own nested routes, so a citizen opening the portal downloads no map, chart or
 * staff code.
 */
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { currentLanguage, i18next } from '../i18n';
import { AREA_ROLES } from './areas';
import { PageLoading, RequireStaff } from './guards';
import { THEME } from './theme';
import { homeFor, SessionProvider, useSession } from './session';

const StaffShell = lazy(() => import('./StaffShell'));
const LoginPage = lazy(() => import('../pages/login/LoginPage'));
const CitizenPortal = lazy(() => import('../pages/citizen/CitizenPortal'));
const MobileApp = lazy(() => import('../pages/mobile/MobileApp'));
const CommandCenter = lazy(() => import('../pages/command/CommandCenter'));
const Workbench = lazy(() => import('../pages/workbench/Workbench'));
const EvaluationArea = lazy(() => import('../pages/evaluation/EvaluationArea'));
const OversightArea = lazy(() => import('../pages/oversight/OversightArea'));
const AdminArea = lazy(() => import('../pages/admin/AdminArea'));

function useLanguage() {
  const [lang, setLang] = useState(currentLanguage());
  useEffect(() => {
    const onChange = () => setLang(currentLanguage());
    i18next.on('languageChanged', onChange);
    document.documentElement.lang = currentLanguage();
    return () => i18next.off('languageChanged', onChange);
  }, []);
  return lang;
}

function ConsoleHome() {
  const { account, loading } = useSession();
  if (loading) return <PageLoading />;
  return <Navigate to={account ? homeFor(account) : '/login'} replace />;
}

export function App() {
  const lang = useLanguage();
  return (
    <I18nextProvider i18n={i18next}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={THEME}>
        <AntApp>
          <SessionProvider>
            <BrowserRouter>
              <Suspense fallback={<PageLoading />}>
                <Routes>
                  <Route path="/login" element={<LoginPage />} />
                  <Route
                    path="/m/*"
                    element={
                      <RequireStaff roles={AREA_ROLES.mobile}>
                        <MobileApp />
                      </RequireStaff>
                    }
                  />
                  <Route path="/console" element={<ConsoleHome />} />
                  <Route
                    path="/console/screen"
                    element={
                      <RequireStaff roles={AREA_ROLES.command}>
                        <CommandCenter bigScreen />
                      </RequireStaff>
                    }
                  />
                  <Route
                    path="/console/*"
                    element={
                      <RequireStaff>
                        <StaffShell />
                      </RequireStaff>
                    }
                  >
                    <Route
                      path="command/*"
                      element={
                        <RequireStaff roles={AREA_ROLES.command}>
                          <CommandCenter />
                        </RequireStaff>
                      }
                    />
                    <Route
                      path="work/*"
                      element={
                        <RequireStaff roles={AREA_ROLES.work}>
                          <Workbench />
                        </RequireStaff>
                      }
                    />
                    <Route
                      path="evaluation/*"
                      element={
                        <RequireStaff roles={AREA_ROLES.evaluation}>
                          <EvaluationArea />
                        </RequireStaff>
                      }
                    />
                    <Route
                      path="oversight/*"
                      element={
                        <RequireStaff roles={AREA_ROLES.oversight}>
                          <OversightArea />
                        </RequireStaff>
                      }
                    />
                    <Route
                      path="admin/*"
                      element={
                        <RequireStaff roles={AREA_ROLES.admin}>
                          <AdminArea />
                        </RequireStaff>
                      }
                    />
                  </Route>
                  <Route path="/*" element={<CitizenPortal />} />
                </Routes>
              </Suspense>
            </BrowserRouter>
          </SessionProvider>
        </AntApp>
      </ConfigProvider>
    </I18nextProvider>
  );
}
