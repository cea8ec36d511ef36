import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AdminPage } from './admin/AdminPage.tsx';
import { AlertsPage } from './alerts/AlertsPage.tsx';
import { AuthProvider } from './auth/AuthContext.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { RequirePermission } from './auth/RequirePermission.tsx';
import { LoadingBlock } from './components/LoadingBlock.tsx';
import { ToastProvider } from './components/Toasts.tsx';
import { ThemeProvider } from './components/theme.tsx';
import { DataEntryPage } from './data/DataEntryPage.tsx';
import { DisciplinePage } from './data/DisciplinePage.tsx';
import { I18nProvider } from './i18n/index.tsx';
import { ChangePasswordPage } from './pages/ChangePasswordPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';
import { PendingPage } from './pages/PendingPage.tsx';
import { UnitPage } from './pages/UnitPage.tsx';
import { AppShell } from './shell/AppShell.tsx';
import { ADMIN_PERMISSIONS, PENDING_PAGES } from './shell/navigation.ts';

// ECharts is most of the bundle; only the map and the subsystem pages need it, so it loads with them.
const MapPage = lazy(() => import('./pages/MapPage.tsx').then((module) => ({ default: module.MapPage })));
const IndicatorsPage = lazy(() =>
  import('./indicators/IndicatorsPage.tsx').then((module) => ({ default: module.IndicatorsPage })),
);
const PublicServicesPage = lazy(() =>
  import('./publicservices/PublicServicesPage.tsx').then((module) => ({ default: module.PublicServicesPage })),
);
const DirectionPage = lazy(() =>
  import('./direction/DirectionPage.tsx').then((module) => ({ default: module.DirectionPage })),
);
const TaskDrawer = lazy(() => import('./direction/TaskDrawer.tsx').then((module) => ({ default: module.TaskDrawer })));
const DocumentsPage = lazy(() =>
  import('./documents/DocumentsPage.tsx').then((module) => ({ default: module.DocumentsPage })),
);
const DocumentDrawer = lazy(() =>
  import('./documents/DocumentDrawer.tsx').then((module) => ({ default: module.DocumentDrawer })),
);

export function App() {
  return (
    <I18nProvider>
      <ThemeProvider>
        <ToastProvider>
          <AuthProvider>
            <BrowserRouter>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route
                  path="/change-password"
                  element={
                    <RequireAuth allowPasswordChange>
                      <ChangePasswordPage />
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
                  {PENDING_PAGES.map((page) => (
                    <Route
                      key={page.path}
                      path={page.path}
                      element={
                        <RequirePermission anyOf={page.anyOf}>
                          <PendingPage page={page} />
                        </RequirePermission>
                      }
                    />
                  ))}
                  <Route
                    path="/indicators"
                    element={
                      <RequirePermission anyOf={['indicators.read']}>
                        <Suspense fallback={<LoadingBlock />}>
                          <IndicatorsPage />
                        </Suspense>
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="/public-services"
                    element={
                      <RequirePermission anyOf={['publicservices.read']}>
                        <Suspense fallback={<LoadingBlock />}>
                          <PublicServicesPage />
                        </Suspense>
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="/direction"
                    element={
                      <RequirePermission anyOf={['documents.read']}>
                        <Suspense fallback={<LoadingBlock />}>
                          <DirectionPage />
                        </Suspense>
                      </RequirePermission>
                    }
                  >
                    <Route
                      path="tasks/:taskId"
                      element={
                        <Suspense fallback={null}>
                          <TaskDrawer />
                        </Suspense>
                      }
                    />
                  </Route>
                  <Route path="/tasks" element={<Navigate to="/direction" replace />} />
                  <Route
                    path="/documents"
                    element={
                      <RequirePermission anyOf={['documents.read']}>
                        <Suspense fallback={<LoadingBlock />}>
                          <DocumentsPage />
                        </Suspense>
                      </RequirePermission>
                    }
                  >
                    <Route
                      path=":documentId"
                      element={
                        <Suspense fallback={null}>
                          <DocumentDrawer />
                        </Suspense>
                      }
                    />
                  </Route>
                  <Route
                    path="/data"
                    element={
                      <RequirePermission anyOf={['indicators.write', 'ingest.write']}>
                        <DataEntryPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="/data/discipline"
                    element={
                      <RequirePermission anyOf={['indicators.read']}>
                        <DisciplinePage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="/alerts"
                    element={
                      <RequirePermission anyOf={['alerts.read']}>
                        <AlertsPage />
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
                        <UnitPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="/admin/:tab?"
                    element={
                      <RequirePermission anyOf={ADMIN_PERMISSIONS}>
                        <AdminPage />
                      </RequirePermission>
                    }
                  />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </BrowserRouter>
          </AuthProvider>
        </ToastProvider>
      </ThemeProvider>
    </I18nProvider>
  );
}
