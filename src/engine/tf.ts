// The one place the engine imports tfjs from: core ops plus every gradient (tfjs-core alone
// registers none). Backends are registered by whoever runs the engine (the worker, or a test).
import '@tensorflow/tfjs-core/dist/register_all_gradients';

export * as tf from '@tensorflow/tfjs-core';
