import type { BoundaryImportResult } from '@ioc/shared';
import { type FormEvent, useId, useState } from 'react';
import { uploadFile } from '../api/client.ts';
import { useActiveUnits } from '../api/orgUnits.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { FieldShell, TextField } from '../components/Field.tsx';
import { useI18n } from '../i18n/index.tsx';

export function BoundaryUpload() {
  const { t, fmt } = useI18n();
  const fileId = useId();
  const { units } = useActiveUnits();
  const [file, setFile] = useState<File | null>(null);
  const [codeProperty, setCodeProperty] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<BoundaryImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const names = new Map(units.map((unit) => [unit.code, unit.name]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      const query = { codeProperty: codeProperty.trim() };
      setResult(
        await uploadFile('POST /api/v1/orgunits/boundaries', { query }, file, 'application/geo+json', setProgress),
      );
    } catch (cause) {
      setError(cause);
    } finally {
      setProgress(null);
    }
  };

  return (
    <section className="card" aria-labelledby="boundaries-title">
      <h2 id="boundaries-title">{t('boundaries.title')}</h2>
      <p className="muted">{t('boundaries.intro')}</p>
      <form className="form form-grid" onSubmit={submit}>
        <FieldShell id={fileId} label={t('boundaries.file')} hint={t('boundaries.fileHint')}>
          <input
            id={fileId}
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            data-testid="boundaries-file"
          />
        </FieldShell>
        <TextField
          label={t('boundaries.codeProperty')}
          value={codeProperty}
          onChange={setCodeProperty}
          placeholder="code"
          hint={t('boundaries.codePropertyHint')}
        />
        <div className="form-actions form-span">
          <button
            type="submit"
            className="button button-primary"
            disabled={!file || progress !== null}
            data-testid="boundaries-upload"
          >
            {t('boundaries.upload')}
          </button>
          {file && (
            <span className="muted small">
              {t('boundaries.size', { size: Math.round((file.size / 1024 / 1024) * 10) / 10 })}
            </span>
          )}
        </div>
      </form>
      {progress !== null && (
        <div className="progress">
          <progress max={1} value={progress} aria-label={t('boundaries.progress')} />
          <span>{progress < 1 ? fmt.percent(progress) : t('boundaries.processing')}</span>
        </div>
      )}
      {error !== null && <ErrorNotice error={error} />}
      {result && (
        <div className="import-result" data-testid="boundaries-result" role="status">
          <p className="notice notice-success">{t('boundaries.matched', { count: result.matched })}</p>
          {result.unmatched.length > 0 && (
            <>
              <h3>{t('boundaries.unmatched', { count: result.unmatched.length })}</h3>
              <p className="chips">
                {result.unmatched.map((code) => (
                  <code key={code} className="tag">
                    {code}
                  </code>
                ))}
              </p>
            </>
          )}
          {result.unitsWithoutBoundary.length > 0 && (
            <>
              <h3>{t('boundaries.withoutBoundary', { count: result.unitsWithoutBoundary.length })}</h3>
              <p className="chips">
                {result.unitsWithoutBoundary.map((code) => (
                  <span key={code} className="chip chip-static">
                    {names.get(code) ?? code} ({code})
                  </span>
                ))}
              </p>
            </>
          )}
        </div>
      )}
    </section>
  );
}
