import type { TaskSummary } from '@ioc/shared';
import { type Lang, localName, type Translate } from '../../i18n/index.tsx';

/**
 * What a page's task figures count, in one sentence: every task for leaders, else the tasks the user's agencies lead
 * or co-operate on ("Nhiệm vụ Sở Y tế chủ trì hoặc phối hợp"), assigned this year and left open from earlier ones.
 */
export function scopeText(
  summary: Pick<TaskSummary, 'scope' | 'carriedOver' | 'from'>,
  t: Translate,
  lang: Lang,
): { who: string; span: string } {
  const { scope } = summary;
  const who =
    scope === null
      ? t('direction.scope.all')
      : scope.length === 0
        ? t('direction.scope.none')
        : t('direction.scope.units', { units: scope.map((u) => localName(lang, u.name, u.nameEn)).join(', ') });
  const year = summary.from.slice(0, 4);
  const carried = summary.carriedOver;
  return {
    who,
    span: carried > 0 ? t('direction.scope.spanCarried', { year, carried }) : t('direction.scope.span', { year }),
  };
}
