import { type FormEvent, useId, useState } from 'react';
import { Icon } from '../components/Icon.tsx';
import { foldText } from '../components/search.ts';
import { useT } from '../i18n/index.tsx';
import type { MapUnit } from './mapData.ts';

/** Finds a unit by name or code: an exact match first, then the first name that contains the text. */
export function findUnit(units: MapUnit[], query: string): MapUnit | undefined {
  const needle = foldText(query);
  if (!needle) return undefined;
  return (
    units.find((unit) => unit.code === needle) ??
    units.find((unit) => foldText(unit.name) === needle) ??
    units.find((unit) => foldText(unit.name).includes(needle))
  );
}

export function UnitSearch({ units, onFound }: { units: MapUnit[]; onFound(unit: MapUnit): void }) {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const [notFound, setNotFound] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const unit = findUnit(units, query);
    setNotFound(!unit);
    if (unit) onFound(unit);
  };

  return (
    <search className="map-search">
      <form onSubmit={submit}>
        <label htmlFor={id} className="visually-hidden">
          {t('map.search.label')}
        </label>
        <input
          id={id}
          type="search"
          list={`${id}-units`}
          placeholder={t('map.search.placeholder')}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setNotFound(false);
          }}
          aria-invalid={notFound ? true : undefined}
          data-testid="map-search"
        />
        <datalist id={`${id}-units`}>
          {units.map((unit) => (
            <option key={unit.code} value={unit.name} />
          ))}
        </datalist>
        <button type="submit" className="button button-primary" aria-label={t('map.search.submit')}>
          <Icon name="search" size={18} />
        </button>
        {notFound && (
          <span className="map-search-error" role="alert">
            {t('map.search.notFound')}
          </span>
        )}
      </form>
    </search>
  );
}
