import { useAuth } from '../auth/AuthContext.tsx';
import { Icon } from '../components/Icon.tsx';
import { useT } from '../i18n/index.tsx';
import { useAlertSound } from './alertSound.ts';

/** Turns the tone for new critical alerts on or off for this browser (the operations room's wall PC). */
export function SoundToggle() {
  const t = useT();
  const { can } = useAuth();
  const [on, setOn] = useAlertSound();
  if (!can('alerts.read')) return null;
  const label = on ? t('sound.on') : t('sound.off');
  return (
    <button
      type="button"
      className="icon-button"
      aria-pressed={on}
      aria-label={label}
      title={label}
      onClick={() => setOn(!on)}
      data-testid="alert-sound-toggle"
    >
      <Icon name={on ? 'sound' : 'soundOff'} />
    </button>
  );
}
