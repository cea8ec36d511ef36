import { useOutletContext } from 'react-router';

/** What the direction page hands to the task panel drawn over it. */
export interface DirectionOutlet {
  today: string;
  /** The panel changed a task: the page's figures and lists are asked again at once (live events follow too). */
  onChanged(): void;
}

export function useDirectionOutlet(): DirectionOutlet {
  return useOutletContext<DirectionOutlet>();
}
