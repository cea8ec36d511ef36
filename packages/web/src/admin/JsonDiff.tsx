import { useT } from '../i18n/index.tsx';

type Change = { key: string; before: unknown; after: unknown; changed: boolean };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** Top-level fields of two records side by side; what changed first and marked. */
export function diffRecords(before: unknown, after: unknown): Change[] | null {
  if (!(isRecord(before) || before == null) || !(isRecord(after) || after == null)) return null;
  const left = before ?? {};
  const right = after ?? {};
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  const changes = keys.map((key) => ({
    key,
    before: left[key],
    after: right[key],
    changed: JSON.stringify(left[key]) !== JSON.stringify(right[key]),
  }));
  return changes.sort((a, b) => Number(b.changed) - Number(a.changed));
}

export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  const changes = diffRecords(before, after);
  if (!changes) {
    return (
      <div className="json-diff-raw">
        <div>
          <h4>{t('audit.before')}</h4>
          <pre>{show(before) || '—'}</pre>
        </div>
        <div>
          <h4>{t('audit.after')}</h4>
          <pre>{show(after) || '—'}</pre>
        </div>
      </div>
    );
  }
  if (changes.length === 0) return <p className="muted">{t('audit.noData')}</p>;
  return (
    <table className="table json-diff">
      <thead>
        <tr>
          <th scope="col">{t('audit.field')}</th>
          <th scope="col">{t('audit.before')}</th>
          <th scope="col">{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.key} className={change.changed ? 'diff-changed' : 'diff-same'}>
            <th scope="row">
              <code>{change.key}</code>
            </th>
            <td>
              <pre className={change.changed ? 'diff-removed' : undefined}>{show(change.before) || '—'}</pre>
            </td>
            <td>
              <pre className={change.changed ? 'diff-added' : undefined}>{show(change.after) || '—'}</pre>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
