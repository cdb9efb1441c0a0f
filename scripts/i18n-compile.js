#!/usr/bin/env node
// Compiles messages/*.json into src/lib/paraglide (generated, not committed) outside vite, for
// eslint and svelte-check, which read the modules but do not run the vite plugin.
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../i18n.config.js';

await compile(paraglideOptions);
