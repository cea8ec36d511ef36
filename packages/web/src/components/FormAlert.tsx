/** The message of a form as a whole (not of one field), announced to screen readers; nothing when there is none. */
export function FormAlert({ message, span = true }: { message: string | undefined; span?: boolean }) {
  if (!message) return null;
  return (
    <div className={span ? 'notice notice-danger form-span' : 'notice notice-danger'} role="alert">
      {message}
    </div>
  );
}
