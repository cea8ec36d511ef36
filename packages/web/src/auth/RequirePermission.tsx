import type { Permission } from '@ioc/shared';
import type { ReactNode } from 'react';
import { EmptyState } from '../components/EmptyState.tsx';
import { useT } from '../i18n/index.tsx';
import { useAuth } from './AuthContext.tsx';

/** Shows the page if the user holds any of `anyOf`; a typed-in URL must not show what the menu hides. */
export function RequirePermission({ anyOf, children }: { anyOf: Permission[]; children: ReactNode }) {
  const t = useT();
  const { can } = useAuth();
  if (anyOf.some(can)) return children;
  return (
    <div className="page">
      <EmptyState title={t('forbidden.title')}>
        <p>{t('forbidden.text')}</p>
      </EmptyState>
    </div>
  );
}
