// A cost as the search lab shows it: "—" while none has been measured (NaN here means "not yet":
// a measured NaN belongs to a diverged trial, which says so in its status).
import { formatCost } from '../../ui/format';

export function costText(value: number): string {
  return Number.isNaN(value) ? '—' : formatCost(value);
}
