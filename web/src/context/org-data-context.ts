import { createContext } from '@lit/context';
import type { Unit } from '@thidua/domain';
import type { MovementEntry } from '../logic/movement.js';

export interface OrgData {
  /**
   * 'loading' until the first answer; 'none' when the server says the organisation has no movement;
   * 'unreachable' when the server has not answered for a while and this device has nothing cached.
   */
  state: 'loading' | 'ready' | 'none' | 'unreachable' | 'error';
  current: MovementEntry | null;
  /** Every movement of the organisation, current and past (the trend across years reads them). */
  movements: MovementEntry[];
  units: Record<string, Unit>;
  error: string | null;
}

export const emptyOrgData: OrgData = { state: 'loading', current: null, movements: [], units: {}, error: null };

/** The organisation's current movement and its units. Provided by <thidua-app>. */
export const orgDataContext = createContext<OrgData>(Symbol('thidua-org-data'));
