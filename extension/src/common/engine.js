/**
 * The engine as the extension's pages and content scripts reach it: the shared remote EngineClient
 * (web/engine/remote.js) over this browser's runtime messages to the background.
 */
import { createRemoteEngine } from '../../../web/engine/remote.js';
import { ext } from './settings.js';

export const backgroundEngine = () => createRemoteEngine((message) => ext.runtime.sendMessage(message));
