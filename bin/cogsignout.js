#!/usr/bin/env node
// The whole program lives in one bundle built by `npm run build` (run by `prepare`).
import '../dist/cogsignout.mjs';
