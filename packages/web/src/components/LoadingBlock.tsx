import { useT } from '../i18n/index.tsx';

export function LoadingBlock({ fullPage = false }: { fullPage?: boolean }) {
  const t = useT();
  return (
    <div className={fullPage ? 'loading loading-page' : 'loading'} role="status">
      <span className="spinner" aria-hidden="true" />
      {t('common.loading')}
    </div>
  );
}
