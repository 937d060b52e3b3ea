import type { Envelope } from './define';

/** What the preload exposes as `window.councilHall` — one function, nothing else of Node. */
export interface CouncilHallBridge {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
}

export const BRIDGE_KEY = 'councilHall';
export const IPC_CHANNEL = 'council-hall:invoke';
/** The web host puts its per-run token in this meta tag and expects it back in this header. */
export const TOKEN_META = 'council-hall-token';
export const TOKEN_HEADER = 'x-council-hall-token';
