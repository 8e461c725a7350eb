// The app's one run channel, made on first use: one training worker for every screen.
import { createTrainingClient } from '../worker/client';
import { createRunChannel, type RunChannel } from './runChannel';

let channel: RunChannel | null = null;

export function appRunChannel(): RunChannel {
  channel ??= createRunChannel({ makeClient: createTrainingClient });
  return channel;
}
