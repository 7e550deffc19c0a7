import { defineConfig } from 'vite';
import { optionsFromEnv, viewerConfig } from './build/config.js';

export default defineConfig(() => viewerConfig(optionsFromEnv(process.env)));
