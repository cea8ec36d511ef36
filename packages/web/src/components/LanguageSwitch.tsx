import { type Lang, useI18n } from '../i18n/index.tsx';

const LANGS: Lang[] = ['vi', 'en'];

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <fieldset className="segmented" aria-label={t('lang.label')}>
      {LANGS.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={lang === option}
          title={t(option === 'vi' ? 'lang.vi' : 'lang.en')}
          onClick={() => setLang(option)}
          data-testid={`lang-${option}`}
        >
          {option.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}
