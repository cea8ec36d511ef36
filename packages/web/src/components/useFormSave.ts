import { useState } from 'react';
import { useFieldErrors } from '../api/errorText.ts';

interface FormSave {
  /** Messages by field name, plus `form` for one about the form as a whole. */
  errors: Record<string, string>;
  busy: boolean;
  /**
   * Shows what the form itself found wrong; when nothing, sends it, and shows what the server refused beside the
   * fields it names (`fields`), or as the form's message.
   */
  save(found: Record<string, string>, send: () => Promise<void>): Promise<void>;
}

/** The save of a form: its errors, whether it is being sent, and the sending. */
export function useFormSave(fields: readonly string[]): FormSave {
  const fieldErrors = useFieldErrors();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const save = async (found: Record<string, string>, send: () => Promise<void>) => {
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await send();
    } catch (cause) {
      setErrors(fieldErrors(cause, fields));
    } finally {
      setBusy(false);
    }
  };

  return { errors, busy, save };
}
