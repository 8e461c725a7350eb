// A run's data inside a worker: the toy sets are generated, the digits fetched once (the bytes are
// kept for the worker's lifetime; a failed fetch is forgotten so that the next run tries again).
import type { DataConfig } from '../core/config';
import { type PreparedData, prepareData } from '../engine/preparedData';

let digitsBytes: Promise<Uint8Array> | null = null;

/** `digitsUrl` is where the page serves public/data/digits.bin (the worker's own URL doesn't say). */
export async function loadData(config: DataConfig, digitsUrl: string | undefined): Promise<PreparedData> {
  if (config.dataset !== 'digits') return prepareData(config);
  if (!digitsBytes) {
    const url = digitsUrl ?? new URL('data/digits.bin', `${self.location.origin}/`).href;
    const loading = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`Could not load the digits data (${response.status} from ${url}).`);
      return new Uint8Array(await response.arrayBuffer());
    });
    digitsBytes = loading;
    loading.catch(() => {
      if (digitsBytes === loading) digitsBytes = null;
    });
  }
  return prepareData(config, await digitsBytes);
}
