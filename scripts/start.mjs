#!/usr/bin/env node
// `npm start`: builds when needed, then serves the platform (embedded SQLite, demo data on first start).
import { ensureBuild } from './setup.mjs';

ensureBuild();
await import('../dist/server/main.js');
