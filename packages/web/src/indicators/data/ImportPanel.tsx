import type { DataSet, ImportProblem, ImportReport } from '@ioc/shared';
import { type FormEvent, useId, useState } from 'react';
import { ApiError, apiPath, uploadFile } from '../../api/client.ts';
import { formatPeriod } from '../../calendar/periods.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { FieldShell } from '../../components/Field.tsx';
import { localName, useI18n } from '../../i18n/index.tsx';
import { ImportProblems } from './ImportProblems.tsx';
import { AnomalyNote, RuleWarnings } from './SaveResult.tsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file refused as a whole (not a workbook, unknown columns, another set or period): its details as sheet problems. */
function fileProblems(error: unknown): ImportProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return null;
  return error.fieldErrors.map((detail) => {
    const cell = /^[A-Z]{1,3}[0-9]+$/.test(detail.field) ? detail.field : null;
    return {
      row: cell ? Number(cell.replace(/^[A-Z]+/, '')) : 0,
      cell,
      field: detail.field,
      rule: detail.rule ?? '',
      message: detail.message,
      ...(detail.limit === undefined ? {} : { limit: detail.limit }),
    };
  });
}

/**
 * Import from Excel: download the set's template for the period (one row per unit in scope, pre-filled), fill it,
 * upload it. Nothing is stored unless every cell is valid; the report then offers to store only the valid cells.
 */
export function ImportPanel({ dataSet, period }: { dataSet: DataSet; period: string }) {
  const { t, lang, fmt } = useI18n();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const params = { code: dataSet.code };
  const templateHref = apiPath('GET /api/v1/data-sets/:code/template', { params, query: { period } });
  const setName = localName(lang, dataSet.name, dataSet.nameEn);

  const send = async (mode: 'all' | 'valid') => {
    if (!file) return;
    setError(null);
    setReport(null);
    setProgress(0);
    try {
      const request = { params, query: { period, mode } };
      setReport(await uploadFile('POST /api/v1/data-sets/:code/import', request, file, XLSX_TYPE, setProgress));
    } catch (cause) {
      setError(cause);
    } finally {
      setProgress(null);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send('all');
  };

  const refusedFile = fileProblems(error);

  return (
    <section className="card import-card" aria-labelledby={`${fileId}-title`}>
      <h2 id={`${fileId}-title`}>
        {t('data.import.title', { set: setName, period: formatPeriod(period, lang, 'arabic') })}
      </h2>
      <ol className="import-steps">
        <li>
          <p>{t('data.import.step1')}</p>
          <a className="button" href={templateHref} download data-testid="import-template">
            {t('data.import.template')}
          </a>
        </li>
        <li>
          <p>{t('data.import.step2')}</p>
        </li>
        <li>
          <form className="form import-form" onSubmit={submit}>
            <FieldShell id={fileId} label={t('data.import.file')} hint={t('data.import.fileHint')}>
              <input
                id={fileId}
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  setReport(null);
                  setError(null);
                }}
                data-testid="import-file"
              />
            </FieldShell>
            <div className="form-actions">
              <button
                type="submit"
                className="button button-primary"
                disabled={!file || progress !== null}
                data-testid="import-upload"
              >
                {t('data.import.upload')}
              </button>
              {file && (
                <span className="muted small">
                  {file.name} · {t('boundaries.size', { size: file.size / 1024 / 1024 })}
                </span>
              )}
            </div>
          </form>
        </li>
      </ol>

      {progress !== null && (
        <div className="progress" data-testid="import-progress">
          <progress max={1} value={progress} aria-label={t('boundaries.progress')} />
          <span>{progress < 1 ? fmt.percent(progress) : t('data.import.checking')}</span>
        </div>
      )}
      {error !== null && !refusedFile && <ErrorNotice error={error} />}
      {refusedFile && (
        <div className="import-result" data-testid="import-report" data-applied="false">
          <div className="notice notice-danger" role="alert">
            <span>{t('data.import.fileRefused')}</span>
            {lang === 'en' && error instanceof ApiError && <span className="small">{error.message}</span>}
          </div>
          {refusedFile.length > 0 && <ImportProblems problems={refusedFile} />}
        </div>
      )}
      {report && (
        <div className="import-result" data-testid="import-report" data-applied={report.applied}>
          <p className="muted small">{t('data.import.read', { rows: report.rows, values: report.values })}</p>
          {report.applied ? (
            <p className="notice notice-success" role="status">
              {t('data.import.applied', { stored: report.stored })}
              {report.refused.length > 0 && ` ${t('data.import.skipped', { count: report.refused.length })}`}
            </p>
          ) : report.refused.length > 0 ? (
            <div className="notice notice-danger" role="alert">
              <span>{t('data.import.notApplied', { count: report.refused.length })}</span>
              {report.values > 0 && (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => void send('valid')}
                  disabled={progress !== null}
                  data-testid="import-apply-valid"
                >
                  {t('data.import.applyValid')}
                </button>
              )}
            </div>
          ) : (
            <p className="notice notice-info">{t('data.import.empty')}</p>
          )}
          <RuleWarnings warnings={report.warnings} />
          <AnomalyNote count={report.anomalies} />
          {report.refused.length > 0 && <ImportProblems problems={report.refused} />}
        </div>
      )}
    </section>
  );
}
