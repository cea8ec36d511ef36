import { type To, useLocation } from 'react-router';

/** The link opening a task's panel over the direction page, keeping the page's filters in the URL. */
export function useTaskLink(): (id: number) => To {
  const { search } = useLocation();
  return (id) => ({ pathname: `/direction/tasks/${id}`, search });
}
