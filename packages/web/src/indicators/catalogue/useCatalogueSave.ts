import { useState } from 'react';
import { useFieldErrors } from '../../api/errorText.ts';

type Errors = Record<string, string>;

/**
 * The state of a catalogue dialog's save: busy while it is sent, and the errors shown by field (`form`: the form's).
 * `fields` are those the server's refusal may name; any other refusal is said for the form as a whole.
 */
export function useCatalogueSave(fields: readonly string[]) {
  const fieldErrors = useFieldErrors();
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  /** Shows what was found wrong before sending; true when nothing was. */
  const check = (found: Errors): boolean => {
    setErrors(found);
    return Object.keys(found).length === 0;
  };

  /**
   * Runs the save; a refusal's errors are shown by field. `refused`, given, reads more out of the refusal and
   * returns the errors to show from those named by field.
   */
  const save = async (run: () => Promise<void>, refused?: (cause: unknown, named: Errors) => Errors) => {
    setBusy(true);
    try {
      await run();
    } catch (cause) {
      const named = fieldErrors(cause, fields);
      setErrors(refused ? refused(cause, named) : named);
    } finally {
      setBusy(false);
    }
  };

  return { busy, errors, check, save };
}
