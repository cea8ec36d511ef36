export type RankingOrder = 'bestFirst' | 'worstFirst';

interface OrderToggleProps {
  order: RankingOrder;
  onChange(order: RankingOrder): void;
  /** The first button; a ranking that looks for trouble reads worst first. */
  first: RankingOrder;
  /** Names the choice for screen readers. */
  legend: string;
  testIdPrefix: string;
  labels: Record<RankingOrder, string>;
}

/** Best first / worst first, as a two-button segmented control: the order a ranking table is read in. */
export function OrderToggle({ order, onChange, first, legend, testIdPrefix, labels }: OrderToggleProps) {
  const options: RankingOrder[] = first === 'bestFirst' ? ['bestFirst', 'worstFirst'] : ['worstFirst', 'bestFirst'];
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">{legend}</legend>
      {options.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={order === option}
          onClick={() => onChange(option)}
          data-testid={`${testIdPrefix}-${option}`}
        >
          {labels[option]}
        </button>
      ))}
    </fieldset>
  );
}
