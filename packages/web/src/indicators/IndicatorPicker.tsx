import type { Indicator } from '@ioc/shared';
import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { indicatorName, matchesIndicator, sortIndicators } from './catalogue.ts';
import { unitLabel } from './unitLabels.ts';
import './indicators.css';

interface IndicatorPickerProps {
  indicators: readonly Indicator[];
  /** Shown first, in this order, as "headline indicators". */
  headlines: readonly string[];
  value: string | null;
  onChange(code: string): void;
}

interface Group {
  id: string;
  label: string;
  items: Indicator[];
}

/**
 * A combobox: type part of a name (with or without diacritics) or a code to narrow the list; arrows, Enter and Escape
 * work as in any list box. Headline indicators come first, then the whole catalogue by name.
 */
export function IndicatorPicker({ indicators, headlines, value, onChange }: IndicatorPickerProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  const selected = indicators.find((indicator) => indicator.code === value) ?? null;

  const groups = useMemo<Group[]>(() => {
    const byCode = new Map(indicators.map((indicator) => [indicator.code, indicator]));
    const first = headlines.map((code) => byCode.get(code)).filter((i): i is Indicator => i !== undefined);
    const rest = sortIndicators(
      indicators.filter((indicator) => !headlines.includes(indicator.code)),
      lang,
    );
    return [
      { id: `${id}-headline`, label: t('indicators.picker.headline'), items: first },
      { id: `${id}-all`, label: t('indicators.picker.all'), items: rest },
    ]
      .map((group) => ({ ...group, items: group.items.filter((indicator) => matchesIndicator(indicator, query)) }))
      .filter((group) => group.items.length > 0);
  }, [indicators, headlines, lang, query, id, t]);

  const options = groups.flatMap((group) => group.items);
  const optionId = (code: string) => `${id}-option-${code}`;

  const openList = () => {
    setOpen(true);
    setQuery('');
    const index = options.findIndex((indicator) => indicator.code === value);
    setActive(Math.max(0, index));
  };
  const close = () => {
    setOpen(false);
    setQuery('');
  };
  const choose = (code: string) => {
    close();
    if (code !== value) onChange(code);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return openList();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (options.length === 0 ? 0 : (current + step + options.length) % options.length));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      const option = options[active];
      if (option) choose(option.code);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  };

  const activeOption = open ? options[Math.min(active, options.length - 1)] : undefined;
  const activeId = activeOption ? optionId(activeOption.code) : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  return (
    <div className="field indicator-picker" data-testid="indicator-picker">
      <label htmlFor={id}>{t('indicators.picker.label')}</label>
      <div className="combo">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          placeholder={t('indicators.picker.placeholder')}
          value={open ? query : selected ? indicatorName(selected, lang) : ''}
          title={selected ? `${indicatorName(selected, lang)} (${selected.code})` : undefined}
          onFocus={openList}
          onClick={() => !open && openList()}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={close}
          data-testid="indicator-search"
        />
        <span className="combo-caret" aria-hidden="true">
          ▾
        </span>
        {open && (
          <div className="combo-popup" id={listId} role="listbox" aria-label={t('indicators.picker.label')}>
            {options.length === 0 && <p className="combo-empty">{t('common.noMatch')}</p>}
            {groups.map((group) => (
              // biome-ignore lint/a11y/useSemanticElements: a listbox groups its options with role="group", not a fieldset.
              <div key={group.id} role="group" aria-labelledby={group.id}>
                <div className="combo-group" id={group.id} role="presentation">
                  {group.label}
                </div>
                {group.items.map((indicator) => {
                  const isActive = activeOption?.code === indicator.code;
                  return (
                    // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys (aria-activedescendant).
                    <div
                      key={indicator.code}
                      id={optionId(indicator.code)}
                      role="option"
                      tabIndex={-1}
                      aria-selected={indicator.code === value}
                      className={isActive ? 'combo-option active' : 'combo-option'}
                      data-testid={`indicator-option-${indicator.code}`}
                      onMouseDown={(event) => event.preventDefault()}
                      onMouseEnter={() => setActive(options.indexOf(indicator))}
                      onClick={() => choose(indicator.code)}
                    >
                      <span>{indicatorName(indicator, lang)}</span>
                      <small>
                        {indicator.code}
                        {indicator.unit && ` · ${unitLabel(indicator.unit, lang)}`}
                      </small>
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
