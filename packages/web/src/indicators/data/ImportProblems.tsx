import type { ImportProblem } from '@ioc/shared';
import { describeFieldError } from '../../api/errorMessages.ts';
import { useI18n } from '../../i18n/index.tsx';

/** More rows than anyone reads; the count of the rest is given. */
const SHOWN = 500;
/** The reader quotes what it could not read: `'abc' is not a number`. */
const NOT_A_NUMBER = /^'(.*)' is not a number$/;

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const sameWords = (a: string, b: string) => words(a) === words(b);

/** The refused cells of a spreadsheet, by row and cell as Excel shows them, with the reason in the UI language. */
export function ImportProblems({ problems }: { problems: readonly ImportProblem[] }) {
  const { t, lang } = useI18n();
  const shown = problems.slice(0, SHOWN);
  return (
    <div className="table-wrap import-problems">
      <table className="table">
        <caption className="visually-hidden">{t('data.import.problems')}</caption>
        <thead>
          <tr>
            <th scope="col" className="import-narrow">
              {t('data.import.row')}
            </th>
            <th scope="col" className="import-narrow">
              {t('data.import.cell')}
            </th>
            <th scope="col">{t('data.import.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((problem, index) => {
            const typed = problem.rule === 'type' ? NOT_A_NUMBER.exec(problem.message)?.[1] : undefined;
            const reason =
              typed !== undefined ? t('data.import.notNumber', { text: typed }) : describeFieldError(problem, t, lang);
            const detail = lang === 'en' && typed === undefined && !sameWords(reason, problem.message);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: one cell may have several problems; the order is the server's.
              <tr key={index} data-row={problem.row} data-cell={problem.cell ?? ''} data-rule={problem.rule}>
                <td>{problem.row > 0 ? problem.row : '—'}</td>
                <td>{problem.cell ? <code>{problem.cell}</code> : '—'}</td>
                <td>
                  {reason}
                  {detail && <span className="muted small"> ({problem.message})</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {problems.length > SHOWN && <p className="muted">{t('data.import.more', { count: problems.length - SHOWN })}</p>}
    </div>
  );
}
