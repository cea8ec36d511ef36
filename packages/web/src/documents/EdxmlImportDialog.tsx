import type { CreateDocumentResult } from '@ioc/shared';
import { type FormEvent, useId, useState } from 'react';
import { uploadFile } from '../api/client.ts';
import { Dialog } from '../components/Dialog.tsx';
import { useI18n } from '../i18n/index.tsx';
import { type RefusalText, refusalText } from './format.ts';

interface EdxmlImportDialogProps {
  onClose(): void;
  onImported(result: CreateDocumentResult): void;
}

/**
 * Registers a document from an edXML envelope (QCVN 102:2016) as received from the national document exchange. A
 * refused envelope says which field was wrong, so the sender can be asked for a corrected one.
 */
export function EdxmlImportDialog({ onClose, onImported }: EdxmlImportDialogProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<RefusalText | null>(null);
  const [missing, setMissing] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    if (!file) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setProgress(0);
    try {
      onImported(await uploadFile('POST /api/v1/documents/import/edxml', {}, file, 'application/xml', setProgress));
    } catch (cause) {
      setRefusal(refusalText(cause, t, lang));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Dialog
      title={t('doc.import.title')}
      onClose={onClose}
      actions={
        <button
          type="submit"
          form="edxml-import-form"
          className="button button-primary"
          disabled={progress !== null}
          data-testid="edxml-submit"
        >
          {progress !== null ? t('doc.import.sending') : t('doc.import.submit')}
        </button>
      }
    >
      <form id="edxml-import-form" className="form" onSubmit={submit} noValidate>
        <p className="muted">{t('doc.import.intro')}</p>
        <div className={missing ? 'field field-invalid' : 'field'}>
          <label htmlFor={id}>{t('doc.import.file')}</label>
          <input
            id={id}
            type="file"
            accept=".xml,.edxml,application/xml,text/xml"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setRefusal(null);
            }}
            aria-invalid={missing ? true : undefined}
            data-testid="edxml-file"
          />
          {missing && (
            <small className="field-error" role="alert">
              {t('doc.import.chooseFile')}
            </small>
          )}
        </div>
        {progress !== null && (
          <div className="progress">
            <progress value={progress} max={1} aria-label={t('doc.import.sending')} />
          </div>
        )}
        {refusal && (
          <div className="notice notice-danger doc-refusal" role="alert" data-testid="edxml-error">
            <p>
              <strong>{t('doc.import.refused')}</strong> {refusal.summary}
            </p>
            {refusal.fields.length > 0 && (
              <ul>
                {refusal.fields.map((field) => (
                  <li key={`${field.field}:${field.text}`}>
                    <code>{field.field}</code>: {field.text}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </form>
    </Dialog>
  );
}
