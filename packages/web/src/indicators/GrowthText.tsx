import { useT } from '../i18n/index.tsx';
import { type Direction, formatGrowth, growthTone } from './assess.ts';
import { useFigures } from './useFigures.ts';

/** `▲ +5,2%` coloured by whether the change is good for the indicator's direction. */
export function GrowthText({ growth, direction }: { growth: number | null; direction: Direction }) {
  const t = useT();
  const { fixed } = useFigures();
  const { arrow, text } = formatGrowth(growth, fixed);
  const tone = growthTone(growth, direction);
  const meaning = tone === 'good' ? t('indicators.growth.good') : tone === 'bad' ? t('indicators.growth.bad') : '';
  return (
    <span className={`growth tone-${tone}`} title={meaning || undefined}>
      {arrow && <span aria-hidden="true">{arrow} </span>}
      {text}
      {meaning && <span className="visually-hidden"> ({meaning})</span>}
    </span>
  );
}
