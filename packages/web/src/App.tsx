import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { createQueryClient } from './api/queries.ts';
import { AuthProvider } from './auth/AuthContext.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { RequirePermission } from './auth/RequirePermission.tsx';
import { LoadingBlock } from './components/LoadingBlock.tsx';
import { ToastProvider } from './components/Toasts.tsx';
import { ThemeProvider } from './components/theme.tsx';
import { buildCatalogue } from './i18n/catalogue.ts';
import { I18nProvider } from './i18n/index.tsx';
import { SUBSYSTEMS } from './modules.ts';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';
import { AppShell } from './shell/AppShell.tsx';
import { lazyComponent } from './shell/lazyComponent.ts';
import { ADMIN_PERMISSIONS } from './shell/navigation.ts';

// The first screen (sign-in, overview) loads alone; every other page loads with its own code when first opened.
const AdminPage = lazyComponent(() => import('./admin/AdminPage.tsx').then((module) => module.AdminPage));
const AlertsPage = lazyComponent(() => import('./alerts/AlertsPage.tsx').then((module) => module.AlertsPage));
const ChangePasswordPage = lazyComponent(() =>
  import('./pages/ChangePasswordPage.tsx').then((module) => module.ChangePasswordPage),
);
const UnitPage = lazyComponent(() => import('./pages/UnitPage.tsx').then((module) => module.UnitPage));
const MapPage = lazyComponent(() => import('./pages/MapPage.tsx').then((module) => module.MapPage));
const RulesPage = lazyComponent(() => import('./alerts/rules/RulesPage.tsx').then((module) => module.RulesPage));
const StreamPage = lazyComponent(() => import('./streams/StreamPage.tsx').then((module) => module.StreamPage));

/** The kit's strings and every subsystem's, one dictionary per language. */
const CATALOGUE = buildCatalogue(SUBSYSTEMS.flatMap((subsystem) => subsystem.messages ?? []));

/** One cache for every page's reads, so pages share answers and live events refresh them in one place. */
const QUERY_CLIENT = createQueryClient();

const SUBSYSTEM_ROUTES = SUBSYSTEMS.flatMap((subsystem) => subsystem.routes);
const REDIRECTS = SUBSYSTEMS.flatMap((subsystem) => subsystem.redirects ?? []);

export function App() {
  return (
    <I18nProvider catalogue={CATALOGUE}>
      <ThemeProvider>
        <ToastProvider>
          <QueryClientProvider client={QUERY_CLIENT}>
            <AuthProvider>
              <BrowserRouter>
                <Routes>
                  <Route path="/login" element={<LoginPage />} />
                  <Route
                    path="/change-password"
                    element={
                      <RequireAuth allowPasswordChange>
                        <Suspense fallback={<LoadingBlock />}>
                          <ChangePasswordPage />
                        </Suspense>
                      </RequireAuth>
                    }
                  />
                  <Route
                    element={
                      <RequireAuth>
                        <AppShell />
                      </RequireAuth>
                    }
                  >
                    <Route index element={<OverviewPage />} />
                    {SUBSYSTEM_ROUTES.map(({ path, anyOf, page: Page, panels = [] }) => (
                      <Route
                        key={path}
                        path={path}
                        element={
                          <RequirePermission anyOf={anyOf}>
                            <Suspense fallback={<LoadingBlock />}>
                              <Page />
                            </Suspense>
                          </RequirePermission>
                        }
                      >
                        {panels.map(({ path: panelPath, panel: Panel }) => (
                          <Route
                            key={panelPath}
                            path={panelPath}
                            element={
                              <Suspense fallback={null}>
                                <Panel />
                              </Suspense>
                            }
                          />
                        ))}
                      </Route>
                    ))}
                    {REDIRECTS.map(({ path, to }) => (
                      <Route key={path} path={path} element={<Navigate to={to} replace />} />
                    ))}
                    <Route
                      path="/alerts"
                      element={
                        <RequirePermission anyOf={['alerts.read']}>
                          <Suspense fallback={<LoadingBlock />}>
                            <AlertsPage />
                          </Suspense>
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="/alerts/rules"
                      element={
                        <RequirePermission anyOf={['alerts.read']}>
                          <Suspense fallback={<LoadingBlock />}>
                            <RulesPage />
                          </Suspense>
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="/streams/:station/:metric"
                      element={
                        <RequirePermission anyOf={['observations.read']}>
                          <Suspense fallback={<LoadingBlock />}>
                            <StreamPage />
                          </Suspense>
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="/map"
                      element={
                        <RequirePermission anyOf={['orgunits.read']}>
                          <Suspense fallback={<LoadingBlock />}>
                            <MapPage />
                          </Suspense>
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="/units/:id"
                      element={
                        <RequirePermission anyOf={['orgunits.read']}>
                          <Suspense fallback={<LoadingBlock />}>
                            <UnitPage />
                          </Suspense>
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="/admin/:tab?"
                      element={
                        <RequirePermission anyOf={ADMIN_PERMISSIONS}>
                          <Suspense fallback={<LoadingBlock />}>
                            <AdminPage />
                          </Suspense>
                        </RequirePermission>
                      }
                    />
                    <Route path="*" element={<NotFoundPage />} />
                  </Route>
                </Routes>
              </BrowserRouter>
            </AuthProvider>
          </QueryClientProvider>
        </ToastProvider>
      </ThemeProvider>
    </I18nProvider>
  );
}
