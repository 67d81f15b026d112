import { createContext } from '@lit/context';
import type { Unit } from '@thidua/domain';
import type { MovementEntry } from '../logic/movement.js';

export interface OrgData {
  /** 'loading' until the first answer; 'none' when the organisation has no movement. */
  state: 'loading' | 'ready' | 'none' | 'error';
  current: MovementEntry | null;
  units: Record<string, Unit>;
  error: string | null;
}

export const emptyOrgData: OrgData = { state: 'loading', current: null, units: {}, error: null };

/** The organisation's current movement and its units. Provided by <thidua-app>. */
export const orgDataContext = createContext<OrgData>(Symbol('thidua-org-data'));
