import { useT } from '../i18n/index.tsx';

/** The same rows as the view, as a CSV file the browser downloads with the session cookie. */
export function CsvLink({ href, testId }: { href: string; testId: string }) {
  const t = useT();
  return (
    <a className="button button-small csv-link" href={href} download data-testid={testId}>
      <span aria-hidden="true">⤓</span> {t('indicators.csv')}
    </a>
  );
}
