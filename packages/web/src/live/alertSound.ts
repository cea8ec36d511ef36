import { useCallback, useSyncExternalStore } from 'react';

/** The operations room's choice, kept per browser: a wall PC plays the tone, a leader's laptop need not. */
const STORAGE_KEY = 'ioc.alertSound';
const listeners = new Set<() => void>();

function readChoice(): boolean {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

let enabled = readChoice();

export function alertSoundEnabled(): boolean {
  return enabled;
}

export function setAlertSound(on: boolean): void {
  enabled = on;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, on ? '1' : '0');
  } catch {
    // Private browsing without storage: the choice lasts until the page is reloaded.
  }
  for (const listener of listeners) listener();
}

let context: AudioContext | null = null;
let lastPlayed = -Infinity;
/** A burst of alerts (a storm crossing several stations) rings once, not once per alert. */
const QUIET_MS = 3000;

/**
 * Two short beeps made by the Web Audio API (no audio file to ship). Browsers start audio only after a user gesture:
 * turning the sound on is one, and it plays the tone at once so the operator hears what to expect.
 */
export function playAlertTone(): void {
  const Audio = globalThis.AudioContext;
  if (!Audio || Date.now() - lastPlayed < QUIET_MS) return;
  lastPlayed = Date.now();
  context ??= new Audio();
  void context.resume().catch(() => undefined);
  const start = context.currentTime + 0.02;
  for (const [offset, frequency] of [
    [0, 880],
    [0.22, 1175],
  ] as const) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    // A quick rise and fall, so the beep does not click.
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.18);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.2);
  }
}

export function useAlertSound(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    alertSoundEnabled,
    () => false,
  );
  const set = useCallback((next: boolean) => {
    setAlertSound(next);
    if (next) playAlertTone();
  }, []);
  return [on, set];
}
