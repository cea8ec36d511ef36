import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState.tsx';
import { useT } from '../i18n/index.tsx';

export function NotFoundPage() {
  const t = useT();
  return (
    <div className="page">
      <EmptyState title={t('notFound.title')}>
        <p>{t('notFound.text')}</p>
        <Link to="/">{t('notFound.home')}</Link>
      </EmptyState>
    </div>
  );
}
